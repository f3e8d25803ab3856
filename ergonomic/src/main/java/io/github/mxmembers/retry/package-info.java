/** Which failures are retried, and how long to wait before the next attempt. */
package io.github.mxmembers.retry;
