package io.github.mxmembers.benchmark;

import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The waiter's part of the benchmark: 1,000 concurrent waits on one async client, against the sandbox
 * playing MX Bank with a 30 s aggregation, with MX's 3 s interval (no backoff, so every wait reads as
 * often as allowed). Reports how long they took, how many status reads each made (at most 11 for a
 * 30 s aggregation read every 3 s), and the most SDK threads alive while they waited: the waits hold
 * none between reads.
 */
final class WaitBenchmark {
  private static final int WAITS = 1000;
  private static final Duration AGGREGATION = Duration.ofSeconds(30);

  private WaitBenchmark() {}

  static void run() throws Exception {
    try (MxSandbox sandbox = MxSandbox.start()) {
      sandbox.aggregationTime(AGGREGATION);
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= WAITS; i++) {
        String guid = String.format(Locale.ROOT, "MBR-wait-%04d", i);
        sandbox.addMember(guid);
        members.add(guid);
      }
      try (MxPlatformAsyncClient mx =
          MxPlatformAsyncClient.builder()
              .baseUrl(sandbox.baseUrl())
              .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY)
              .maxConnections(50)
              .build()) {
        // every member starts its 30 s aggregation
        List<CompletableFuture<?>> updates = new ArrayList<>();
        for (String guid : members) {
          updates.add(mx.updateMember(MemberUpdate.builder().user(MxSandbox.USER_ID).member(guid).credential(MxSandbox.CREDENTIAL_GUID, "pw").build()));
        }
        CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

        int sdkThreadsBeforeWaits = sdkThreads();
        AggregationWait wait = AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMinutes(2));
        AtomicInteger mostSdkThreads = new AtomicInteger();
        long started = System.nanoTime();
        List<CompletableFuture<AggregationOutcome>> waits = new ArrayList<>();
        for (String guid : members) {
          waits.add(mx.waitForAggregation(MxSandbox.USER_ID, guid, wait));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
        while (!all.isDone()) {
          mostSdkThreads.accumulateAndGet(sdkThreads(), Math::max);
          Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int connected = 0;
        int mostReads = 0;
        long reads = 0;
        for (CompletableFuture<AggregationOutcome> each : waits) {
          AggregationOutcome outcome = each.get();
          connected += outcome.kind() == AggregationOutcome.Kind.CONNECTED ? 1 : 0;
          mostReads = Math.max(mostReads, outcome.polls());
          reads += outcome.polls();
        }
        System.out.printf(Locale.ROOT,
            "waits, %d concurrent on one async client, %d s aggregations read every 3 s: %.1f s; %d connected;"
                + " status reads %.1f on average, %d at most; SDK threads at most %d while waiting (%d after the updates, before the waits: the client's I/O reactor and timer)%n",
            WAITS, AGGREGATION.toSeconds(), seconds, connected, reads / (double) WAITS, mostReads, mostSdkThreads.get(),
            sdkThreadsBeforeWaits);
      }
    }
  }

  private static int sdkThreads() {
    int count = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && thread.getName().startsWith("mx-members-")) {
        count++;
      }
    }
    return count;
  }
}
