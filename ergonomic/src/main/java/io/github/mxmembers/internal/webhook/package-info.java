/**
 * Not part of the public API: may change in any release. What is behind {@code
 * io.github.mxmembers.webhook}: reading a webhook body, its lenient fields, its deduplication key and
 * the window of keys seen.
 */
package io.github.mxmembers.internal.webhook;
