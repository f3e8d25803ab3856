package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxApi;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.apache.hc.core5.concurrent.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call: its deadline, its retry budget, what it has sent so far, how it waits, whether it was
 * cancelled, and the listener's events. Every step of the call (on Nexus: the API-token fetch,
 * opening a session, the update, a renewal and the repeated update) runs under the same deadline
 * and draws on the same budget. A call runs one step at a time: on an async client the steps may
 * run on different threads, one after the other (each future's completion orders them).
 */
@InternalApi
public final class Call {
  private static final Logger LOG = LoggerFactory.getLogger(Call.class);
  private static final AtomicLong IDS = new AtomicLong();
  private static final AtomicReferenceFieldUpdater<Call, Cancellable> IN_FLIGHT =
      AtomicReferenceFieldUpdater.newUpdater(Call.class, Cancellable.class, "inFlight");
  /** Distinct requests one call sends: the update, and on Nexus the API-token and session requests. */
  private static final int MAX_REQUESTS = 3;

  private final MxApi api;
  private final PreparedRequest request;
  private final Clock clock;
  private final Duration timeout;
  /** What bounds the call, for messages, when a wait's deadline does; null for the call timeout. */
  private volatile String deadlineName;
  private final Instant startedAt;
  private final Instant deadline;
  private final CallListener listener;
  private final long id;
  private final Waiter waiter;
  private int retriesLeft;
  private volatile boolean cancelled;
  /** The attempt on the wire, to abort on {@link #cancel()}; null between attempts. */
  private volatile Cancellable inFlight;
  private final PreparedRequest[] sent = new PreparedRequest[MAX_REQUESTS];
  private final int[] attempts = new int[MAX_REQUESTS];
  private Response lastResponse;

  /**
   * @param request the call's own request; its attempts are the ones results and errors count
   * @param listener null when nobody listens: then no event is built
   * @param waiter how this call waits: on its thread (sync) or by a timer (async)
   */
  public Call(
      MxApi api,
      PreparedRequest request,
      Clock clock,
      Duration timeout,
      int maxAttempts,
      CallListener listener,
      Waiter waiter) {
    this.api = api;
    this.waiter = waiter;
    this.request = request;
    this.clock = clock;
    this.timeout = timeout;
    this.startedAt = clock.instant();
    this.deadline = startedAt.plus(timeout);
    this.retriesLeft = maxAttempts - 1;
    this.listener = listener;
    this.id = listener == null ? 0 : IDS.incrementAndGet();
    if (listener != null) {
      notify(() -> listener.callStarted(new CallListener.CallStarted(id, api, request.toString(), startedAt, timeout)));
    }
  }

  /**
   * Names what bounds this call in messages: its call timeout, or, for a status read of a wait whose
   * deadline came first, that wait's deadline.
   */
  public void limitedByWait() {
    this.deadlineName = "the deadline of the wait it belongs to";
  }

  /** {@return what bounds this call, for messages: {@code the call timeout of PT60S}, say} */
  String deadlineName() {
    String name = deadlineName;
    return name != null ? name : "the call timeout of " + timeout; // made only for a message
  }

  public MxApi api() {
    return api;
  }

  public Clock clock() {
    return clock;
  }

  /** The call timeout this call runs under. */
  public Duration timeout() {
    return timeout;
  }

  /** What is left before the deadline; zero or negative once it has passed. */
  public Duration timeLeft() {
    return Duration.between(clock.instant(), deadline);
  }

  /** Whether waiting this long still leaves the deadline ahead. */
  boolean fits(Duration wait) {
    return clock.instant().plus(wait).isBefore(deadline);
  }

  /** How this call waits before a retry. */
  Waiter waiter() {
    return waiter;
  }

  /**
   * Waits for what another call is doing, no longer than this call's deadline.
   *
   * @param what for the message, such as {@code "while another call opened the session"}
   * @return completes as {@code future} does, or fails with the deadline's {@code MxTransportException}
   */
  public <T> CompletableFuture<T> within(CompletableFuture<T> future, String what) {
    return waiter.within(future, timeLeft())
        .handle(
            (value, failure) -> {
              if (failure == null) {
                return value;
              }
              Throwable cause = Futures.unwrap(failure);
              if (cause instanceof TimeoutException) {
                throw Failures.deadline(this, request, what, null);
              }
              if (cause instanceof InterruptedException) {
                throw Failures.transport(this, request, "was interrupted " + what, cause);
              }
              throw Futures.rethrow(cause);
            });
  }

  /**
   * Stops the call: the attempt on the wire is aborted (its connection closed, not pooled) and no
   * further attempt starts. Safe from any thread.
   */
  public void cancel() {
    cancelled = true;
    Cancellable attempt = inFlight;
    if (attempt != null) {
      attempt.cancel();
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** The attempt now on the wire: aborted at once if the call was cancelled. */
  void inFlight(Cancellable attempt) {
    inFlight = attempt;
    if (cancelled) {
      attempt.cancel();
    }
  }

  /**
   * The attempt ended. Only that attempt is forgotten: the next one may already be registered (a
   * retry can start before the last attempt's completion has finished running its callbacks), and
   * clearing it would let a cancel miss it.
   */
  void ended(Cancellable attempt) {
    IN_FLIGHT.compareAndSet(this, attempt, null);
  }

  /** Whether the budget still holds a retry. */
  boolean hasRetryLeft() {
    return retriesLeft > 0;
  }

  void spendRetry() {
    retriesLeft--;
  }

  /** Counts a send of this request and returns its number (1 for the first). */
  int countAttempt(PreparedRequest sending) {
    for (int i = 0; i < MAX_REQUESTS; i++) {
      if (sent[i] == null) {
        sent[i] = sending;
      }
      if (sent[i] == sending) {
        return ++attempts[i];
      }
    }
    throw new IllegalStateException("a call sends at most " + MAX_REQUESTS + " distinct requests");
  }

  /** Sends of this request so far in the call. */
  public int attemptsOf(PreparedRequest sending) {
    for (int i = 0; i < MAX_REQUESTS && sent[i] != null; i++) {
      if (sent[i] == sending) {
        return attempts[i];
      }
    }
    return 0;
  }

  /** Sends of the call's own request so far. */
  public int attempts() {
    return attemptsOf(request);
  }

  void received(Response response) {
    lastResponse = response;
  }

  /** MX's request id from the call's last response, or null. */
  public String lastRequestId() {
    return lastResponse == null ? null : lastResponse.requestId();
  }

  // ---- the listener's events: each built only when somebody listens

  void attemptStarted(PreparedRequest sending, int attempt) {
    if (listener != null) {
      notify(() -> listener.attemptStarted(new CallListener.AttemptStarted(id, api, sending.toString(), attempt)));
    }
  }

  void attemptFinished(
      PreparedRequest sending, int attempt, int status, String requestId, String failure, long nanos) {
    if (listener != null) {
      notify(
          () ->
              listener.attemptFinished(
                  new CallListener.AttemptFinished(
                      id, api, sending.toString(), attempt, status, requestId, failure, Duration.ofNanos(nanos))));
    }
  }

  void retryScheduled(PreparedRequest sending, int nextAttempt, String reason, Duration delay) {
    if (listener != null) {
      notify(
          () ->
              listener.retryScheduled(
                  new CallListener.RetryScheduled(id, api, sending.toString(), nextAttempt, reason, delay)));
    }
  }

  /** A Nexus session was opened for this call. */
  public void sessionOpened(String reason, boolean renewal) {
    if (listener != null) {
      notify(() -> listener.sessionOpened(new CallListener.SessionOpened(id, api, reason, renewal)));
    }
  }

  /** The call returned (failure null) or is about to throw {@code failure}. */
  public void finished(RuntimeException failure) {
    if (listener != null) {
      int status = lastResponse == null ? 0 : lastResponse.status();
      notify(
          () ->
              listener.callFinished(
                  new CallListener.CallFinished(
                      id,
                      api,
                      request.toString(),
                      status,
                      attempts(),
                      lastRequestId(),
                      failure,
                      Duration.between(startedAt, clock.instant()))));
    }
  }

  /** A listener's own failure is logged and goes no further: it must not change the call. */
  private static void notify(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("a CallListener threw {}; the call goes on", e.getClass().getName(), e);
    }
  }

  /** The exception for a call whose deadline passed while something else held it up. */
  MxException deadlinePassedWhile(PreparedRequest sending, String what) {
    return Failures.deadline(this, sending, "after " + plural(attemptsOf(sending), "attempt") + ", " + what, null);
  }

  /** The exception for a call whose deadline passed, with what it had sent. */
  MxException deadlinePassed(PreparedRequest sending, Throwable cause) {
    return Failures.deadline(this, sending, "after " + plural(attemptsOf(sending), "attempt"), cause);
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
