package io.github.mxmembers.micrometer;

import io.github.mxmembers.MxApi;
import io.micrometer.observation.Observation;

/**
 * What an observation of an MX call, or of one attempt of it, knows: the API, the operation, the
 * request line (with the member's and user's ids: high cardinality, for spans only), and once it has
 * ended its status, attempts, MX's request id and failure. Never a credential, key or token: the
 * SDK's {@code CallListener} events hold none.
 */
public final class MxCallContext extends Observation.Context {
  /** Which kind of observation. */
  public enum Kind {
    /** A whole call: every attempt and wait of one {@code updateMember}, say. */
    CALL,
    /** One attempt of a call: one request and its response. */
    ATTEMPT
  }

  private final Kind kind;
  private final MxApi api;
  private final String operation;
  private final String request;
  private final int attempt;
  private volatile int status;
  private volatile int attempts;
  private volatile String requestId;
  private volatile String failure;

  MxCallContext(Kind kind, MxApi api, String operation, String request, int attempt) {
    this.kind = kind;
    this.api = api;
    this.operation = operation;
    this.request = request;
    this.attempt = attempt;
  }

  /** {@return a call or an attempt} */
  public Kind kind() {
    return kind;
  }

  /** {@return the API called} */
  public MxApi api() {
    return api;
  }

  /**
   * {@return the operation, from the request's method and path: {@code update_member}, {@code
   * read_status}, {@code list_credentials}, {@code list_challenges}, {@code resume}, {@code
   * open_session}, {@code api_token}, or {@code other}}
   */
  public String operation() {
    return operation;
  }

  /** {@return the request line, such as {@code PUT /users/USR-1/members/MBR-1}: ids in it, so high cardinality} */
  public String request() {
    return request;
  }

  /** {@return the attempt's number, from 1; 0 for a call} */
  public int attempt() {
    return attempt;
  }

  /** {@return the HTTP status of the (last) response; 0 when none came back, or before the end} */
  public int status() {
    return status;
  }

  /** {@return the attempts the call made; 0 for an attempt, or before the end} */
  public int attempts() {
    return attempts;
  }

  /** {@return MX's request id from the (last) response, or null} */
  public String requestId() {
    return requestId;
  }

  /** {@return the kind of failure when no response came or the call threw (a simple class name), or null} */
  public String failure() {
    return failure;
  }

  void ended(int status, int attempts, String requestId, String failure) {
    this.status = status;
    this.attempts = attempts;
    this.requestId = requestId;
    this.failure = failure;
  }
}
