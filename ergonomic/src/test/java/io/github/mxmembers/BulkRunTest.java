package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.internal.bulk.AdaptiveRate;
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
    return new BulkRun(send, concurrency, pacer, sleeper, null, outcomes::add);
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
    while (runner.isInterrupted()) {
      Thread.onSpinWait(); // until the run has taken the interrupt: it now waits for the two in flight
    }
    assertThat(complete).isNotDone();
    first.complete(null);
    second.complete(null);

    assertThat(complete.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(outcomes).hasSize(2);
    assertThat(sent).isEmpty();
  }
}
