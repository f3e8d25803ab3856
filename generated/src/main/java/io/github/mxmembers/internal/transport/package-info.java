/**
 * The handwritten seam between the generated clients and HTTP: a request prepared once, one attempt
 * sent over Apache HttpClient 5, and the raw response. The ergonomic layer decides retries and auth.
 */
package io.github.mxmembers.internal.transport;
