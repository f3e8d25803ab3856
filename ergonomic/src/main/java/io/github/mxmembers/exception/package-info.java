/**
 * What a call can fail with: every failure is an unchecked {@link io.github.mxmembers.exception.MxException}.
 * Bad input is rejected before any I/O with {@link java.lang.IllegalArgumentException} or, for an
 * incomplete builder, {@link java.lang.IllegalStateException}.
 */
package io.github.mxmembers.exception;
