package io.github.mxmembers.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.retry.Sleeper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bulk engine on its own, fed updates whose futures the test completes: no HTTP, and the pacer
 * on a clock that only the engine's sleeper moves, so nothing here sleeps.
 */
@Timeout(20)
class BulkRunTest {
  private final AtomicLong nanos = new AtomicLong();
  private final AdaptiveRate pacer = new AdaptiveRate(Double.POSITIVE_INFINITY, nanos::get);
  private final Sleeper sleeper = duration -> nanos.addAndGet(duration.toNanos());
  private final List<BulkOutcome> outcomes = new CopyOnWriteArrayList<>();

  private BulkRun run(Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> send, int concurrency) {
    return new BulkRun(send, concurrency, pacer, sleeper, null, null, outcomes::add);
  }

  private static Iterator<BulkItem> items(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(key -> BulkItem.of(key, MemberUpdate.builder().user("USR-1").member("MBR-" + key).metadata("m").build()))
        .iterator();
  }

  private static MxApiException status(int status) {
    return new MxApiException(MxApi.PLATFORM, "PUT /users/USR-1/members/MBR-1", status, null, null, 1, null);
  }

  @Test
  void neverHasMoreInFlightThanItsConcurrencyAndEndsWhenTheLastOneDoes() throws Exception {
    BlockingQueue<CompletableFuture<MemberUpdateResult>> sent = new LinkedBlockingQueue<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    BulkRun run =
        run(
            update -> {
              most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              CompletableFuture<MemberUpdateResult> call = new CompletableFuture<>();
              sent.add(call);
              return call;
            },
            3);
    CompletableFuture<Boolean> complete = CompletableFuture.supplyAsync(() -> run.run(items(20)));

    // the first three go out at once; each later one only once an earlier one has ended
    ArrayDeque<CompletableFuture<MemberUpdateResult>> open = new ArrayDeque<>();
    for (int i = 0; i < 20; i++) {
      CompletableFuture<MemberUpdateResult> call = sent.poll(10, TimeUnit.SECONDS);
      assertThat(call).as("update %d was sent", i + 1).isNotNull();
      open.add(call);
      if (open.size() == 3 || i == 19) {
        inFlight.decrementAndGet();
        open.poll().completeExceptionally(status(404));
      }
    }
    while (!open.isEmpty()) {
      inFlight.decrementAndGet();
      open.poll().completeExceptionally(status(404));
    }

    assertThat(complete.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(most.get()).isEqualTo(3);
    assertThat(outcomes).hasSize(20).allMatch(outcome -> outcome.kind() == BulkOutcome.Kind.FAILED);
    assertThat(run.tally().summary(0, java.time.Duration.ZERO, true).failedByReason()).containsEntry("404", 20L);
  }

  @Test
  void anUpdateMxThrottlesToTheEndIsSentAgainUpToTenTimesThenFails() {
    AtomicInteger sends = new AtomicInteger();
    BulkRun run = run(update -> {
      sends.incrementAndGet();
      return CompletableFuture.failedFuture(status(429));
    }, 2);

    assertThat(run.run(items(1))).isTrue();

    assertThat(sends.get()).isEqualTo(BulkRun.MAX_THROTTLED_SENDS);
    assertThat(outcomes).singleElement().satisfies(outcome -> {
      assertThat(outcome.kind()).isEqualTo(BulkOutcome.Kind.FAILED);
      assertThat(outcome.status()).isEqualTo(429);
    });
  }

  @Test
  void aThrottledUpdateThatGoesThroughLaterIsDoneOnce() {
    AtomicInteger sends = new AtomicInteger();
    BulkRun run = run(update -> sends.incrementAndGet() < 3
        ? CompletableFuture.failedFuture(status(503))
        : CompletableFuture.completedFuture(null), 1);

    assertThat(run.run(items(1))).isTrue();

    assertThat(sends.get()).isEqualTo(3);
    assertThat(outcomes).singleElement().extracting(BulkOutcome::kind).isEqualTo(BulkOutcome.Kind.DONE);
  }

  @Test
  void inputTheClientRefusesIsInvalidAndTakesNoSlot() {
    BulkRun run = run(update -> {
      if (update.member().equals("MBR-2")) {
        throw new IllegalArgumentException("id: not a Nexus API field");
      }
      return CompletableFuture.completedFuture(null);
    }, 1);
    List<Object> kinds = new ArrayList<>();

    assertThat(run.run(items(3))).isTrue();

    outcomes.forEach(outcome -> kinds.add(outcome.kind()));
    assertThat(kinds).containsExactly(BulkOutcome.Kind.DONE, BulkOutcome.Kind.INVALID, BulkOutcome.Kind.DONE);
    assertThat(outcomes.get(1).failure()).get().extracting(Throwable::getMessage).isEqualTo("id: not a Nexus API field");
  }

  @Test
  void anInterruptStopsTheReadingAndTheRunStillWaitsForWhatIsInFlight() throws Exception {
    BlockingQueue<CompletableFuture<MemberUpdateResult>> sent = new LinkedBlockingQueue<>();
    BulkRun run = run(update -> {
      CompletableFuture<MemberUpdateResult> call = new CompletableFuture<>();
      sent.add(call);
      return call;
    }, 2);
    CompletableFuture<Boolean> complete = new CompletableFuture<>();
    Thread runner = new Thread(() -> complete.complete(run.run(items(10))));
    runner.start();
    CompletableFuture<MemberUpdateResult> first = sent.poll(10, TimeUnit.SECONDS);
    CompletableFuture<MemberUpdateResult> second = sent.poll(10, TimeUnit.SECONDS);

    runner.interrupt();
    // the run takes the interrupt, and waits for the two in flight, which only this test can end
    io.github.mxmembers.Eventually.until(
        "the run waiting for what is in flight, its interrupt taken",
        java.time.Duration.ofSeconds(10),
        () -> !runner.isInterrupted() && runner.getState() == Thread.State.WAITING);
    assertThat(complete).isNotDone();
    first.complete(null);
    second.complete(null);

    assertThat(complete.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(outcomes).hasSize(2);
    assertThat(sent).isEmpty();
  }

  // ---- a run never hangs: a failure in any part ends it, with what was in flight finished

  /** Sends that never complete until released: what a failure must not leave the run waiting on. */
  private static Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> completingLater(
      BlockingQueue<CompletableFuture<MemberUpdateResult>> sent) {
    return update -> {
      CompletableFuture<MemberUpdateResult> call = new CompletableFuture<>();
      sent.add(call);
      return call;
    };
  }

  @Test
  void anInputThatThrowsEndsTheRunOnceWhatIsInFlightHasFinished() throws Exception {
    BlockingQueue<CompletableFuture<MemberUpdateResult>> sent = new LinkedBlockingQueue<>();
    BulkRun run = run(completingLater(sent), 4);
    Iterator<BulkItem> good = items(2);
    java.util.concurrent.CountDownLatch broke = new java.util.concurrent.CountDownLatch(1);
    Iterator<BulkItem> breaking =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public BulkItem next() {
            if (good.hasNext()) {
              return good.next();
            }
            broke.countDown();
            throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
          }
        };
    CompletableFuture<Boolean> complete = new CompletableFuture<>();
    Thread runner = new Thread(() -> {
      try {
        complete.complete(run.run(breaking));
      } catch (Throwable e) {
        complete.completeExceptionally(e);
      }
    });
    runner.start();
    CompletableFuture<MemberUpdateResult> first = sent.poll(10, TimeUnit.SECONDS);
    CompletableFuture<MemberUpdateResult> second = sent.poll(10, TimeUnit.SECONDS);
    assertThat(broke.await(10, TimeUnit.SECONDS)).as("the input broke").isTrue();
    // blocked (not ended): it waits for the two in flight, which only this test can end
    io.github.mxmembers.Eventually.until(
        "the run waiting for what is in flight", java.time.Duration.ofSeconds(10), () -> runner.getState() == Thread.State.WAITING);
    assertThat(complete).as("waits for the two in flight").isNotDone();
    first.complete(null);
    second.complete(null);

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> complete.get(10, TimeUnit.SECONDS)))
        .hasRootCauseInstanceOf(java.io.IOException.class);
    assertThat(outcomes).hasSize(2).allMatch(outcome -> outcome.kind() == BulkOutcome.Kind.DONE);
  }

  @Test
  void aNullItemEndsTheRunNamingItsPositionAndNothingAfterItIsSent() {
    AtomicInteger sends = new AtomicInteger();
    BulkRun run = run(update -> {
      sends.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }, 2);
    List<BulkItem> list = new ArrayList<>();
    items(3).forEachRemaining(list::add);
    list.add(1, null);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run.run(list.iterator()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 2 of the input is null: the items before it were run, none from it on");
    assertThat(sends.get()).isEqualTo(1);
    assertThat(outcomes).singleElement().extracting(BulkOutcome::kind).isEqualTo(BulkOutcome.Kind.DONE);
  }

  @Test
  void aClientThatThrowsSomethingUnexpectedOrFailsWithAnErrorEndsTheRun() throws Exception {
    BulkRun throwing = run(update -> {
      throw new UnsupportedOperationException("a bug");
    }, 2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> throwing.run(items(3)))
        .isInstanceOf(UnsupportedOperationException.class);

    AtomicInteger sends = new AtomicInteger();
    BulkRun failing =
        run(
            update ->
                sends.incrementAndGet() == 1
                    ? CompletableFuture.supplyAsync(() -> { throw new OutOfMemoryError("in the client"); })
                    : new CompletableFuture<>().completeAsync(() -> null, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
                        .thenApply(ignored -> (MemberUpdateResult) null),
            1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.run(items(5)))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("in the client");
    assertThat(sends.get()).as("nothing sent after the error").isEqualTo(1);
  }

  @Test
  void aListenerThatThrowsIsLoggedButOneThatFailsWithAnErrorEndsTheRun() {
    BulkRun shrugging =
        new BulkRun(update -> CompletableFuture.completedFuture(null), 2, pacer, sleeper, null, null, outcome -> {
          throw new IllegalStateException("listener bug");
        });
    assertThat(shrugging.run(items(3))).isTrue();
    assertThat(shrugging.tally().summary(0, java.time.Duration.ZERO, true).done()).isEqualTo(3);

    AtomicInteger sends = new AtomicInteger();
    BulkRun stopping =
        new BulkRun(
            update -> {
              sends.incrementAndGet();
              return CompletableFuture.supplyAsync(() -> null);
            },
            1,
            pacer,
            sleeper,
            null,
            null,
            outcome -> {
              throw new StackOverflowError("listener");
            });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stopping.run(items(5))).isInstanceOf(StackOverflowError.class);
    assertThat(sends.get()).isEqualTo(1);
  }

  @Test
  void aJournalThatFailsEndsTheRunWithWhatWasRecordedKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path path = dir.resolve("run.journal");
    Journal journal =
        Journal.open(path, "0011223344556677", null, false);
    JournalKey key = JournalKey.of(new byte[32]);
    AtomicInteger sends = new AtomicInteger();
    BulkRun run =
        new BulkRun(
            update -> {
              if (sends.incrementAndGet() == 2) {
                journal.close(); // the next record fails, as on a full disk
              }
              return CompletableFuture.completedFuture(null);
            },
            1,
            pacer,
            sleeper,
            journal,
            key.mac(),
            outcomes::add);

    assertThat(run.run(items(5))).isFalse();
    assertThat(journal.failure()).isPresent();
    assertThat(sends.get()).isEqualTo(2);
    assertThat(outcomes).hasSize(1);
    assertThat(java.nio.file.Files.readAllLines(path)).hasSize(2);
  }

  @Test
  void theSameMemberTwiceIsSentOnceAndTheLaterItemIsInvalid() {
    AtomicInteger sends = new AtomicInteger();
    BulkRun run = run(update -> {
      sends.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }, 4);
    MemberUpdate first = MemberUpdate.builder().user("USR-1").member("MBR-1").credential("CRD-1", "a").build();
    MemberUpdate other = MemberUpdate.builder().user("USR-2").member("MBR-1").metadata("m").build();
    MemberUpdate again = MemberUpdate.builder().user("USR-1").member("MBR-1").credential("CRD-1", "b").build();

    assertThat(run.run(List.of(BulkItem.of(1, first), BulkItem.of(2, other), BulkItem.of(3, again)).iterator())).isTrue();

    assertThat(sends.get()).isEqualTo(2);
    assertThat(outcomes).extracting(BulkOutcome::kind)
        .containsExactly(BulkOutcome.Kind.DONE, BulkOutcome.Kind.DONE, BulkOutcome.Kind.INVALID);
    assertThat(outcomes.get(2).failure()).get().extracting(Throwable::getMessage).isEqualTo(BulkRun.REPEATED_MEMBER);
  }

  @Test
  void aKeyUsedTwiceIsRefusedBeforeItIsSentAndNotJournaledUnderTheFirstsKey() {
    AtomicInteger sends = new AtomicInteger();
    BulkRun run = run(update -> {
      sends.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }, 4);
    MemberUpdate one = MemberUpdate.builder().user("USR-1").member("MBR-1").metadata("a").build();
    MemberUpdate other = MemberUpdate.builder().user("USR-1").member("MBR-2").metadata("b").build();

    assertThat(run.run(List.of(BulkItem.of(7, one), BulkItem.of(7, other)).iterator())).isTrue();

    assertThat(sends.get()).as("the second of key 7 is not sent").isEqualTo(1);
    assertThat(outcomes).extracting(BulkOutcome::kind).containsExactly(BulkOutcome.Kind.DONE, BulkOutcome.Kind.INVALID);
    assertThat(outcomes.get(1).failure()).get().extracting(Throwable::getMessage).isEqualTo(BulkRun.REPEATED_KEY);
  }

  @Test
  void limitsForConcurrencyAndConnectionsAreDecided() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BulkUpdate.builder().concurrency(Integer.MAX_VALUE))
        .hasMessageContaining("concurrency must be from 1 to 1024");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.github.mxmembers.MxPlatformAsyncClient.builder().maxConnections(Integer.MAX_VALUE))
        .hasMessageContaining("maxConnections must be from 1 to 10000");
    assertThat(BulkUpdate.builder().concurrency(1024)).isNotNull();
  }
}
