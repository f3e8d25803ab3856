package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.retry.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/**
 * What only the async clients do: many updates in flight on a few threads, retries that wait on a
 * timer, cancellation, and a close that leaves nothing behind. Over real loopback HTTP.
 */
class AsyncClientTest extends MockMxTest {
  private final RecordingListener listener = new RecordingListener();

  private MxPlatformAsyncClient.Builder platform() {
    return MxPlatformAsyncClient.builder()
        .baseUrl(MockMx.url(server))
        .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
        .callListener(listener);
  }

  /** The SDK's own threads: the I/O reactor's and the timer. */
  private static Set<String> sdkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("mx-members-"))
        .collect(Collectors.toSet());
  }

  /** A server holding each answer for {@code delayMillis} on a thread of its own, counting requests. */
  private static HttpServer slowServer(long delayMillis, AtomicInteger requests, ExecutorService threads) throws IOException {
    HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    byte[] member = MockMx.platformMemberJson().getBytes(StandardCharsets.UTF_8);
    slow.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          requests.incrementAndGet();
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, member.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(member);
          } catch (IOException hungUp) {
            // a cancelled client closed the connection
          }
        });
    slow.setExecutor(threads);
    slow.start();
    return slow;
  }

  @Test
  void hundredsOfUpdatesInFlightRunOnTheIoThreadsAndOneTimer() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    ExecutorService serverThreads = Executors.newFixedThreadPool(300);
    HttpServer slow = slowServer(200, requests, serverThreads);
    try (MxPlatformAsyncClient mx =
        MxPlatformAsyncClient.builder()
            .baseUrl("http://127.0.0.1:" + slow.getAddress().getPort())
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .maxConnections(300)
            .ioThreads(2)
            .build()) {
      List<CompletableFuture<MemberUpdateResult>> calls = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        calls.add(mx.updateMember(MemberUpdate.builder().user("USR-1").member("MBR-" + i).metadata("m").build()));
      }
      // all 300 are on the wire at once, each held 200 ms by the server, on the I/O reactor's
      // threads (two dispatchers and the one HttpClient starts them from) and the timer
      Set<String> threads = sdkThreads();
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
      assertThat(calls).allSatisfy(call -> assertThat(call.join().status()).isEqualTo(200));
      assertThat(requests).hasValue(300);
      assertThat(threads).contains("mx-members-timer").allMatch(name -> name.matches("mx-members-(timer|io-[123])"));
    } finally {
      slow.stop(0);
      serverThreads.shutdownNow();
    }
  }

  @Test
  void aRetryBurstAcrossManyFuturesWaitsOnTheTimerAndCompletesEveryOne() throws Exception {
    // every member's first request is answered 503, its second 200: a burst of 100 retries at once
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    HttpServer flaky = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    byte[] member = MockMx.platformMemberJson().getBytes(StandardCharsets.UTF_8);
    flaky.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean first = seen.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger()).incrementAndGet() == 1;
          byte[] body = first ? new byte[0] : member;
          exchange.sendResponseHeaders(first ? 503 : 200, first ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    ExecutorService serverThreads = Executors.newFixedThreadPool(16);
    flaky.setExecutor(serverThreads);
    flaky.start();
    List<CompletableFuture<MemberUpdateResult>> calls = new ArrayList<>();

    try (MxPlatformAsyncClient mx =
        MxPlatformAsyncClient.builder()
            .baseUrl("http://127.0.0.1:" + flaky.getAddress().getPort())
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .callListener(listener)
            .maxConnections(50)
            .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(20)).build())
            .build()) {
      for (int i = 0; i < 100; i++) {
        calls.add(mx.updateMember(MemberUpdate.builder().user("USR-1").member("MBR-" + i).metadata("m").build()));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
    } finally {
      flaky.stop(0);
      serverThreads.shutdownNow();
    }
    assertThat(calls).allSatisfy(call -> assertThat(call.join().attempts()).isEqualTo(2));
    assertThat(listener.of(CallListener.RetryScheduled.class))
        .hasSize(100)
        .allSatisfy(retry -> assertThat(retry.reason()).isEqualTo("503"));
    assertThat(seen).hasSize(100).allSatisfy((path, count) -> assertThat(count).hasValue(2));
  }

  @Test
  void cancelAbortsTheAttemptInFlightAndReleasesItsConnection() throws Exception {
    MemberUpdate slowMember = MockMx.answerSlowMemberAfter20Seconds(server);

    try (MxPlatformAsyncClient mx = platform().maxConnections(1).build()) {
      CompletableFuture<MemberUpdateResult> slow = mx.updateMember(slowMember);
      awaitRequests(1);

      assertThat(slow.cancel(true)).isTrue();

      // the one connection was freed: the next update gets it at once, not after 20 s
      assertThat(mx.updateMember(MockMx.credentialUpdate()).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(slow).isCancelled();
    }
    assertThat(MockMx.received(server)).hasSize(2);
    assertThat(listener.of(CallListener.CallFinished.class))
        .anySatisfy(finished -> assertThat(finished.failure()).isInstanceOf(CancellationException.class));
  }

  @Test
  void cancelOnAPooledConnectionAbortsTheAttemptToo() throws Exception {
    // the usual case in a long-running service: the attempt goes out on a connection the pool kept
    MemberUpdate slowMember = MockMx.answerSlowMemberAfter20Seconds(server);

    try (MxPlatformAsyncClient mx = platform().maxConnections(1).build()) {
      assertThat(mx.updateMember(MockMx.credentialUpdate()).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
      CompletableFuture<MemberUpdateResult> slow = mx.updateMember(slowMember);
      awaitRequests(2);

      assertThat(slow.cancel(true)).isTrue();

      assertThat(mx.updateMember(MockMx.credentialUpdate()).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(MockMx.received(server)).hasSize(3);
  }

  @Test
  void anUpdateCancelledWhileWaitingForAConnectionIsNeverSent() throws Exception {
    MemberUpdate slowMember = MockMx.answerSlowMemberAfter20Seconds(server);

    try (MxPlatformAsyncClient mx = platform().maxConnections(1).build()) {
      CompletableFuture<MemberUpdateResult> slow = mx.updateMember(slowMember);
      awaitRequests(1);
      CompletableFuture<MemberUpdateResult> queued =
          mx.updateMember(MockMx.credentialUpdate().toBuilder().member("MBR-QUEUED").build());

      assertThat(queued.cancel(true)).isTrue();
      assertThat(slow.cancel(true)).isTrue();

      assertThat(mx.updateMember(MockMx.credentialUpdate()).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(MockMx.received(server))
        .extracting(HttpRequest::getPath)
        .extracting(Object::toString)
        .containsExactly("/users/USR-1/members/MBR-SLOW", MEMBER_PATH);
  }

  @Test
  void cancelMidRetrySchedulesNoFurtherAttempt() throws Exception {
    server.when(request().withPath(MEMBER_PATH)).respond(response().withStatusCode(503));
    java.util.concurrent.BlockingQueue<CompletableFuture<Void>> delays = new java.util.concurrent.LinkedBlockingQueue<>();

    try (MxPlatformAsyncClient mx =
        platform()
            .scheduler(
                delay -> {
                  CompletableFuture<Void> waiting = new CompletableFuture<>();
                  delays.add(waiting);
                  return waiting;
                })
            .build()) {
      CompletableFuture<MemberUpdateResult> call = mx.updateMember(MockMx.credentialUpdate());
      CompletableFuture<Void> delay = delays.poll(10, TimeUnit.SECONDS);
      assertThat(delay).as("the wait before attempt 2").isNotNull();

      call.cancel(true);
      delay.complete(null); // the wait ends: a live call would send attempt 2 now

      assertThat(call).isCancelled();
      // the retry step may take up the finished wait on the I/O thread that scheduled it
      assertThat(listener.await(CallListener.CallFinished.class, 1))
          .singleElement()
          .satisfies(finished -> assertThat(finished.failure()).isInstanceOf(CancellationException.class));
    }
    assertThat(MockMx.received(server)).hasSize(1);
    assertThat(listener.of(CallListener.AttemptStarted.class)).hasSize(1);
  }

  @Test
  void closeFailsTheCallsUnderWayAndEndsEveryThread() throws Exception {
    server
        .when(request().withPath(MEMBER_PATH))
        .respond(response().withDelay(TimeUnit.SECONDS, 20).withBody(MockMx.platformMemberJson()));
    server
        .when(request().withPath("/users/USR-1/members/MBR-2"))
        .respond(response().withStatusCode(503).withHeader("Retry-After", "20"));

    MxPlatformAsyncClient mx = platform().build();
    CompletableFuture<MemberUpdateResult> onTheWire = mx.updateMember(MockMx.credentialUpdate());
    CompletableFuture<MemberUpdateResult> waitingToRetry =
        mx.updateMember(MockMx.credentialUpdate().toBuilder().member("MBR-2").build());
    listener.await(CallListener.AttemptStarted.class, 2);
    listener.await(CallListener.RetryScheduled.class, 1); // MBR-2's first attempt came back 503
    assertThat(sdkThreads()).isNotEmpty();

    mx.close();

    // close() returns once every thread of the client has ended
    assertThat(sdkThreads()).isEmpty();
    assertThatThrownBy(() -> onTheWire.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(MxTransportException.class);
    assertThatThrownBy(() -> waitingToRetry.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(MxTransportException.class)
        .hasMessageContaining("was not sent: the client is closed");
    assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()).get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(MxTransportException.class)
        .hasMessageContaining("the client is closed");
    assertThat(sdkThreads()).isEmpty();
  }

  @Test
  void closeEndsAWaitOnTheCallersSchedulerToo() throws Exception {
    server.when(request().withPath(MEMBER_PATH)).respond(response().withStatusCode(503));
    java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
    MxPlatformAsyncClient mx =
        platform()
            .scheduler(
                delay -> {
                  waiting.countDown();
                  return new CompletableFuture<>(); // never ends by itself
                })
            .build();
    CompletableFuture<MemberUpdateResult> call = mx.updateMember(MockMx.credentialUpdate());
    assertThat(waiting.await(10, TimeUnit.SECONDS)).as("waiting before attempt 2, on the caller's scheduler").isTrue();

    mx.close();

    assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(MxTransportException.class)
        .hasMessageContaining("was not sent: the client is closed");
    assertThat(MockMx.received(server)).hasSize(1);
  }

  @Test
  void badInputThrowsAtOnceInsteadOfFailingTheFuture() {
    try (MxPlatformAsyncClient mx = platform().build()) {
      assertThatThrownBy(() -> mx.updateMember(MemberUpdate.builder().member("MBR-1").metadata("m").build()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    try (MxNexusAsyncClient nexus =
        MxNexusAsyncClient.builder().baseUrl(MockMx.url(server)).apiTokenSource(CompletableFuture::new).build()) {
      assertThatThrownBy(() -> nexus.updateMember(MockMx.credentialUpdate()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("user");
    }
    assertThat(MockMx.received(server)).isEmpty();
  }

  @Test
  void anAsyncTokenSourceThatNeverAnswersEndsByTheCallTimeout() throws Exception {
    try (MxNexusAsyncClient nexus =
        MxNexusAsyncClient.builder()
            .baseUrl(MockMx.url(server))
            .apiTokenSource(CompletableFuture::new)
            .callTimeout(Duration.ofMillis(300))
            .build()) {
      CompletableFuture<MemberUpdateResult> call =
          nexus.updateMember(MemberUpdate.builder().member("MBR-1").metadata("m").build());

      assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(MxTransportException.class)
          .hasMessageContaining("the call timeout of PT0.3S passed while the AsyncApiTokenSource fetched an API token");
    }
    assertThat(MockMx.received(server)).isEmpty();
  }

  @Test
  void nexusCallersWaitingForASessionHoldNoThread() throws Exception {
    CompletableFuture<String> token = new CompletableFuture<>();
    stubNexusSessionAndUpdate();
    AtomicInteger asked = new AtomicInteger();

    try (MxNexusAsyncClient nexus =
        MxNexusAsyncClient.builder()
            .baseUrl(MockMx.url(server))
            .apiTokenSource(
                () -> {
                  asked.incrementAndGet();
                  return token;
                })
            .ioThreads(1)
            .build()) {
      List<CompletableFuture<MemberUpdateResult>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        // returns at once although no session exists yet: nothing waits on this thread
        calls.add(nexus.updateMember(MemberUpdate.builder().member("MBR-" + i).metadata("m").build()));
      }
      assertThat(calls).noneMatch(CompletableFuture::isDone);
      // the reactor's one dispatcher (and, while it starts, the thread HttpClient starts it from) and the timer
      assertThat(sdkThreads()).contains("mx-members-timer").allMatch(name -> name.matches("mx-members-(timer|io-[12])"));

      token.complete("api-token-1");

      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
    }
    assertThat(asked).hasValue(1);
    assertThat(server.retrieveRecordedRequests(request().withPath("/sessions"))).hasSize(1);
  }

  @Test
  void cancellingTheUpdateThatOpensTheSessionFailsNoOtherUpdate() throws Exception {
    CompletableFuture<String> firstToken = new CompletableFuture<>();
    stubNexusSessionAndUpdate();
    AtomicInteger asked = new AtomicInteger();

    try (MxNexusAsyncClient nexus =
        MxNexusAsyncClient.builder()
            .baseUrl(MockMx.url(server))
            .apiTokenSource(() -> asked.incrementAndGet() == 1 ? firstToken : CompletableFuture.completedFuture("api-token-2"))
            .build()) {
      // the first update opens the session; the second waits for that opening
      CompletableFuture<MemberUpdateResult> opener = nexus.updateMember(MemberUpdate.builder().member("MBR-1").metadata("m").build());
      CompletableFuture<MemberUpdateResult> waiter = nexus.updateMember(MemberUpdate.builder().member("MBR-2").metadata("m").build());

      assertThat(opener.cancel(true)).isTrue();
      firstToken.complete("api-token-1");

      assertThat(waiter.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    // the waiter opened a session of its own with a new one-time token; the cancelled update was never sent
    assertThat(asked).hasValue(2);
    assertThat(server.retrieveRecordedRequests(request().withMethod("PUT").withPath("/members/MBR-1"))).isEmpty();
  }

  private static void stubNexusSessionAndUpdate() {
    server.when(request().withPath("/sessions")).respond(response().withBody("{\"session\":{\"token\":\"s-1\"}}"));
    server.when(request().withMethod("PUT")).respond(response().withBody(MockMx.nexusMemberJson()));
  }

  /** Waits until the server has received this many requests: they are on the wire, not queued. */
  private static void awaitRequests(int count) throws InterruptedException {
    Eventually.until("the server received " + count + " requests", Duration.ofSeconds(10), () -> MockMx.received(server).length >= count);
    assertThat(MockMx.received(server)).hasSize(count);
  }
}
