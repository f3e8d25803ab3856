package io.github.mxmembers.model;

import java.util.Objects;

/**
 * The request an update would send, with secrets redacted: auth headers and the callback payload
 * shown as {@code [redacted]}, credential values as {@code ****}. For dry runs and audit logs.
 */
public final class RequestPreview {
  private final String method;
  private final String path;
  private final String headers;
  private final String body;

  private RequestPreview(String method, String path, String headers, String body) {
    this.method = method;
    this.path = path;
    this.headers = headers;
    this.body = body;
  }

  /**
   * A preview of these parts, as given: the SDK makes each with its secrets already redacted; a unit
   * test makes one to stub {@code preview}.
   *
   * @param method the HTTP method
   * @param path the percent-encoded path and query
   * @param headers the headers, {@code Name: value} separated by commas
   * @param body the body, or an empty string
   * @return the preview
   */
  public static RequestPreview of(String method, String path, String headers, String body) {
    return new RequestPreview(
        Objects.requireNonNull(method, "method == null"),
        Objects.requireNonNull(path, "path == null"),
        Objects.requireNonNull(headers, "headers == null"),
        Objects.requireNonNull(body, "body == null"));
  }

  /** {@return the HTTP method, such as {@code PUT}} */
  public String method() {
    return method;
  }

  /** {@return the percent-encoded path and query} */
  public String path() {
    return path;
  }

  /** {@return the headers, {@code Name: value} separated by commas, secrets redacted} */
  public String headers() {
    return headers;
  }

  /** {@return the JSON body, credential values redacted} */
  public String body() {
    return body;
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return method + " " + path + "\n" + headers + "\n" + body;
  }
}
