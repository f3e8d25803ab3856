package io.github.mxmembers;

import java.time.Duration;
import java.time.Instant;

/**
 * Hears what each call does, for metrics and tracing: set one on the client builder with {@link
 * MxClientBuilder#callListener(CallListener)}. Every method has an empty default, so implement only
 * what you need.
 *
 * <p>A call is one {@code updateMember}. It makes one or more attempts: sends of a request on the
 * wire, each of which finishes with a status or a failure. On the Nexus API a call may also fetch an
 * API token and open a session, and those attempts are reported too, under the same call id. The
 * order is: {@link #callStarted}, then for each attempt {@link #attemptStarted} and {@link
 * #attemptFinished} (with {@link #retryScheduled} before a retry and {@link #sessionOpened} after a
 * session was opened), then {@link #callFinished}, whether the call succeeded or threw.
 *
 * <p>Events carry no secret: no credential, key or token, no header value, no body. Listeners are
 * called on the thread making the call (on an async client, on the client's I/O or timer thread that
 * completes each step), so they must be quick and thread-safe; an exception a listener throws is
 * logged at WARN and does not affect the call. With no listener set, no event is built at all. A
 * call cancelled on an async client finishes with a {@link java.util.concurrent.CancellationException}
 * as its failure.
 */
public interface CallListener {
  /** Hears nothing. */
  CallListener NONE = new CallListener() {};

  /**
   * The call begins: the update passed validation and nothing has been sent yet.
   *
   * @param event what happened
   */
  default void callStarted(CallStarted event) {}

  /**
   * An attempt is about to be sent.
   *
   * @param event what happened
   */
  default void attemptStarted(AttemptStarted event) {}

  /**
   * An attempt ended: with a response (its status) or without one (a failure).
   *
   * @param event what happened
   */
  default void attemptFinished(AttemptFinished event) {}

  /**
   * The call will wait, then send the same request again.
   *
   * @param event what happened
   */
  default void retryScheduled(RetryScheduled event) {}

  /**
   * A Nexus session was opened for this call: the client's first, a renewal before it lapsed, or after MX's 4011.
   *
   * @param event what happened
   */
  default void sessionOpened(SessionOpened event) {}

  /**
   * The call returned or threw.
   *
   * @param event what happened
   */
  default void callFinished(CallFinished event) {}

  /**
   * A call began: {@code updateMember} was called, and its deadline started.
   *
   * @param callId numbers the calls of this JVM, to tie a call's events together
   * @param api the API called
   * @param request the request line, such as {@code PUT /users/u-1/members/MBR-1}
   * @param startedAt when the call began, by the client's clock
   * @param timeout the call's deadline, measured from {@code startedAt}
   */
  record CallStarted(long callId, MxApi api, String request, Instant startedAt, Duration timeout) {}

  /**
   * One attempt is about to be sent: the call's own request, or on Nexus the API-token or session
   * request it needs first.
   *
   * @param callId numbers the calls of this JVM, to tie a call's events together
   * @param api the API called
   * @param request the request line of this attempt: the update, or on Nexus the API-token or
   *     session request
   * @param attempt 1 for the first send of this request in the call
   */
  record AttemptStarted(long callId, MxApi api, String request, int attempt) {}

  /**
   * One attempt ended: with a whole response, or with no response at all.
   *
   * @param callId numbers the calls of this JVM, to tie a call's events together
   * @param api the API called
   * @param request the request line of this attempt
   * @param attempt 1 for the first send of this request in the call
   * @param status the HTTP status, or 0 when no response came back
   * @param requestId MX's request id from the response, or null
   * @param failure when there was no response, the kind of failure (an exception's simple name,
   *     such as {@code SocketTimeoutException}); null otherwise
   * @param duration from sending to the whole response read (or the failure)
   */
  record AttemptFinished(
      long callId,
      MxApi api,
      String request,
      int attempt,
      int status,
      String requestId,
      String failure,
      Duration duration) {}

  /**
   * The call will send a request again after a wait, as its {@code RetryPolicy} decided.
   *
   * @param callId numbers the calls of this JVM, to tie a call's events together
   * @param api the API called
   * @param request the request line that will be sent again
   * @param nextAttempt the attempt that will follow the wait
   * @param reason the status (such as {@code 503}) or failure (such as {@code ConnectException})
   *     that is retried
   * @param delay how long the call waits first ({@code Retry-After} or backoff)
   */
  record RetryScheduled(long callId, MxApi api, String request, int nextAttempt, String reason, Duration delay) {}

  /**
   * A Nexus session was opened for the call (its first, or a renewal).
   *
   * @param callId numbers the calls of this JVM, to tie a call's events together
   * @param api the API called
   * @param reason why: {@code "no session yet"}, {@code "about to lapse"} or {@code "expired (4011)"}
   * @param renewal false for the client's first session
   */
  record SessionOpened(long callId, MxApi api, String reason, boolean renewal) {}

  /**
   * The call returned a result or threw (or its future completed either way): the last event of a call.
   *
   * @param callId numbers the calls of this JVM, to tie a call's events together
   * @param api the API called
   * @param request the call's own request line
   * @param status the status of the call's last response, or 0 when it ended without one
   * @param attempts attempts at the call's own request (the update), as {@link
   *     io.github.mxmembers.model.MemberUpdateResult#attempts()} counts them
   * @param requestId MX's request id from the last response, or null
   * @param failure the exception the call threw (or its future failed with), or null when it returned
   * @param duration from {@link #callStarted} to now, by the client's clock
   */
  record CallFinished(
      long callId,
      MxApi api,
      String request,
      int status,
      int attempts,
      String requestId,
      RuntimeException failure,
      Duration duration) {}
}
