package io.github.mxmembers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Keeps every event it hears, in order. */
final class RecordingListener implements CallListener {
  final List<Record> events = new CopyOnWriteArrayList<>();

  @Override
  public void callStarted(CallStarted event) {
    heard(event);
  }

  @Override
  public void attemptStarted(AttemptStarted event) {
    heard(event);
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    heard(event);
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    heard(event);
  }

  @Override
  public void sessionOpened(SessionOpened event) {
    heard(event);
  }

  @Override
  public void callFinished(CallFinished event) {
    heard(event);
  }

  /**
   * Waits (on the listener's own signal, not by polling) until it has heard {@code count} events of
   * this type, for at most 10 seconds.
   *
   * @return the events of that type, at least {@code count} of them
   */
  <T extends Record> List<T> await(Class<T> type, int count) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    synchronized (this) {
      while (of(type).size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("heard " + of(type).size() + " " + type.getSimpleName() + ", not " + count + ": " + summary());
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
    return of(type);
  }

  private void heard(Record event) {
    events.add(event);
    synchronized (this) {
      notifyAll();
    }
  }

  <T extends Record> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /** Each event's type and request line, such as {@code AttemptFinished PUT /members/MBR-1 401}. */
  List<String> summary() {
    return events.stream().map(RecordingListener::summarize).collect(Collectors.toList());
  }

  private static String summarize(Record event) {
    if (event instanceof AttemptStarted) {
      AttemptStarted e = (AttemptStarted) event;
      return "AttemptStarted " + e.request() + " #" + e.attempt();
    }
    if (event instanceof AttemptFinished) {
      AttemptFinished e = (AttemptFinished) event;
      return "AttemptFinished " + e.request() + " " + (e.failure() != null ? e.failure() : e.status());
    }
    if (event instanceof RetryScheduled) {
      RetryScheduled e = (RetryScheduled) event;
      return "RetryScheduled " + e.request() + " after " + e.reason();
    }
    if (event instanceof SessionOpened) {
      return "SessionOpened " + ((SessionOpened) event).reason();
    }
    if (event instanceof CallFinished) {
      CallFinished e = (CallFinished) event;
      return "CallFinished " + e.status() + (e.failure() == null ? "" : " " + e.failure().getClass().getSimpleName());
    }
    return event.getClass().getSimpleName() + " " + ((CallStarted) event).request();
  }
}
