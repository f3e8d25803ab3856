/** Not part of the public API: HttpClient set-up, the retrying exchange, error bodies and header logging. */
package io.github.mxmembers.internal.http;
