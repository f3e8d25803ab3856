package io.github.mxmembers.internal.transport;

import io.github.mxmembers.annotations.InternalApi;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.core5.http.Header;

/** A response as received: status, headers and the whole body. */
@InternalApi
public final class RawResponse {
  private static final byte[] EMPTY = new byte[0];

  private final int status;
  private final List<Header> headers;
  private final byte[] body;

  public RawResponse(int status, Header[] headers, byte[] body) {
    this.status = status;
    this.headers = headers == null ? List.of() : Arrays.asList(headers);
    this.body = body == null ? EMPTY : body;
  }

  public int status() {
    return status;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    return Headers.first(headers, name);
  }

  /** The body bytes, empty when there was none. Callers must not modify them. */
  public byte[] body() {
    return body;
  }

  /** Status only: the body may hold member data. */
  @Override
  public String toString() {
    return "RawResponse{status=" + status + ", bodyBytes=" + body.length + "}";
  }
}
