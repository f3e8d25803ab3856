package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.internal.platform.PlatformOperations;
import io.github.mxmembers.internal.waiter.AggregationWaiter;
import io.github.mxmembers.internal.waiter.AggregationWaiter.Step;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.retry.Scheduler;
import io.github.mxmembers.retry.Sleeper;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationOutcome.EndUserAction;
import io.github.mxmembers.waiter.AggregationOutcome.Kind;
import io.github.mxmembers.waiter.AggregationWait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockserver.matchers.Times;

/**
 * The wait for an aggregation, on both APIs and flavours, over loopback HTTP against scripted status
 * reads; time is a fake clock that only the recorded waits move, so nothing here sleeps.
 */
@Timeout(30)
class AggregationWaiterTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingSleeper waits = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();

  private static String member(String status, boolean aggregating) {
    return "{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":" + (status == null ? "null" : "\"" + status + "\"")
        + ",\"is_being_aggregated\":" + aggregating + "}}";
  }

  /** Platform status reads answered in this order, the last one repeated. */
  private static void platformStatuses(String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      server.when(request().withPath(MEMBER_PATH + "/status"), i == bodies.length - 1 ? Times.unlimited() : Times.once())
          .respond(response().withBody(bodies[i]));
    }
  }

  private static void nexusStatuses(String... bodies) {
    server.when(request().withMethod("POST").withPath("/sessions"))
        .respond(response().withHeader("Content-Type", MockMx.NEXUS_TYPE).withBody("{\"session\":{\"token\":\"" + MockMx.SESSION_TOKEN + "\"}}"));
    for (int i = 0; i < bodies.length; i++) {
      server.when(request().withMethod("GET").withPath("/members/MBR-1"), i == bodies.length - 1 ? Times.unlimited() : Times.once())
          .respond(response().withHeader("Content-Type", MockMx.NEXUS_TYPE).withBody(bodies[i]));
    }
  }

  enum Client {
    PLATFORM_SYNC,
    PLATFORM_ASYNC,
    NEXUS_SYNC,
    NEXUS_ASYNC;

    boolean nexus() {
      return this == NEXUS_SYNC || this == NEXUS_ASYNC;
    }
  }

  /**
   * A client of the given kind, on the fake clock, written once for both APIs: a sync one ({@link
   * MxClient}) waiting on {@code sleeper}, an async one ({@link MxAsyncClient}) on {@code scheduler}.
   */
  private final class Waiting implements AutoCloseable {
    final MemberRef member;
    private final MxClient sync;
    private final MxAsyncClient async;

    Waiting(Client kind, Sleeper sleeper, Scheduler scheduler) {
      this(kind, sleeper, scheduler, clock);
    }

    /** On this clock: the system's, for a test whose server stalls in real time. */
    Waiting(Client kind, Sleeper sleeper, Scheduler scheduler, java.time.Clock clock) {
      String url = MockMx.url(server);
      switch (kind) {
        case PLATFORM_SYNC:
          sync = MxPlatformClient.builder().baseUrl(url).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).clock(clock).sleeper(sleeper).callListener(listener).build();
          async = null;
          break;
        case PLATFORM_ASYNC:
          sync = null;
          async = MxPlatformAsyncClient.builder().baseUrl(url).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).clock(clock).scheduler(scheduler).callListener(listener).build();
          break;
        case NEXUS_SYNC:
          sync = MxNexusClient.builder().baseUrl(url).apiTokenSource(() -> MockMx.API_TOKEN).clock(clock).sleeper(sleeper).callListener(listener).build();
          async = null;
          break;
        default:
          sync = null;
          async = MxNexusAsyncClient.builder().baseUrl(url).apiTokenSource(() -> CompletableFuture.completedFuture(MockMx.API_TOKEN)).clock(clock)
              .scheduler(scheduler).callListener(listener).build();
      }
      member = kind.nexus() ? MemberRef.of("MBR-1") : MemberRef.of("USR-1", "MBR-1");
    }

    /** The wait's outcome; a sync client's waits on a thread of its own, so that the test can wake it. */
    CompletableFuture<AggregationOutcome> start(AggregationWait wait, Executor thread) {
      return sync != null ? CompletableFuture.supplyAsync(() -> sync.waitForAggregation(member, wait), thread) : async.waitForAggregation(member, wait);
    }

    /** The outcome, or the very failure the sync client throws. */
    AggregationOutcome await(AggregationWait wait) {
      return sync != null ? sync.waitForAggregation(member, wait) : join(async.waitForAggregation(member, wait));
    }

    void readStatus() {
      if (sync != null) {
        sync.readStatus(member);
      } else {
        join(async.readStatus(member));
      }
    }

    int wake(String member) {
      return sync != null ? sync.wakeWaits(member) : async.wakeWaits(member);
    }

    @Override
    public void close() {
      if (sync != null) {
        sync.close();
      } else {
        async.close();
      }
    }
  }

  /** Waits with the given client kind, sync or async, and gives the outcome or the very failure. */
  private AggregationOutcome waitWith(Client kind, AggregationWait wait) {
    try (Waiting mx = new Waiting(kind, waits, waits)) {
      return mx.await(wait);
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void statuses(Client kind, String... bodies) {
    if (kind.nexus()) {
      nexusStatuses(bodies);
    } else {
      platformStatuses(bodies);
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void connectedOnceNoLongerAggregatingWithEveryPollHeardAndTheIntervalBackingOff(Client kind) {
    statuses(kind, member("UPDATED", true), member("CONNECTED", true), member("CONNECTED", true), member("CONNECTED", false));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.defaults());

    assertThat(outcome.kind()).isEqualTo(Kind.CONNECTED);
    assertThat(outcome.polls()).isEqualTo(4);
    assertThat(waits.waits).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500), Duration.ofMillis(6750));
    assertThat(outcome.waited()).isEqualTo(Duration.ofMillis(14250));
    assertThat(listener.of(CallListener.CallFinished.class))
        .filteredOn(e -> e.request().contains(kind.nexus() ? "GET /members/MBR-1" : "/status"))
        .hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void challengedEndsTheWaitAtOnceWithTheChallenges(Client kind) {
    statuses(kind, member("RESUMED", true), member("CHALLENGED", false));
    String path = kind.nexus() ? "/members/MBR-1/challenges" : MEMBER_PATH + "/challenges";
    server.when(request().withPath(path))
        .respond(response().withHeader("Content-Type", kind.nexus() ? MockMx.NEXUS_TYPE : "application/json")
            .withBody("{\"challenges\":[{\"guid\":\"CRD-T\",\"type\":\"TEXT\",\"label\":\"What city?\"}]}"));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.defaults());

    assertThat(outcome.kind()).isEqualTo(Kind.NEEDS_ANSWERS);
    assertThat(outcome.challenges()).singleElement().extracting(Challenge::guid).isEqualTo("CRD-T");
    assertThat(outcome.polls()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void deniedNeedsNewCredentialsFromTheEndUser(Client kind) {
    statuses(kind, member("DENIED", true), member("DENIED", false));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.defaults());

    assertThat(outcome.kind()).isEqualTo(Kind.NEEDS_END_USER);
    assertThat(outcome.endUserAction()).contains(EndUserAction.NEW_CREDENTIALS);
    assertThat(outcome.polls()).as("an error status while aggregating may yet change").isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void theWaitsOwnDeadlineEndsItTimedOut(Client kind) {
    statuses(kind, member("CONNECTED", true));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofSeconds(10)));

    // reads at 0, 3 and 7.5 s; the next would come at 14.25 s, after the 10 s deadline: one last read
    // at the deadline, or 3 s after the read before it if that is later (10.5 s)
    assertThat(outcome.kind()).isEqualTo(Kind.TIMED_OUT);
    assertThat(outcome.polls()).isEqualTo(4);
    assertThat(waits.waits).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500), Duration.ofSeconds(3));
    assertThat(outcome.waited()).isEqualTo(Duration.ofMillis(10500)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(outcome.member().isBeingAggregated()).contains(true);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void timedOutOnlyOnceTheTimeoutHasPassedEvenForTheShortestWait(Client kind) {
    statuses(kind, member("UPDATED", true));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3)));

    assertThat(outcome.kind()).isEqualTo(Kind.TIMED_OUT);
    assertThat(outcome.polls()).as("a read at the start and one at the deadline").isEqualTo(2);
    assertThat(outcome.waited()).isEqualTo(Duration.ofSeconds(3));
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void aWaitRightAfterAnotherReadsNoSoonerThanThreeSecondsAfterItsLastRead(Client kind) {
    statuses(kind, member("DENIED", false));
    try (Waiting mx = new Waiting(kind, waits, waits)) {
      assertThat(mx.await(AggregationWait.defaults()).kind()).isEqualTo(Kind.NEEDS_END_USER);
      clock.advance(Duration.ofMillis(100)); // the README's loop: resume, then wait again
      AggregationOutcome second = mx.await(AggregationWait.defaults());

      assertThat(second.polls()).isEqualTo(1);
      assertThat(waits.waits).as("the second wait held its first read").containsExactly(Duration.ofMillis(2900));
      AggregationOutcome third = mx.await(AggregationWait.defaults());
      assertThat(third.polls()).isEqualTo(1);
      assertThat(waits.waits).containsExactly(Duration.ofMillis(2900), Duration.ofSeconds(3));
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void aWaitAfterAReadStatusKeepsThreeSecondsToo(Client kind) {
    statuses(kind, member("CONNECTED", false));
    try (Waiting mx = new Waiting(kind, waits, waits)) {
      mx.readStatus();
      clock.advance(Duration.ofSeconds(1));
      assertThat(mx.await(AggregationWait.defaults()).kind()).isEqualTo(Kind.CONNECTED);
      assertThat(waits.waits).containsExactly(Duration.ofSeconds(2));
    }
  }

  /** Waits in real time: on the system clock, sleeping or scheduled for real. */
  private AggregationOutcome waitInRealTime(Client kind, AggregationWait wait) {
    Scheduler real =
        delay -> {
          CompletableFuture<Void> done = new CompletableFuture<>();
          CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> done.complete(null));
          return done;
        };
    try (Waiting mx = new Waiting(kind, Sleeper.SYSTEM, real, java.time.Clock.systemUTC())) {
      return mx.await(wait);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Client.class, names = {"PLATFORM_SYNC", "PLATFORM_ASYNC"})
  void aReadCutByTheWaitsDeadlineEndsItTimedOutWithTheMemberLastRead(Client kind) {
    // reads at 0 s and (stalled) at 3 s of a 6 s wait: the deadline cuts the second after 3 s of real time
    server.when(request().withPath(MEMBER_PATH + "/status"), Times.once()).respond(response().withBody(member("UPDATED", true)));
    server.when(request().withPath(MEMBER_PATH + "/status"), Times.once())
        .respond(response().withBody(member("UPDATED", true)).withDelay(TimeUnit.SECONDS, 20));

    AggregationOutcome outcome = waitInRealTime(kind, AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(6)));

    assertThat(outcome.kind()).isEqualTo(Kind.TIMED_OUT);
    assertThat(outcome.polls()).as("the read the deadline cut is not counted").isEqualTo(1);
    assertThat(outcome.waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(6)).isLessThan(Duration.ofSeconds(8));
  }

  @ParameterizedTest
  @EnumSource(value = Client.class, names = {"PLATFORM_SYNC", "PLATFORM_ASYNC"})
  void aFirstReadCutByTheWaitsDeadlineFailsNamingTheWaitsTimeout(Client kind) {
    server.when(request().withPath(MEMBER_PATH + "/status"))
        .respond(response().withBody(member("UPDATED", true)).withDelay(TimeUnit.SECONDS, 20));

    Throwable failure =
        catchThrowable(() -> waitInRealTime(kind, AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3))));

    assertThat(failure).isInstanceOf(MxTransportException.class)
        .hasMessageContaining("the wait for MBR-1's aggregation timed out: its timeout of PT3S passed during its first status read")
        .hasMessageNotContaining("PT2.");
    assertThat(((MxTransportException) failure).deadlinePassed()).isTrue();
  }

  @Test
  void aSleeperThatThrowsEndsTheWaitWithAnMxException() {
    statuses(Client.PLATFORM_SYNC, member("UPDATED", true));
    Sleeper broken = duration -> {
      throw new IllegalStateException("sleeper bug");
    };
    try (Waiting mx = new Waiting(Client.PLATFORM_SYNC, broken, waits)) {
      Throwable failure = catchThrowable(() -> mx.await(AggregationWait.defaults()));
      assertThat(failure).isExactlyInstanceOf(io.github.mxmembers.exception.MxException.class)
          .hasMessageContaining("the retry.Sleeper threw java.lang.IllegalStateException")
          .hasCauseInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void aSleeperThatSleepsPastTheDeadlineIsCutThereAndTheWaitEndsTimedOut() {
    statuses(Client.PLATFORM_SYNC, member("UPDATED", true));
    Sleeper hanging = duration -> Thread.sleep(60_000);
    try (Waiting mx = new Waiting(Client.PLATFORM_SYNC, hanging, waits)) {
      long started = System.nanoTime();
      AggregationOutcome outcome = mx.await(AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3)));
      assertThat(outcome.kind()).isEqualTo(Kind.TIMED_OUT);
      assertThat(outcome.polls()).isEqualTo(2);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt that cut the sleep is cleared").isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"throws", "null", "fails"})
  void anAsyncSchedulerThatBreaksEndsTheWaitWithTheRootMxException(String how) {
    statuses(Client.PLATFORM_ASYNC, member("UPDATED", true));
    Scheduler broken =
        delay -> {
          switch (how) {
            case "throws":
              throw new IllegalStateException("scheduler bug");
            case "null":
              return null;
            default:
              return CompletableFuture.failedFuture(new java.io.IOException("scheduler down"));
          }
        };
    try (Waiting mx = new Waiting(Client.PLATFORM_ASYNC, waits, broken)) {
      Throwable failure = catchThrowable(() -> mx.await(AggregationWait.defaults()));
      assertThat(failure).isExactlyInstanceOf(io.github.mxmembers.exception.MxException.class)
          .hasMessageContaining("the wait for MBR-1's aggregation stopped: the retry.Scheduler");
      assertThat(failure.getClass().getName()).doesNotContain("internal");
    }
  }

  @Test
  void aStatusTheSdkDoesNotKnowKeepsItWaitingWhileAggregatingAndOtherwiseEndsItWithTheRawValue() {
    platformStatuses(member("QUANTUM_ENTANGLED", true), member("QUANTUM_ENTANGLED", false));

    AggregationOutcome outcome = waitWith(Client.PLATFORM_SYNC, AggregationWait.defaults());

    assertThat(outcome.kind()).isEqualTo(Kind.ENDED);
    assertThat(outcome.connectionStatusAsString()).contains("QUANTUM_ENTANGLED");
    assertThat(outcome.polls()).isEqualTo(2);
  }

  @Test
  void aReadThatFailsEndsTheWaitWithItsException() {
    server.when(request().withPath(MEMBER_PATH + "/status")).respond(response().withStatusCode(404).withBody("{\"error\":{\"message\":\"no member\"}}"));

    assertThatThrownBy(() -> waitWith(Client.PLATFORM_ASYNC, AggregationWait.defaults())).isInstanceOf(MxApiException.class);
  }

  @Test
  void everyStatusIsClassifiedAsMxAndItsWidgetSay() {
    Map<String, Step> notAggregating =
        Map.ofEntries(
            Map.entry("CONNECTED", Step.CONNECTED),
            Map.entry("CHALLENGED", Step.NEEDS_ANSWERS),
            Map.entry("CREATED", Step.KEEP_WAITING),
            Map.entry("UPDATED", Step.KEEP_WAITING),
            Map.entry("DELAYED", Step.KEEP_WAITING),
            Map.entry("RESUMED", Step.KEEP_WAITING),
            Map.entry("RECONNECTED", Step.KEEP_WAITING),
            Map.entry("DENIED", Step.NEEDS_END_USER),
            Map.entry("PREVENTED", Step.NEEDS_END_USER),
            Map.entry("IMPAIRED", Step.NEEDS_END_USER),
            Map.entry("IMPORTED", Step.NEEDS_END_USER),
            Map.entry("REJECTED", Step.NEEDS_END_USER),
            Map.entry("EXPIRED", Step.NEEDS_END_USER),
            Map.entry("LOCKED", Step.NEEDS_END_USER),
            Map.entry("IMPEDED", Step.NEEDS_END_USER),
            Map.entry("PENDING", Step.NEEDS_END_USER),
            Map.entry("FAILED", Step.ENDED),
            Map.entry("DISCONTINUED", Step.ENDED),
            Map.entry("CLOSED", Step.ENDED),
            Map.entry("DISABLED", Step.ENDED),
            Map.entry("DEGRADED", Step.ENDED),
            Map.entry("DISCONNECTED", Step.ENDED));
    // every one is a status the SDK knows (a status a newer spec adds is not here: it ends the wait raw)
    notAggregating.keySet().forEach(status -> assertThat(ConnectionStatus.fromValue(status)).isNotEqualTo(ConnectionStatus.UNKNOWN));
    Function<String, Member> memberWith =
        json -> PlatformOperations.member(com.google.gson.JsonParser.parseString(json).getAsJsonObject());
    notAggregating.forEach(
        (status, step) -> {
          assertThat(AggregationWaiter.classify(memberWith.apply(member(status, false)))).as(status).isEqualTo(step);
          assertThat(AggregationWaiter.classify(memberWith.apply(member(status, true))))
              .as(status + " while aggregating")
              .isEqualTo(status.equals("CHALLENGED") ? Step.NEEDS_ANSWERS : Step.KEEP_WAITING);
          assertThat(AggregationWaiter.classify(memberWith.apply(member(status.toLowerCase(java.util.Locale.ROOT), false))))
              .as(status + " in lower case")
              .isEqualTo(step);
        });
    assertThat(AggregationWaiter.action(ConnectionStatus.REJECTED)).isEqualTo(EndUserAction.ANSWER_AGAIN);
    assertThat(AggregationWaiter.action(ConnectionStatus.LOCKED)).isEqualTo(EndUserAction.ACT_AT_INSTITUTION);
    assertThat(AggregationWaiter.action(ConnectionStatus.PENDING)).isEqualTo(EndUserAction.FINISH_OAUTH);
    assertThat(AggregationWaiter.action(ConnectionStatus.DENIED)).isEqualTo(EndUserAction.NEW_CREDENTIALS);
    assertThat(AggregationWaiter.classify(memberWith.apply(member(null, false)))).isEqualTo(Step.ENDED);
    // and the other way round: each status this build of the SDK knows is one of the table's
    for (ConnectionStatus known : ConnectionStatus.values()) {
      if (known != ConnectionStatus.UNKNOWN) {
        assertThat(notAggregating).as("the table above names " + known).containsKey(known.value());
      }
    }
  }

  /**
   * A status a regenerated spec adds (MX's REVOKED, say) is a constant of ConnectionStatus the moment
   * the SDK is rebuilt: this test fails, naming it, until the waiter's switch decides what it means
   * to a wait; until then a member in it ends the wait as a status this SDK does not know.
   */
  @ParameterizedTest
  @EnumSource(ConnectionStatus.class)
  void everyStatusTheSpecListsHasADecidedOutcome(ConnectionStatus status) {
    assertThat(AggregationWaiter.decided(status))
        .as("AggregationWaiter.decided(" + status + "): decide what it means to a wait")
        .isNotEqualTo(Step.UNDECIDED);
  }

  @Test
  void cancellingAnAsyncWaitStopsItsReads() throws Exception {
    platformStatuses(member("UPDATED", true));
    List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
    try (MxPlatformAsyncClient mx =
        MxPlatformAsyncClient.builder()
            .baseUrl(MockMx.url(server))
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .callListener(listener)
            .scheduler(
                delay -> {
                  CompletableFuture<Void> later = new CompletableFuture<>();
                  pending.add(later);
                  paused.countDown();
                  return later;
                })
            .build()) {
      CompletableFuture<AggregationOutcome> waiting = mx.waitForAggregation("USR-1", "MBR-1");
      assertThat(paused.await(10, TimeUnit.SECONDS)).as("waiting between reads, on the caller's scheduler").isTrue();

      assertThat(waiting.cancel(true)).isTrue();
      // the pause ends: a live wait would start its next read in this very call, on this thread
      pending.get(0).complete(null);

      assertThat(waiting).isCancelled();
      assertThatThrownBy(waiting::join).isInstanceOf(CancellationException.class);
      assertThat(listener.of(CallListener.CallStarted.class)).as("status reads started").hasSize(1);
      assertThat(pending).as("no pause after the first").hasSize(1);
    }
  }

  @Test
  void badWaitsAreRefusedBeforeAnyIo() {
    assertThatThrownBy(() -> AggregationWait.of(Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval must be at least PT3S");
    assertThatThrownBy(() -> AggregationWait.of(Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofMinutes(1)))
        .hasMessageContaining("maxInterval");
    assertThatThrownBy(() -> AggregationWait.of(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(4)))
        .hasMessageContaining("timeout must be from one interval");
    try (MxNexusAsyncClient mx = MxNexusAsyncClient.builder().baseUrl(MockMx.url(server)).apiTokenSource(CompletableFuture::new).build()) {
      assertThatThrownBy(() -> mx.waitForAggregation(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member");
      assertThatThrownBy(() -> mx.waitForAggregation("MBR-1", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("wait");
    }
    assertThat(MockMx.received(server)).isEmpty();
  }

  @Test
  void interruptingASyncWaitEndsItWithACancellation() throws Exception {
    platformStatuses(member("UPDATED", true));
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    java.util.concurrent.CountDownLatch sleeping = new java.util.concurrent.CountDownLatch(1);
    try (MxPlatformClient mx =
        MxPlatformClient.builder()
            .baseUrl(MockMx.url(server))
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .sleeper(
                delay -> {
                  sleeping.countDown();
                  Thread.sleep(delay.toMillis() * 1000); // a wait that would outlast the test
                })
            .build()) {
      Thread waiter = new Thread(() -> {
        try {
          mx.waitForAggregation("USR-1", "MBR-1");
          ended.complete(null);
        } catch (RuntimeException e) {
          ended.complete(e);
        }
      });
      waiter.start();
      assertThat(sleeping.await(10, TimeUnit.SECONDS)).as("pausing after the first read").isTrue();

      waiter.interrupt();

      assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class).hasMessageContaining("interrupted after 1 status reads");
    }
    assertThat(server.retrieveRecordedRequests(request().withPath(MEMBER_PATH + "/status"))).hasSize(1);
  }

  /**
   * A wait told to read now (as a webhook saying the member changed will tell it) reads at once, or
   * MX's 3 s after its last read if that is later, on both flavours: woken here during its first
   * pause of 3 s, after 1 s of it, it reads at 3 s instead of 3 s + 4.5 s.
   */
  @ParameterizedTest
  @EnumSource(Client.class)
  void aWokenWaitReadsAtOnceButNeverSoonerThanThreeSecondsAfterItsLastRead(Client kind) throws Exception {
    statuses(kind, member("UPDATED", true), member("UPDATED", true), member("CONNECTED", false));
    AggregationWait wait = AggregationWait.of(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5));
    WakeableWaits pauses = new WakeableWaits(clock);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Waiting client = new Waiting(kind, pauses, pauses);
    CompletableFuture<AggregationOutcome> outcome = client.start(wait, thread);
    IntSupplier wake = () -> client.wake("MBR-1");
    try (client) {
      // first pause (30 s): 1 s of it passes, then the member changes and a webhook says so
      pauses.awaitPause(0).advance(Duration.ofSeconds(1));
      assertThat(wake.getAsInt()).as("waits woken").isEqualTo(1);
      // the rest of MX's 3 s since the read, then the read: UPDATED again, and a full pause
      pauses.awaitPause(1).end();
      pauses.awaitPause(2).end();

      AggregationOutcome done = outcome.get(10, TimeUnit.SECONDS);
      assertThat(done.kind()).isEqualTo(Kind.CONNECTED);
      assertThat(done.polls()).isEqualTo(3);
      assertThat(pauses.asked).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(30));
      assertThat(done.waited()).as("1 s, then 2 s to MX's 3 s, then 30 s").isEqualTo(Duration.ofSeconds(33));
      assertThat(wake.getAsInt()).as("a wait that has ended is not woken").isZero();
    } finally {
      thread.shutdownNow();
    }
  }

  /**
   * The pauses of a wait, sync and async alike, held until the test ends them: each one is asked for,
   * then ends when the test says or when the wait is woken; the fake clock moves by what passed.
   */
  private static final class WakeableWaits implements Sleeper, Scheduler {
    private final FakeClock clock;
    final List<Duration> asked = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.BlockingQueue<Pause> pauses = new java.util.concurrent.LinkedBlockingQueue<>();
    private final List<Pause> seen = new CopyOnWriteArrayList<>();

    WakeableWaits(FakeClock clock) {
      this.clock = clock;
    }

    /** One pause: ends with {@link #end}, or when the wait's wake-up completes. */
    final class Pause {
      final Duration length;
      final CompletableFuture<Void> over = new CompletableFuture<>();
      private Duration passed = Duration.ZERO;

      Pause(Duration length) {
        this.length = length;
      }

      Pause advance(Duration by) {
        passed = passed.plus(by);
        clock.advance(by);
        return this;
      }

      void end() {
        clock.advance(length.minus(passed));
        over.complete(null);
      }
    }

    Pause awaitPause(int index) throws InterruptedException {
      while (seen.size() <= index) {
        Pause next = pauses.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("pause " + index + " asked for").isNotNull();
        seen.add(next);
      }
      return seen.get(index);
    }

    private Pause begin(Duration delay) {
      asked.add(delay);
      Pause pause = new Pause(delay);
      pauses.add(pause);
      return pause;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      begin(duration).over.join();
    }

    @Override
    public void sleep(Duration duration, CompletableFuture<?> wake) throws InterruptedException {
      Pause pause = begin(duration);
      CompletableFuture.anyOf(pause.over, wake).join();
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> after(Duration delay) {
      return begin(delay).over;
    }
  }
}
