package io.github.mxmembers.bulk;

import io.github.mxmembers.CallListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bulk run's listener: feeds every attempt's answer to the run's {@link AdaptiveRate} (MX's 429 and
 * 503 slow it, successes speed it up), counts the 429s, and passes every event on to the listener the
 * caller set on the client builder, which still hears everything.
 */
final class Pacing implements CallListener {
  private final AdaptiveRate pacer;
  private final CallListener theirs;
  private final AtomicLong rateLimited = new AtomicLong();

  /**
   * @param pacer the run's pace
   * @param theirs the caller's listener, {@link CallListener#NONE} when none
   */
  Pacing(AdaptiveRate pacer, CallListener theirs) {
    this.pacer = pacer;
    this.theirs = theirs;
  }

  /** {@return the attempts MX answered 429 so far} */
  long rateLimited() {
    return rateLimited.get();
  }

  @Override
  public void callStarted(CallStarted event) {
    theirs.callStarted(event);
  }

  @Override
  public void attemptStarted(AttemptStarted event) {
    theirs.attemptStarted(event);
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    int status = event.status();
    if (status == 429 || status == 503) {
      if (status == 429) {
        rateLimited.incrementAndGet();
      }
      pacer.throttled(status, null);
    } else if (status >= 200 && status < 300) {
      pacer.succeeded();
    }
    theirs.attemptFinished(event);
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    if ("503".equals(event.reason())) {
      pacer.throttled(503, event.delay()); // the platform is being updated: nothing goes before its retry
    }
    theirs.retryScheduled(event);
  }

  @Override
  public void sessionOpened(SessionOpened event) {
    theirs.sessionOpened(event);
  }

  @Override
  public void callFinished(CallFinished event) {
    theirs.callFinished(event);
  }
}
