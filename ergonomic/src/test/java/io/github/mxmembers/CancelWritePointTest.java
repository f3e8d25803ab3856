package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.retry.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * What a cancel guarantees, proved where it matters: at the point where an attempt is handed its
 * connection, after which its bytes go to the wire. Hundreds of Nexus updates wait for one session;
 * when it opens, their attempts all start on the I/O threads at once (leasing connections, queued for
 * them, being handed one) while another thread cancels half of them at random. One logical clock
 * orders both: no update whose {@code cancel(true)} returned true is handed a connection afterwards,
 * and the server never reads one that was not handed one before. Repeated to catch the race.
 */
class CancelWritePointTest {
  private static final int UPDATES = 300;
  private final AtomicLong clock = new AtomicLong();
  private final Map<String, Long> handed = new ConcurrentHashMap<>();
  private final Set<String> read = ConcurrentHashMap.newKeySet();
  private final Set<String> firstAttempts = ConcurrentHashMap.newKeySet();
  private HttpServer server;
  private ExecutorService serverThreads;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    serverThreads = Executors.newFixedThreadPool(8);
    server.setExecutor(serverThreads);
    byte[] session = "{\"session\":{\"token\":\"s-1\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] member = MockMx.nexusMemberJson().getBytes(StandardCharsets.UTF_8);
    byte[] platformMember = MockMx.platformMemberJson().getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getRawPath();
          if (path.startsWith("/users/") && firstAttempts.add(path)) {
            // a Platform update's first attempt: 503, so that its retry starts on the timer thread
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
          }
          if (!path.equals("/sessions")) {
            read.add(path);
          }
          byte[] body = path.equals("/sessions") ? session : path.startsWith("/users/") ? platformMember : member;
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @RepeatedTest(12)
  void anUpdateCancelledBeforeItWasHandedAConnectionIsNeverWritten() throws Exception {
    CompletableFuture<String> token = new CompletableFuture<>();
    Map<String, Long> cancelled = new ConcurrentHashMap<>();
    List<CompletableFuture<MemberUpdateResult>> calls = new ArrayList<>();
    MxNexusAsyncClient.Builder builder =
        Internals.writeObserver(
            MxNexusAsyncClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .apiTokenSource(() -> token)
                .retryPolicy(RetryPolicy.none())
                .maxConnections(32),
            request -> handed.putIfAbsent(request.pathAndQuery(), clock.incrementAndGet()));
    try (MxNexusAsyncClient nexus = builder.build()) {
      for (int i = 0; i < UPDATES; i++) {
        calls.add(nexus.updateMember(MemberUpdate.builder().member("MBR-" + i).metadata("m").build()));
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < UPDATES; i += 2) {
        order.add(i);
      }
      Collections.shuffle(order, new Random());
      Thread canceller =
          new Thread(
              () -> {
                for (int i : order) {
                  if (calls.get(i).cancel(true)) {
                    cancelled.put("/members/MBR-" + i, clock.incrementAndGet());
                  }
                }
              });

      // the session opens on this thread; the updates waiting for it start on the I/O threads, racing the cancels
      canceller.start();
      token.complete("api-token-1");
      canceller.join(TimeUnit.SECONDS.toMillis(10));
      awaitAll(calls);
    }

    assertNeverWrittenAfterCancel(cancelled);
  }

  /** No cancelled update was handed a connection after its cancel returned, nor read without one. */
  private void assertNeverWrittenAfterCancel(Map<String, Long> cancelled) {
    assertThat(cancelled).as("cancels that returned true").isNotEmpty();
    List<String> writtenAfterCancel = new ArrayList<>();
    List<String> readButNeverHanded = new ArrayList<>();
    cancelled.forEach(
        (path, at) -> {
          Long handedAt = handed.get(path);
          if (handedAt != null && handedAt > at) {
            writtenAfterCancel.add(path);
          }
          if (handedAt == null && read.contains(path)) {
            readButNeverHanded.add(path);
          }
        });
    assertThat(writtenAfterCancel).as("handed a connection after cancel(true) returned true").isEmpty();
    assertThat(readButNeverHanded).isEmpty();
    assertThat(read).as("every update not cancelled reached the server").hasSizeGreaterThanOrEqualTo(UPDATES - cancelled.size());
  }

  @RepeatedTest(12)
  void aRetryCancelledBeforeItWasHandedAConnectionIsNeverWritten() throws Exception {
    Map<String, Long> cancelled = new ConcurrentHashMap<>();
    List<CompletableFuture<MemberUpdateResult>> calls = new ArrayList<>();
    MxPlatformAsyncClient.Builder builder =
        Internals.writeObserver(
            MxPlatformAsyncClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
                .retryPolicy(RetryPolicy.builder().initialBackoff(java.time.Duration.ofMillis(1)).maxBackoff(java.time.Duration.ofMillis(3)).build())
                .maxConnections(32),
            request -> {
              if (firstAttempts.contains(request.pathAndQuery())) {
                handed.putIfAbsent(request.pathAndQuery(), clock.incrementAndGet());
              }
            });
    try (MxPlatformAsyncClient mx = builder.build()) {
      for (int i = 0; i < UPDATES; i++) {
        calls.add(mx.updateMember(MemberUpdate.builder().user("USR-1").member("MBR-" + i).metadata("m").build()));
      }
      // the retries start on the timer thread as their waits end, racing the cancels
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < UPDATES; i += 2) {
        order.add(i);
      }
      Collections.shuffle(order, new Random());
      for (int i : order) {
        if (calls.get(i).cancel(true)) {
          cancelled.put("/users/USR-1/members/MBR-" + i, clock.incrementAndGet());
        }
      }
      awaitAll(calls);
    }

    assertNeverWrittenAfterCancel(cancelled);
  }

  private static void awaitAll(List<CompletableFuture<MemberUpdateResult>> calls) throws Exception {
    for (CompletableFuture<MemberUpdateResult> call : calls) {
      Throwable failure = call.handle((result, error) -> error).get(10, TimeUnit.SECONDS);
      if (failure != null && !call.isCancelled()) {
        throw new AssertionError("an update not cancelled failed", failure);
      }
    }
  }
}
