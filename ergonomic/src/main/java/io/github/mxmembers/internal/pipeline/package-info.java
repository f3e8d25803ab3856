/**
 * Not part of the public API: one call's path to MX as a chain of interceptors (authentication, retries,
 * the attempt on the wire) under one deadline and one retry budget, with the listener's events. Every
 * step returns a future; the sync and the async clients share the chain and differ only in their
 * {@link io.github.mxmembers.internal.pipeline.Transport} and {@link io.github.mxmembers.internal.pipeline.Waiter}.
 */
package io.github.mxmembers.internal.pipeline;
