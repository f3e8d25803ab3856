package io.github.mxmembers.benchmark;

import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.SandboxEvent;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The waiter's part of the benchmark: 1,000 concurrent waits on one async client, against the sandbox
 * playing MX Bank with a 30 s aggregation, with MX's 3 s interval (no backoff, so every wait reads as
 * often as allowed). Reports how long they took, how many status reads each made (at most 11 for a
 * 30 s aggregation read every 3 s), and the most SDK threads alive while they waited: the waits hold
 * none between reads. Then the same with webhooks: the sandbox posts its webhooks to a {@code
 * WebhookReceiver} that wakes the client's waits, which poll only as MX's failsafe ({@link
 * AggregationWait#withWebhooks()}); it reports the reads per wait and the time from each
 * aggregation's end to its wait's outcome, in both rounds.
 */
final class WaitBenchmark {
  private static final int WAITS = 1000;
  private static final Duration AGGREGATION = Duration.ofSeconds(30);

  private WaitBenchmark() {}

  static void run() throws Exception {
    run(false);
    run(true);
  }

  /**
   * One round of 1,000 waits: polling every 3 s, or woken by the sandbox's webhooks with {@link
   * AggregationWait#withWebhooks()}'s failsafe polling (30 s backing off to 60 s).
   */
  private static void run(boolean webhooks) throws Exception {
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
        WebhookReceiver receiver = null;
        if (webhooks) {
          receiver =
              WebhookReceiver.builder()
                  .auth(WebhookAuth.basic(MxSandbox.WEBHOOK_USERNAME, MxSandbox.WEBHOOK_PASSWORD))
                  .wakeWaits(mx)
                  .build();
          sandbox.receiveWebhooks(receiver);
        }
        // every member starts its 30 s aggregation
        List<CompletableFuture<?>> updates = new ArrayList<>();
        for (String guid : members) {
          updates.add(mx.updateMember(MemberUpdate.builder().user(MxSandbox.USER_ID).member(guid).credential(MxSandbox.CREDENTIAL_GUID, "pw").build()));
        }
        CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

        int sdkThreadsBeforeWaits = sdkThreads();
        AggregationWait wait =
            webhooks ? AggregationWait.withWebhooks() : AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMinutes(2));
        Map<String, Instant> outcomeAt = new ConcurrentHashMap<>();
        AtomicInteger mostSdkThreads = new AtomicInteger();
        long started = System.nanoTime();
        List<CompletableFuture<AggregationOutcome>> waits = new ArrayList<>();
        for (String guid : members) {
          CompletableFuture<AggregationOutcome> each = mx.waitForAggregation(MxSandbox.USER_ID, guid, wait);
          each.whenComplete((done, failure) -> outcomeAt.put(guid, Instant.now()));
          waits.add(each);
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
        // from each aggregation's end (the sandbox's event, on the system clock) to its wait's outcome
        Map<String, Instant> endedAt = new HashMap<>();
        for (SandboxEvent event : sandbox.events()) {
          if (event.type() == SandboxEvent.Type.AGGREGATION_ENDED) {
            endedAt.put(event.memberGuid(), event.at());
          }
        }
        long[] lags = new long[members.size()];
        for (int i = 0; i < members.size(); i++) {
          String guid = members.get(i);
          lags[i] = Duration.between(endedAt.get(guid), outcomeAt.get(guid)).toMillis();
        }
        Arrays.sort(lags);
        if (webhooks) {
          receiver.close();
          System.out.printf(Locale.ROOT,
              "waits with webhooks, %d concurrent on one async client, %d s aggregations, failsafe reads 30 s backing off to 60 s:"
                  + " %.1f s; %d connected; status reads %.1f on average, %d at most; aggregation end to outcome %d ms median,"
                  + " %d ms p99, %d ms at most; webhooks taken %d; SDK threads at most %d while waiting%n",
              WAITS, AGGREGATION.toSeconds(), seconds, connected, reads / (double) WAITS, mostReads, lags[lags.length / 2],
              lags[lags.length * 99 / 100], lags[lags.length - 1], receiver.stats().accepted(), mostSdkThreads.get());
        } else {
          System.out.printf(Locale.ROOT,
              "waits, %d concurrent on one async client, %d s aggregations read every 3 s: %.1f s; %d connected;"
                  + " status reads %.1f on average, %d at most; aggregation end to outcome %d ms median, %d ms p99, %d ms at most;"
                  + " SDK threads at most %d while waiting (%d after the updates, before the waits: the client's I/O reactor and timer)%n",
              WAITS, AGGREGATION.toSeconds(), seconds, connected, reads / (double) WAITS, mostReads, lags[lags.length / 2],
              lags[lags.length * 99 / 100], lags[lags.length - 1], mostSdkThreads.get(), sdkThreadsBeforeWaits);
        }
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
