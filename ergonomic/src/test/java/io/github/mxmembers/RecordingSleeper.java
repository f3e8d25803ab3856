package io.github.mxmembers;

import io.github.mxmembers.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each wait and moves the fake clock by it instead of sleeping. */
final class RecordingSleeper implements Sleeper {
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
}
