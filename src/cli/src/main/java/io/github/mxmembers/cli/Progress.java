package io.github.mxmembers.cli;

import io.github.mxmembers.bulk.BulkOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A bulk run's progress on a terminal's standard error, rewritten in place at most four times a
 * second: lines finished out of all (when known), rate, failures and 429s so far, time left. Only made when
 * standard error is a terminal.
 */
final class Progress {
  private static final long EVERY_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final long total;
  private final long started = System.nanoTime();
  private long finished;
  private long done;
  private long failed;
  private long invalid;
  private long skipped;
  private long rateLimited;
  private long lastShown;

  /** @param total the lines in the input, or 0 or less when not known */
  Progress(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
  }

  synchronized void outcome(BulkOutcome outcome) {
    finished++;
    switch (outcome.kind()) {
      case DONE:
        done++;
        break;
      case FAILED:
        failed++;
        break;
      case INVALID:
        invalid++;
        break;
      default:
        skipped++;
    }
    long now = System.nanoTime();
    if (now - lastShown >= EVERY_NANOS) {
      lastShown = now;
      show(now);
    }
  }

  private void show(long now) {
    double seconds = (now - started) / 1e9;
    double rate = seconds > 0 ? finished / seconds : 0;
    StringBuilder line = new StringBuilder("\r");
    line.append(total > 0 ? finished + "/" + total : String.valueOf(finished)).append(" lines");
    // the summary's words: done, failed, invalid, skipped
    line.append(": ").append(done).append(" done");
    if (failed > 0) {
      line.append(", ").append(failed).append(" failed");
    }
    if (invalid > 0) {
      line.append(", ").append(invalid).append(" invalid");
    }
    if (skipped > 0) {
      line.append(", ").append(skipped).append(" skipped");
    }
    line.append(String.format(Locale.ROOT, ", %.1f/s", rate));
    if (rateLimited > 0) {
      line.append(", ").append(rateLimited).append(" answered 429");
    }
    if (total > 0 && rate > 0) {
      long left = (long) ((total - finished) / rate);
      line.append(String.format(Locale.ROOT, ", ETA %d:%02d", left / 60, left % 60));
    }
    line.append("   ");
    err.print(line);
    err.flush();
  }

  /** MX answered an attempt 429. */
  synchronized void rateLimited() {
    rateLimited++;
  }

  synchronized void end() {
    show(System.nanoTime());
    err.println();
    err.flush();
  }
}
