/**
 * Waiting for the aggregation an update or a resume starts, as AWS SDK v2's waiters wait: how to
 * wait ({@link io.github.mxmembers.waiter.AggregationWait}: MX's 3-second rhythm, backing off to a
 * cap, one overall timeout) and how the wait ended ({@link io.github.mxmembers.waiter.AggregationOutcome}).
 * Every client's {@code waitForAggregation} takes and returns them.
 */
package io.github.mxmembers.waiter;
