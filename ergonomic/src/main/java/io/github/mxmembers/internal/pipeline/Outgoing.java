package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.PreparedRequest;
import org.apache.hc.core5.http.Header;

/**
 * A prepared request on its way down the pipeline: the same bytes on every attempt, plus the
 * credential header an auth step attaches, and whether it may be repeated once it may have reached MX.
 */
@InternalApi
public final class Outgoing {
  private final PreparedRequest request;
  private final boolean idempotent;
  private final Header auth;

  private Outgoing(PreparedRequest request, boolean idempotent, Header auth) {
    this.request = request;
    this.idempotent = idempotent;
    this.auth = auth;
  }

  /** A request safe to repeat (the update PUT, the API-token GET). */
  public static Outgoing idempotent(PreparedRequest request) {
    return new Outgoing(request, true, null);
  }

  /** A request that must not be repeated once it may have reached MX ({@code POST /sessions}). */
  public static Outgoing once(PreparedRequest request) {
    return new Outgoing(request, false, null);
  }

  /** The same request carrying this credential header. */
  public Outgoing withAuth(Header auth) {
    return new Outgoing(request, idempotent, auth);
  }

  public PreparedRequest request() {
    return request;
  }

  public boolean isIdempotent() {
    return idempotent;
  }

  /** The credential header, or null. */
  public Header auth() {
    return auth;
  }

  /** The request line only. */
  @Override
  public String toString() {
    return request.toString();
  }
}
