package io.github.mxmembers.bulk;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** A bulk run's counts, one outcome at a time from any thread, and the {@link BulkSummary} they add up to. */
final class BulkTally {
  private long done;
  private long failed;
  private long invalid;
  private long skipped;
  private long skippedFailures;
  private final Map<String, Long> failedByReason = new TreeMap<>();

  synchronized void count(BulkOutcome outcome) {
    switch (outcome.kind()) {
      case DONE:
        done++;
        break;
      case FAILED:
        failed++;
        failedByReason.merge(outcome.reason(), 1L, Long::sum);
        break;
      case INVALID:
        invalid++;
        break;
      default:
        skipped++;
        if (outcome.failedBefore()) {
          skippedFailures++;
        }
    }
  }

  /**
   * @param rateLimited the attempts MX answered 429
   * @param complete false when the run was interrupted before it read all of its input
   */
  synchronized BulkSummary summary(long rateLimited, Duration elapsed, boolean complete) {
    return new BulkSummary(
        done, failed, invalid, skipped, skippedFailures, failedByReason, rateLimited, elapsed, complete);
  }
}
