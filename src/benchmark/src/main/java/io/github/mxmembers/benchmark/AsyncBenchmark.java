package io.github.mxmembers.benchmark;

import com.google.gson.JsonParser;
import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * The async client's part of the benchmark: many updates in flight against a server that answers
 * each after 50 ms, the sync client on a thread pool beside it, and one call at a time against the
 * quick server, async over sync.
 */
final class AsyncBenchmark {
  static final int UPDATES = 10_000;
  static final int CONNECTIONS = 256;
  static final long DELAY_MILLIS = 50;
  private static final int WARM_UP_ROUNDS = 6;
  private static final int IN_FLIGHT_ROUNDS = 5;

  private AsyncBenchmark() {}

  static void run(MemberUpdate update, String quickBaseUrl, int rounds, long phaseNanos) throws Exception {
    double bound = UPDATES / (double) CONNECTIONS * DELAY_MILLIS / 1000;
    try (UpdateMemberBenchmark.Server slow = UpdateMemberBenchmark.Server.start(DELAY_MILLIS)) {
      String slowUrl = "http://127.0.0.1:" + slow.port;
      int others = sdkThreads(); // the sync client of the first part is still open
      try (CloseableHttpAsyncClient raw = rawAsyncClient(CONNECTIONS);
          MxPlatformAsyncClient async = asyncClient(slowUrl, CONNECTIONS)) {
        // whole rounds as warm-up: after 2,000 updates the JIT was far from done, and the side
        // measured first paid for it (1.4-1.5x the bound, settling at 1.05-1.15x some 60,000 later)
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
          rawInFlight(raw, slowUrl, UPDATES);
          inFlight(async, update, UPDATES);
        }
        List<Double> rawWalls = new ArrayList<>();
        List<Double> sdkWalls = new ArrayList<>();
        long rawCpu = 0;
        long sdkCpu = 0;
        long serverCpu = 0;
        int threads = 0;
        for (int round = 0; round < IN_FLIGHT_ROUNDS; round++) {
          // interleaved, raw first then the SDK first, so that drift in the machine affects both alike
          for (boolean sdkSide : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
            long cpu = cpuNanos();
            long server = slow.cpuNanos();
            long started = System.nanoTime();
            if (sdkSide) {
              threads = Math.max(threads, inFlight(async, update, UPDATES));
              sdkWalls.add((System.nanoTime() - started) / 1e9);
              sdkCpu += cpuNanos() - cpu;
              serverCpu += slow.cpuNanos() - server;
            } else {
              rawInFlight(raw, slowUrl, UPDATES);
              rawWalls.add((System.nanoTime() - started) / 1e9);
              rawCpu += cpuNanos() - cpu;
            }
          }
        }
        double perUpdate = 1e3 * IN_FLIGHT_ROUNDS * UPDATES;
        double rawWall = UpdateMemberBenchmark.median(rawWalls);
        double sdkWall = UpdateMemberBenchmark.median(sdkWalls);
        System.out.printf(Locale.ROOT,
            "async, %d updates, %d connections, server 50 ms: %.2f s (median of %d), %.3fx the bound of %.2f s, %d threads of the client, %.0f us CPU per update (server %.0f us)%n",
            UPDATES, CONNECTIONS, sdkWall, IN_FLIGHT_ROUNDS, sdkWall / bound, bound, threads - others, sdkCpu / perUpdate, serverCpu / perUpdate);
        System.out.printf(Locale.ROOT,
            "raw HttpAsyncClient, the same, interleaved:   %.2f s (median of %d), %.3fx the bound, %.0f us CPU per update%n",
            rawWall, IN_FLIGHT_ROUNDS, rawWall / bound, rawCpu / perUpdate);
      }
      try (MxPlatformClient sync = syncClient(slowUrl, CONNECTIONS)) {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
          for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            onPool(sync, update, pool, UPDATES);
          }
          List<Double> walls = new ArrayList<>();
          long cpu = cpuNanos();
          for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            onPool(sync, update, pool, UPDATES);
            walls.add((System.nanoTime() - started) / 1e9);
          }
          double cpuPerUpdate = (cpuNanos() - cpu) / 1e3 / (3.0 * UPDATES);
          System.out.printf(Locale.ROOT,
              "sync on a pool of %d threads, same server:   %.2f s (median of 3), %d threads (%d callers + %d SDK), %.0f us CPU per update%n",
              CONNECTIONS, UpdateMemberBenchmark.median(walls), CONNECTIONS + sdkThreads(), CONNECTIONS, sdkThreads(), cpuPerUpdate);
        } finally {
          pool.shutdownNow();
        }
      }
    }

    try (MxPlatformClient sync = syncClient(quickBaseUrl, 20);
        MxPlatformAsyncClient async = asyncClient(quickBaseUrl, 20)) {
      UpdateMemberBenchmark.Caller syncCall = () -> check(sync.updateMember(update));
      UpdateMemberBenchmark.Caller asyncCall = () -> check(async.updateMember(update).join());
      UpdateMemberBenchmark.throughput(syncCall, 1, 2 * phaseNanos);
      UpdateMemberBenchmark.throughput(asyncCall, 1, 2 * phaseNanos);
      UpdateMemberBenchmark.report(
          "async/sync, 1 call at a time", "async/sync", UpdateMemberBenchmark.interleave(rounds, syncCall, asyncCall, 1, phaseNanos));
      List<Double> syncBytes = new ArrayList<>();
      List<Double> asyncBytes = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        syncBytes.add(bytesPerCallAllThreads(syncCall, 2_000));
        asyncBytes.add(bytesPerCallAllThreads(asyncCall, 2_000));
      }
      double s = UpdateMemberBenchmark.median(syncBytes);
      double a = UpdateMemberBenchmark.median(asyncBytes);
      System.out.printf(Locale.ROOT,
          "async/sync allocation : async %.0f B, sync %.0f B per call (every thread of this JVM), ratio %.3f%n", a, s, a / s);
    }
  }

  private static MxPlatformAsyncClient asyncClient(String baseUrl, int connections) {
    return MxPlatformAsyncClient.builder()
        .baseUrl(baseUrl)
        .credentials(UpdateMemberBenchmark.CLIENT_ID, UpdateMemberBenchmark.API_KEY)
        .maxConnections(connections)
        .build();
  }

  /** What an integrator writes by hand over HttpClient's async client: prebuilt bytes, the answer parsed with Gson. */
  private static CloseableHttpAsyncClient rawAsyncClient(int connections) {
    CloseableHttpAsyncClient raw =
        HttpAsyncClients.custom()
            .setConnectionManager(
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .build())
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(Math.min(4, Runtime.getRuntime().availableProcessors())).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .build();
    raw.start();
    return raw;
  }

  private static void rawInFlight(CloseableHttpAsyncClient raw, String baseUrl, int count) throws Exception {
    byte[] body =
        ("{\"member\":{\"credentials\":[{\"guid\":\"" + UpdateMemberBenchmark.CREDENTIAL + "\",\"value\":\"n3w-password\"}]}}")
            .getBytes(StandardCharsets.UTF_8);
    String authorization =
        "Basic " + Base64.getEncoder().encodeToString(
            (UpdateMemberBenchmark.CLIENT_ID + ":" + UpdateMemberBenchmark.API_KEY).getBytes(StandardCharsets.UTF_8));
    URI uri = URI.create(baseUrl + UpdateMemberBenchmark.PATH);
    List<CompletableFuture<String>> calls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      SimpleHttpRequest put = SimpleRequestBuilder.put(uri)
          .addHeader("Accept", "application/json")
          .addHeader("Accept-Version", "v20250224")
          .addHeader("Authorization", authorization)
          .setBody(body, ContentType.APPLICATION_JSON)
          .build();
      CompletableFuture<String> call = new CompletableFuture<>();
      raw.execute(put, new FutureCallback<SimpleHttpResponse>() {
        @Override
        public void completed(SimpleHttpResponse response) {
          call.complete(JsonParser.parseString(response.getBodyText()).getAsJsonObject()
              .getAsJsonObject("member").get("name").getAsString());
        }

        @Override
        public void failed(Exception e) {
          call.completeExceptionally(e);
        }

        @Override
        public void cancelled() {
          call.cancel(false);
        }
      });
      calls.add(call);
    }
    CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(5, TimeUnit.MINUTES);
  }

  private static MxPlatformClient syncClient(String baseUrl, int connections) {
    return MxPlatformClient.builder()
        .baseUrl(baseUrl)
        .credentials(UpdateMemberBenchmark.CLIENT_ID, UpdateMemberBenchmark.API_KEY)
        .maxConnections(connections)
        .build();
  }

  /** Starts {@code count} updates at once and waits for all; returns the SDK threads seen meanwhile. */
  private static int inFlight(MxPlatformAsyncClient async, MemberUpdate update, int count) {
    List<CompletableFuture<MemberUpdateResult>> calls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      calls.add(async.updateMember(update));
    }
    int threads = sdkThreads();
    for (CompletableFuture<MemberUpdateResult> call : calls) {
      check(call.join());
    }
    return Math.max(threads, sdkThreads());
  }

  /** {@code count} updates by the pool's threads, each taking the next until none is left. */
  private static void onPool(MxPlatformClient sync, MemberUpdate update, ExecutorService pool, int count)
      throws InterruptedException {
    AtomicInteger left = new AtomicInteger(count);
    CountDownLatch done = new CountDownLatch(CONNECTIONS);
    for (int t = 0; t < CONNECTIONS; t++) {
      pool.execute(
          () -> {
            try {
              while (left.getAndDecrement() > 0) {
                check(sync.updateMember(update));
              }
            } finally {
              done.countDown();
            }
          });
    }
    if (!done.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the sync run did not finish");
    }
  }

  private static void check(MemberUpdateResult result) {
    if (result.status() != 200) {
      throw new IllegalStateException("status " + result.status());
    }
  }

  /** Threads of the SDK's clients now alive (the I/O reactor's and the timers). */
  static int sdkThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.isAlive() && thread.getName().startsWith("mx-members-"))
            .count();
  }

  /** Bytes every thread of this JVM allocates per call: the async client's work is on its I/O threads. */
  private static double bytesPerCallAllThreads(UpdateMemberBenchmark.Caller caller, int calls) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = sum(threads.getThreadAllocatedBytes(threads.getAllThreadIds()));
    for (int i = 0; i < calls; i++) {
      caller.call();
    }
    return (sum(threads.getThreadAllocatedBytes(threads.getAllThreadIds())) - before) / (double) calls;
  }

  /** CPU time of this JVM, every thread. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long value : values) {
      total += Math.max(0, value);
    }
    return total;
  }
}
