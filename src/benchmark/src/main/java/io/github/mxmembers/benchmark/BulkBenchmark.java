package io.github.mxmembers.benchmark;

import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.bulk.BulkSummary;
import io.github.mxmembers.bulk.BulkUpdate;
import io.github.mxmembers.cli.MxMembersCli;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.sandbox.MxSandbox;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The bulk engine's part of the benchmark: 10,000 updates against the sandbox limited to 200
 * requests a second with 20 ms of latency (the bound is 50 s), and a 1,000,000-line dry run in a
 * JVM whose heap is capped at 64 MB.
 */
final class BulkBenchmark {
  static final int UPDATES = 10_000;
  static final int LIMIT = 200;
  static final int DRY_RUN_LINES = 1_000_000;

  private BulkBenchmark() {}

  static void run() throws Exception {
    try (MxSandbox sandbox = MxSandbox.start()) {
      for (int i = 1; i <= UPDATES; i++) {
        sandbox.addMember(guid(i));
      }
      sandbox.rateLimit(LIMIT);
      sandbox.latency(Duration.ofMillis(20));
      BulkSummary summary =
          BulkUpdate.builder()
              .platform(
                  MxPlatformAsyncClient.builder()
                      .baseUrl(sandbox.baseUrl())
                      .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY))
              .concurrency(16)
              .build()
              .run(
                  IntStream.rangeClosed(1, UPDATES)
                      .mapToObj(i -> MemberUpdate.builder().user(MxSandbox.USER_ID).member(guid(i)).metadata("bulk " + i).build()));
      double bound = UPDATES / (double) LIMIT;
      double seconds = summary.elapsed().toMillis() / 1000.0;
      long requests = sandbox.received().size();
      System.out.printf(Locale.ROOT,
          "bulk, %d updates, sandbox 200/s and 20 ms, adaptive pacing: %.1f s, %.3fx the bound of %.0f s; %d done, %d failed;"
              + " %d of %d requests answered 429 (%.2f%%)%n",
          UPDATES, seconds, seconds / bound, bound, summary.done(), summary.failed(), sandbox.rateLimited(), requests,
          100.0 * sandbox.rateLimited() / requests);
    }

    Path dir = Files.createTempDirectory("mx-members-bulk");
    Path input = dir.resolve("million.jsonl");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
        for (int i = 1; i <= DRY_RUN_LINES; i++) {
          out.write("{\"user\":\"u-1234\",\"member\":\"" + guid(i) + "\",\"metadata\":\"backfill " + i
              + "\",\"use_cases\":[\"PFM\"],\"credentials\":[{\"guid\":\"CRD-1\",\"value\":\"pw-" + i + "\"}]}\n");
        }
      }
      List<String> command =
          List.of(
              Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx64m",
              "-cp",
              System.getProperty("java.class.path"),
              MxMembersCli.class.getName(),
              "bulk-update",
              input.toString(),
              "--dry-run");
      long started = System.nanoTime();
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      boolean ended = child.waitFor(10, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT,
          "bulk --dry-run, %d lines (%d MB) in a JVM with -Xmx64m: exit %s in %.1f s (%.0f lines/s): %s%n",
          DRY_RUN_LINES, Files.size(input) >> 20, ended ? String.valueOf(child.exitValue()) : "none (timed out)",
          seconds, DRY_RUN_LINES / seconds, output);
    } finally {
      Files.deleteIfExists(input);
      Files.deleteIfExists(dir);
    }
  }

  private static String guid(int i) {
    return String.format(Locale.ROOT, "MBR-bench-%07d", i);
  }
}
