package io.github.mxmembers.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mxmembers.bulk.BulkOutcome;
import io.github.mxmembers.bulk.BulkSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What bulk-update prints at the end: the summary (done, failed by reason, invalid, skipped, 429s,
 * elapsed, rate), where the journal and the rejects are, and the failed lines with their status, MX
 * code and request id (the first {@code listed} of them; all are in the rejects file). With {@code
 * --json}, one JSON object. Messages are the SDK's and the tool's, which never hold a secret.
 */
final class BulkReport {
  private final int listed;
  private final JsonArray failures = new JsonArray();
  private long unlisted;
  private int exitCode = ExitCodes.OK;

  BulkReport(int listed) {
    this.listed = listed;
  }

  /** Hears each outcome, from the run's threads. */
  synchronized void outcome(BulkOutcome outcome) {
    if (outcome.kind() == BulkOutcome.Kind.SKIPPED) {
      // as the run that recorded it counted it: a rerun's exit code is the first run's
      outcome.reasonBefore().ifPresent(reason -> worst(ExitCodes.ofReason(reason)));
      return;
    }
    if (outcome.kind() == BulkOutcome.Kind.DONE) {
      return;
    }
    RuntimeException failure = outcome.failure().orElseThrow();
    worst(outcome.kind() == BulkOutcome.Kind.INVALID ? ExitCodes.BAD_INPUT : ExitCodes.of(failure));
    if (failures.size() >= listed) {
      unlisted++;
      return;
    }
    JsonObject entry = new JsonObject();
    entry.addProperty("line", outcome.key());
    entry.addProperty("reason", outcome.reason());
    if (outcome.status() != 0) {
      entry.addProperty("status", outcome.status());
    }
    outcome.mxCode().ifPresent(code -> entry.addProperty("mx_code", code));
    outcome.requestId().ifPresent(id -> entry.addProperty("request_id", id));
    entry.addProperty("message", String.valueOf(failure.getMessage()));
    failures.add(entry);
  }

  /** Bad input outranks an API error, which outranks a transport failure, then an unreadable answer. */
  private void worst(int code) {
    if (exitCode == ExitCodes.OK || (code != ExitCodes.OK && code < exitCode)) {
      exitCode = code;
    }
  }

  synchronized int exitCode(BulkSummary summary) {
    return summary.complete() ? exitCode : Math.max(exitCode, 1);
  }

  synchronized void print(
      BulkSummary summary, Path journal, Path rejects, boolean sandbox, boolean asJson, PrintWriter out) {
    if (asJson) {
      JsonObject root = new JsonObject();
      root.addProperty("done", summary.done());
      root.addProperty("failed", summary.failed());
      JsonObject byReason = new JsonObject();
      for (Map.Entry<String, Long> reason : summary.failedByReason().entrySet()) {
        byReason.addProperty(reason.getKey(), reason.getValue());
      }
      root.add("failed_by_reason", byReason);
      root.addProperty("invalid", summary.invalid());
      root.addProperty("skipped", summary.skipped());
      root.addProperty("skipped_failed_before", summary.skippedFailures());
      root.addProperty("rate_limited", summary.rateLimited());
      root.addProperty("elapsed_seconds", summary.elapsed().toMillis() / 1000.0);
      root.addProperty("rate_per_second", Math.round(summary.ratePerSecond() * 10) / 10.0);
      root.addProperty("complete", summary.complete());
      root.addProperty("journal", journal.toString());
      if (rejects != null) {
        root.addProperty("rejects", rejects.toString());
      }
      root.add("failures", failures);
      if (unlisted > 0) {
        root.addProperty("failures_not_listed", unlisted);
      }
      root.addProperty("exit_code", exitCode(summary));
      out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(root));
      out.flush();
      return;
    }
    if (sandbox) {
      out.println("Embedded MX sandbox (no MX account needed)");
    }
    out.printf(
        Locale.ROOT,
        "%d done, %d failed%s, %d invalid, %d skipped (finished by an earlier run%s), %d answered 429, %.1f s, %.1f updates/s%n",
        summary.done(),
        summary.failed(),
        summary.failedByReason().isEmpty() ? "" : " " + summary.failedByReason(),
        summary.invalid(),
        summary.skipped(),
        summary.skippedFailures() == 0 ? "" : ", " + summary.skippedFailures() + " of them failed",
        summary.rateLimited(),
        summary.elapsed().toMillis() / 1000.0,
        summary.ratePerSecond());
    if (!summary.complete()) {
      out.println("Interrupted: rerun with the same journal to finish.");
    }
    for (int i = 0; i < failures.size() && i < 20; i++) {
      JsonObject failure = failures.get(i).getAsJsonObject();
      out.println("  line " + failure.get("line").getAsLong() + ": " + failure.get("message").getAsString());
    }
    long more = failures.size() + unlisted - Math.min(20, failures.size());
    if (more > 0) {
      out.println("  ... and " + more + " more (--json lists them)");
    }
    out.println("Journal: " + journal);
    if (rejects != null) {
      out.println("Failed lines, ready for a rerun (credential values removed): " + rejects);
    }
    out.flush();
  }
}
