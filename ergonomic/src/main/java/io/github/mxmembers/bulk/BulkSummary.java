package io.github.mxmembers.bulk;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What a run did, in numbers. */
public final class BulkSummary {
  private final long done;
  private final long failed;
  private final long invalid;
  private final long skipped;
  private final long skippedFailures;
  private final Map<String, Long> failedByReason;
  private final long rateLimited;
  private final Duration elapsed;
  private final boolean complete;

  BulkSummary(
      long done,
      long failed,
      long invalid,
      long skipped,
      long skippedFailures,
      Map<String, Long> failedByReason,
      long rateLimited,
      Duration elapsed,
      boolean complete) {
    this.done = done;
    this.failed = failed;
    this.invalid = invalid;
    this.skipped = skipped;
    this.skippedFailures = skippedFailures;
    this.failedByReason = Collections.unmodifiableMap(new TreeMap<>(failedByReason));
    this.rateLimited = rateLimited;
    this.elapsed = elapsed;
    this.complete = complete;
  }

  /** {@return items MX took in this run} */
  public long done() {
    return done;
  }

  /** {@return items sent in this run that failed} */
  public long failed() {
    return failed;
  }

  /** {@return items with bad input: nothing of them was sent} */
  public long invalid() {
    return invalid;
  }

  /** {@return items the journal said an earlier run had finished} */
  public long skipped() {
    return skipped;
  }

  /** {@return of the skipped items, those the earlier run recorded as failed or invalid} */
  public long skippedFailures() {
    return skippedFailures;
  }

  /** {@return the failures of this run by {@link BulkOutcome#reason()}} */
  public Map<String, Long> failedByReason() {
    return failedByReason;
  }

  /** {@return attempts MX answered with 429 (each update's own retries included)} */
  public long rateLimited() {
    return rateLimited;
  }

  /** {@return how long the run took} */
  public Duration elapsed() {
    return elapsed;
  }

  /** {@return items sent per second (done and failed)} */
  public double ratePerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : (done + failed) / seconds;
  }

  /** {@return false when the run was interrupted before it read every item} */
  public boolean complete() {
    return complete;
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%d done, %d failed %s, %d invalid, %d skipped (in the journal), %d answered 429, %.1f s, %.1f updates/s%s",
        done, failed, failedByReason, invalid, skipped, rateLimited, elapsed.toMillis() / 1000.0, ratePerSecond(),
        complete ? "" : ", interrupted");
  }
}
