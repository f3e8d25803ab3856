package io.github.mxmembers.benchmark;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The project's benchmark: the Platform {@code updateMember} through the SDK against raw HttpClient
 * 5 sending prebuilt bytes and parsing the answer with Gson, both against one loopback server in its
 * own JVM ({@link LoopbackServer}). Rounds are interleaved (raw then SDK, then SDK then raw, ...)
 * so that drift in the machine affects both alike; it prints ratios, SDK over raw.
 *
 * <p>Then the async client ({@link AsyncBenchmark}): 10,000 updates in flight against a server
 * answering after 50 ms, the sync client on 256 threads beside it, and async over sync one call at a
 * time. Then the bulk engine ({@link BulkBenchmark}).
 *
 * <p>Then cold start ({@link ColdStartBenchmark}): spawn to first call in a JVM per run.
 *
 * <p>Run: {@code java -jar src/benchmark/target/mx-members-benchmark.jar [--rounds N] [--seconds S] [--part all|sync|async|bulk|waits|receiver|micrometer|cold]}.
 */
public final class UpdateMemberBenchmark {
  static final String CLIENT_ID = "bench-client";
  static final String API_KEY = "bench-api-key";
  static final String CREDENTIAL = "CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f";
  static final String PATH = "/users/u-1234/members/MBR-7c6f361b-e582-15b6-60c0-358f12466b4b";
  private static final int POOL = 20;
  private static final AtomicLong SINK = new AtomicLong();

  private UpdateMemberBenchmark() {}

