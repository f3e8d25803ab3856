package io.github.mxmembers.sandbox;

import java.util.Map;
import java.util.Optional;

/** A request the sandbox received, as received: auth headers included, so keep it in tests. */
public final class RecordedRequest {
  private final String method;
  private final String path;
  private final Map<String, String> headers;
  private final String body;

  RecordedRequest(String method, String path, Map<String, String> headers, String body) {
    this.method = method;
    this.path = path;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  public String method() {
    return method;
  }

  /** The decoded path. */
  public String path() {
    return path;
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }

  public String body() {
    return body;
  }

  /** Method and path only. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
