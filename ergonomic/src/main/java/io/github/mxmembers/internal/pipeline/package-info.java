/**
 * Not part of the public API: one call's path to MX as a chain of interceptors (authentication, retries,
 * the attempt on the wire) under one deadline and one retry budget, with the listener's events.
 */
package io.github.mxmembers.internal.pipeline;
