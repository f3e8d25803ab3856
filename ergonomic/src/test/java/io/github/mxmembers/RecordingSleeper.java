package io.github.mxmembers;

import io.github.mxmembers.retry.Scheduler;
import io.github.mxmembers.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records each wait and moves the fake clock by it instead of waiting: as a sync client's {@link
 * Sleeper} and as an async client's {@link Scheduler} alike.
 */
final class RecordingSleeper implements Sleeper, Scheduler {
  private final FakeClock clock;
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  RecordingSleeper(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    clock.advance(duration);
  }

  @Override
  public CompletionStage<Void> after(Duration delay) {
    sleep(delay);
    return CompletableFuture.completedFuture(null);
  }
}