  /** One way of making the call, for one thread after another. */
  interface Caller {
    void call();
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int rounds = 9;
    double seconds = 1.5;
    String part = "all";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds":
          rounds = Integer.parseInt(args[++i]);
          break;
        case "--seconds":
          seconds = Double.parseDouble(args[++i]);
          break;
        case "--part":
          part = args[++i];
          break;
        default:
          System.err.println("usage: [--rounds N] [--seconds S] [--part all|sync|async|bulk|waits|receiver|micrometer|cold]");
          System.exit(2);
      }
    }
    long phaseNanos = (long) (seconds * 1e9);
    try (Server server = Server.start(0)) {
      String baseUrl = "http://127.0.0.1:" + server.port;
      try (CloseableHttpClient raw = rawClient();
          MxPlatformClient sdk =
              MxPlatformClient.builder().baseUrl(baseUrl).credentials(CLIENT_ID, API_KEY).build()) {
        Caller rawCall = rawCaller(raw, baseUrl);
        MemberUpdate update =
            MemberUpdate.builder()
                .user("u-1234")
                .member("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
                .credential(CREDENTIAL, "n3w-password")
                .build();
        Caller sdkCall =
            () -> {
              MemberUpdateResult result = sdk.updateMember(update);
              SINK.addAndGet(result.status() + result.member().get().name().orElse("").length());
            };

        System.out.printf(Locale.ROOT, "mx-members benchmark: %d rounds of %.1f s per side, Java %s, %d cores%n",
            rounds, seconds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (part.equals("async")) {
          AsyncBenchmark.run(update, baseUrl, rounds, phaseNanos);
          return;
        }
        if (part.equals("bulk")) {
          BulkBenchmark.run();
          return;
        }
        if (part.equals("waits")) {
          WaitBenchmark.run();
          return;
        }
        if (part.equals("receiver")) {
          ReceiverBenchmark.run();
          return;
        }
        if (part.equals("micrometer")) {
          micrometer(baseUrl, update, sdkCall, rounds, phaseNanos);
          return;
        }
        if (part.equals("cold")) {
          ColdStartBenchmark.run(baseUrl, 2 * rounds);
          return;
        }
        // warm-up: JIT, both pools filled to 8 connections
        for (Caller caller : List.of(rawCall, sdkCall)) {
          throughput(caller, 1, 3 * phaseNanos);
          throughput(caller, 8, 2 * phaseNanos);
        }

        long[] before = server.stats();
        report("throughput, 1 thread ", interleave(rounds, rawCall, sdkCall, 1, phaseNanos));
        report("throughput, 8 threads", interleave(rounds, rawCall, sdkCall, 8, phaseNanos));
        long[] after = server.stats();

        List<Double> rawBytes = new ArrayList<>();
        List<Double> sdkBytes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          rawBytes.add(bytesPerCall(rawCall, 2_000));
          sdkBytes.add(bytesPerCall(sdkCall, 2_000));
        }
        double rawMedian = median(rawBytes);
        double sdkMedian = median(sdkBytes);
        System.out.printf(Locale.ROOT, "allocation per call   : sdk %.0f B, raw %.0f B, ratio %.3f%n",
            sdkMedian, rawMedian, sdkMedian / rawMedian);
        System.out.printf(Locale.ROOT,
            "new connections       : %d during the measured rounds (%d updates; pools warm: 8 per client)%n",
            after[0] - before[0], after[1] - before[1]);
        if (part.equals("all")) {
          AsyncBenchmark.run(update, baseUrl, rounds, phaseNanos);
          BulkBenchmark.run();
          WaitBenchmark.run();
          ReceiverBenchmark.run();
          ColdStartBenchmark.run(baseUrl, 2 * rounds);
        }
      }
    }
  }

  private static CloseableHttpClient rawClient() {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(POOL).setMaxConnPerRoute(POOL).build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
        .build();
  }

  /** What an integrator writes by hand: prebuilt bytes and headers, the answer parsed with Gson. */
  private static Caller rawCaller(CloseableHttpClient raw, String baseUrl) {
    byte[] body =
        ("{\"member\":{\"credentials\":[{\"guid\":\"" + CREDENTIAL + "\",\"value\":\"n3w-password\"}]}}")
            .getBytes(StandardCharsets.UTF_8);
    String authorization =
        "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + API_KEY).getBytes(StandardCharsets.UTF_8));
    URI uri = URI.create(baseUrl + PATH);
    return () -> {
      HttpPut put = new HttpPut(uri);
      put.addHeader("Accept", "application/json");
      put.addHeader("Accept-Version", "v20250224");
      put.addHeader("Authorization", authorization);
      put.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
      try {
        JsonElement member =
            raw.execute(
                put,
                response -> {
                  if (response.getCode() != 200) {
                    throw new IOException("status " + response.getCode());
                  }
                  // straight from the stream: no byte array in between
                  try (InputStreamReader reader =
                      new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8)) {
                    return JsonParser.parseReader(reader).getAsJsonObject().get("member");
                  }
                });
        SINK.addAndGet(200 + member.getAsJsonObject().get("name").getAsString().length());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * The update with the Micrometer instrumentation on (observations timed by a {@code
   * SimpleMeterRegistry}, the counters and gauge registered) against the same SDK without it, in
   * interleaved rounds: the throughput ratio, and the bytes each call allocates. {@code
   * -Dmxb.mode=noop} measures a listener that does nothing instead (the cost of the SDK's events),
   * {@code -Dmxb.mode=nohandler} the instrumentation with no observation handler (its own cost,
   * without Micrometer's timers).
   */
  private static void micrometer(String baseUrl, MemberUpdate update, Caller plain, int rounds, long phaseNanos)
      throws InterruptedException {
    io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    io.micrometer.observation.ObservationRegistry observations = io.micrometer.observation.ObservationRegistry.create();
    String mode = System.getProperty("mxb.mode", "");
    if (!mode.equals("nohandler")) {
      observations.observationConfig().observationHandler(new io.micrometer.core.instrument.observation.DefaultMeterObservationHandler(meters));
    }
    io.github.mxmembers.CallListener listener =
        mode.equals("noop") ? new io.github.mxmembers.CallListener() {} : io.github.mxmembers.micrometer.MxObservations.builder(observations).meterRegistry(meters).build();
    try (MxPlatformClient observed =
        MxPlatformClient.builder().baseUrl(baseUrl).credentials(CLIENT_ID, API_KEY)
            .callListener(listener)
            .build()) {
      Caller observedCall =
          () -> {
            MemberUpdateResult result = observed.updateMember(update);
            SINK.addAndGet(result.status() + result.member().get().name().orElse("").length());
          };
      for (Caller caller : List.of(plain, observedCall)) {
        throughput(caller, 1, 3 * phaseNanos);
        throughput(caller, 8, 2 * phaseNanos);
      }
      report("micrometer, 1 thread ", "with/without", interleave(rounds, plain, observedCall, 1, phaseNanos));
      report("micrometer, 8 threads", "with/without", interleave(rounds, plain, observedCall, 8, phaseNanos));
      List<Double> without = new ArrayList<>();
      List<Double> with = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        without.add(bytesPerCall(plain, 2_000));
        with.add(bytesPerCall(observedCall, 2_000));
      }
      System.out.printf(Locale.ROOT, "micrometer allocation : %.0f B a call with it, %.0f B without, %.0f B more%n",
          median(with), median(without), median(with) - median(without));
    }
  }

  /** SDK/raw throughput ratios, one per round; the side that goes first alternates. */
  static List<Double> interleave(int rounds, Caller raw, Caller sdk, int threads, long nanos)
      throws InterruptedException {
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double rawRate;
      double sdkRate;
      if (round % 2 == 0) {
        rawRate = throughput(raw, threads, nanos);
        sdkRate = throughput(sdk, threads, nanos);
      } else {
        sdkRate = throughput(sdk, threads, nanos);
        rawRate = throughput(raw, threads, nanos);
      }
      ratios.add(sdkRate / rawRate);
    }
    return ratios;
  }

  /** Calls per second over {@code nanos}, from {@code threads} threads calling back to back. */
  static double throughput(Caller caller, int threads, long nanos) throws InterruptedException {
    AtomicLong calls = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    long end = start + nanos;
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                long mine = 0;
                try {
                  while (System.nanoTime() < end) {
                    caller.call();
                    mine++;
                  }
                } finally {
                  calls.addAndGet(mine);
                  done.countDown();
                }
              });
      thread.setDaemon(true);
      thread.start();
    }
    done.await();
    return calls.get() / ((System.nanoTime() - start) / 1e9);
  }

  /** Bytes this thread allocates per call, HttpClient's own work included (classic I/O runs here). */
  private static double bytesPerCall(Caller caller, int calls) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < calls; i++) {
      caller.call();
    }
    return (threads.getThreadAllocatedBytes(id) - before) / (double) calls;
  }

  private static void report(String label, List<Double> ratios) {
    report(label, "sdk/raw", ratios);
  }

  static void report(String label, String what, List<Double> ratios) {
    List<String> each = new ArrayList<>();
    for (double ratio : ratios) {
      each.add(String.format(Locale.ROOT, "%.2f", ratio));
    }
    System.out.printf(Locale.ROOT, "%s : %s %.3f (median; rounds %s)%n", label, what, median(ratios), String.join(" ", each));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The loopback server's JVM, started from this jar. */
  static final class Server implements AutoCloseable {
    final Process process;
    final int port;

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Server start(long delayMillis) throws IOException {
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                  LoopbackServer.class.getName(), String.valueOf(delayMillis))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
      String line = out.readLine();
      if (line == null || !line.startsWith("PORT ")) {
        process.destroyForcibly();
        throw new IOException("the loopback server did not start: " + line);
      }
      return new Server(process, Integer.parseInt(line.substring(5).trim()));
    }

    /** The server process's CPU time so far (user and system), from /proc; -1 where there is none. */
    long cpuNanos() {
      try {
        String stat = new String(java.nio.file.Files.readAllBytes(Paths.get("/proc/" + process.pid() + "/stat")), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of the whole line (utime, stime), in clock ticks of 10 ms
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }

    /** {connections, requests} the server has seen. */
    long[] stats() throws IOException {
      java.net.HttpURLConnection connection =
          (java.net.HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/stats").toURL().openConnection();
      try (java.io.InputStream in = connection.getInputStream()) {
        String[] parts = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
      } finally {
        connection.disconnect();
      }
    }

    @Override
    public void close() throws IOException {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
