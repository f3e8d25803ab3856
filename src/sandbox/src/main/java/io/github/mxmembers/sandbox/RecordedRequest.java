package io.github.mxmembers.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A request the sandbox received, as received: auth headers included, so keep it in tests. */
public final class RecordedRequest {
  private final String method;
  private final String path;
  private final Map<String, String> headers;
  private final String query;
  private final String body;
  private final java.time.Instant at;

  RecordedRequest(String method, String path, String query, Map<String, String> headers, String body, java.time.Instant at) {
    this.at = at;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /** {@return when it was received, on the sandbox's clock: MX's 3 s between two status reads can be read off it} */
  public java.time.Instant at() {
    return at;
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the path, percent-decoded} */
  public String path() {
    return path;
  }

  /** {@return the query string, raw (still percent-encoded); empty when the URL had none} */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /**
   * The first value of a query parameter.
   *
   * @param name the parameter's name, decoded
   * @return its value, decoded; empty when absent
   */
  public Optional<String> queryParameter(String name) {
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, in any case
   * @return its value; empty when absent
   */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }

  /** {@return the body as UTF-8 text; empty when there was none} */
  public String body() {
    return body;
  }

  /** Method and path only. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
