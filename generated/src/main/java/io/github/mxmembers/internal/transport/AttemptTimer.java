package io.github.mxmembers.internal.transport;

import io.github.mxmembers.annotations.InternalApi;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Aborts an attempt from another thread when its time is up, so that no server, however slowly it
 * trickles bytes, holds a call past its deadline.
 */
@FunctionalInterface
@InternalApi
public interface AttemptTimer {
  /** Never aborts. */
  AttemptTimer NONE = attempt -> () -> {};

  /**
   * Starts the timer for an attempt about to be sent.
   *
   * @param attempt what to cancel when the time is up
   * @return stops the timer; called once the response has been read or the attempt failed
   */
  Disarm arm(Cancellable attempt);

  /** Stops an armed timer. */
  @FunctionalInterface
  interface Disarm {
    void disarm();
  }
}
