package io.github.mxmembers.internal.transport;

import io.github.mxmembers.annotations.InternalApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * One operation's request, serialised once: method, encoded path and query, headers and body bytes.
 * Sending it again sends the same bytes, which is what makes a retry safe to reason about.
 */
@InternalApi
public final class PreparedRequest {
  private final String method;
  private final String pathAndQuery;
  private final List<Header> headers;
  private final byte[] body;
  private final ContentType contentType;

  private PreparedRequest(Builder builder) {
    this.method = builder.method;
    this.pathAndQuery = builder.query == null ? builder.path : builder.path + builder.query;
    this.headers = Collections.unmodifiableList(builder.headers);
    this.body = builder.body;
    this.contentType = builder.contentType;
  }

  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  public String method() {
    return method;
  }

  /** The percent-encoded path and query, relative to the base URL. */
  public String pathAndQuery() {
    return pathAndQuery;
  }

  public List<Header> headers() {
    return headers;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    return Headers.first(headers, name);
  }

  /** The body bytes, or null for a request without a body. Callers must not modify them. */
  public byte[] body() {
    return body;
  }

  public ContentType contentType() {
    return contentType;
  }

  /** Method and path only: headers and body may hold secrets. */
  @Override
  public String toString() {
    return method + " " + pathAndQuery;
  }

  /** Collects the parts of a request; used by the generated API classes. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final List<Header> headers = new ArrayList<>(4);
    private String query;
    private byte[] body;
    private ContentType contentType;

    private Builder(String method, String path) {
      this.method = Objects.requireNonNull(method, "method == null");
      this.path = Objects.requireNonNull(path, "path == null");
      if (!path.startsWith("/") || !isEncodedPath(path)) {
        throw new IllegalArgumentException("path is not an absolute, percent-encoded URL path");
      }
    }

    /** Only RFC 3986 path characters: unreserved, sub-delims, {@code : @ /} and percent escapes. */
    private static boolean isEncodedPath(String path) {
      for (int i = 0; i < path.length(); i++) {
        char c = path.charAt(i);
        if (c == '%') {
          if (i + 2 >= path.length() || !isHex(path.charAt(i + 1)) || !isHex(path.charAt(i + 2))) {
            return false;
          }
          i += 2;
        } else if (!isAlphanumeric(c) && "-._~!$&'()*+,;=:@/".indexOf(c) < 0) {
          return false;
        }
      }
      return true;
    }

    private static boolean isAlphanumeric(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
      return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    public Builder header(Header header) {
      headers.add(Objects.requireNonNull(header, "header == null"));
      return this;
    }

    public Builder header(String name, String value) {
      return header(new BasicHeader(name, value));
    }

    /** Appends a query parameter, percent-encoding name and value. */
    public Builder query(String name, String value) {
      String pair = PathSegments.encode(name) + "=" + PathSegments.encode(value);
      query = query == null ? "?" + pair : query + "&" + pair;
      return this;
    }

    public Builder body(byte[] body, ContentType contentType) {
      this.body = Objects.requireNonNull(body, "body == null");
      this.contentType = Objects.requireNonNull(contentType, "contentType == null");
      return this;
    }

    public PreparedRequest build() {
      return new PreparedRequest(this);
    }
  }
}
