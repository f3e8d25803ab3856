/** Not part of the public API: may change in any release. The waiter behind {@code waitForAggregation}. */
package io.github.mxmembers.internal.waiter;
