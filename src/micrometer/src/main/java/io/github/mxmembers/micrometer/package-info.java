/**
 * Micrometer observations of the mx-members SDK's MX calls: {@link io.github.mxmembers.micrometer.MxObservations},
 * a {@code CallListener} to give a client builder, and its convention.
 */
package io.github.mxmembers.micrometer;
