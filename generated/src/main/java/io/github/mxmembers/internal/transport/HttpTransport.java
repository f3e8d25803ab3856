package io.github.mxmembers.internal.transport;

import io.github.mxmembers.annotations.InternalApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Sends one attempt of a {@link PreparedRequest} over an Apache HttpClient 5 client and reads the
 * whole response. It never retries and never follows redirects on its own: the caller decides.
 * Thread-safe when the underlying client is.
 */
@InternalApi
public final class HttpTransport {
  /**
   * The largest response body read: a member is about 1 KB, so 4 MiB leaves room for anything MX
   * or a proxy in front of it sends while keeping a misbehaving server from filling the heap.
   */
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final CloseableHttpClient client;
  private final String baseUrl;
  /** The base URL parsed once: each request takes its scheme and authority. */
  private final URI base;
  /** The base URL's own path, raw, without a trailing slash; the request's path follows it. */
  private final String basePath;

  /**
   * @param client the client to send with; its lifecycle stays with the caller
   * @param baseUrl scheme, host, port and optional base path, without a trailing slash
   */
  public HttpTransport(CloseableHttpClient client, String baseUrl) {
    this.client = Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.base = URI.create(this.baseUrl);
    this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Sends the request once.
   *
   * @param request the prepared request
   * @param config this attempt's request config (timeouts, redirects), or null for the client's own
   * @param timer aborts the attempt when its time is up
   * @param extraHeaders headers for this attempt only (such as auth), sent after the request's own
   * @throws ResponseTooLargeException when the body is over {@link #MAX_BODY_BYTES}
   * @throws IOException when the exchange fails before a whole response was read
   */
  public RawResponse send(
      PreparedRequest request, RequestConfig config, AttemptTimer timer, Header... extraHeaders)
      throws IOException {
    HttpUriRequestBase httpRequest = new HttpUriRequestBase(request.method(), base);
    // the path is already percent-encoded and checked by PreparedRequest: no URI to parse per call
    httpRequest.setPath(basePath + request.pathAndQuery());
    if (config != null) {
      httpRequest.setConfig(config);
    }
    for (Header header : request.headers()) {
      httpRequest.addHeader(header);
    }
    for (Header header : extraHeaders) {
      httpRequest.addHeader(header);
    }
    if (request.body() != null) {
      httpRequest.setEntity(new ByteArrayEntity(request.body(), request.contentType()));
    }
    AttemptTimer.Disarm disarm = timer.arm(httpRequest);
    try {
      return client.execute(
          httpRequest,
          response -> {
            try {
              return new RawResponse(response.getCode(), response.getHeaders(), read(response.getCode(), response.getEntity()));
            } catch (ResponseTooLargeException tooLarge) {
              // drop the connection: closing the response would otherwise read the rest of the body
              httpRequest.cancel();
              throw tooLarge;
            }
          });
    } finally {
      disarm.disarm();
    }
  }

  /**
   * The whole body, at most {@link #MAX_BODY_BYTES}; with a Content-Length, read into one array of
   * that size (no scratch buffer, no copy).
   */
  private static byte[] read(int status, HttpEntity entity) throws IOException {
    if (entity == null) {
      return null;
    }
    long length = entity.getContentLength();
    if (length > MAX_BODY_BYTES) {
      throw new ResponseTooLargeException(status, length + " bytes");
    }
    try (InputStream content = entity.getContent()) {
      if (content == null) {
        return null;
      }
      if (length >= 0) {
        return content.readNBytes((int) length);
      }
      byte[] body = content.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new ResponseTooLargeException(status, "larger than that (no Content-Length)");
      }
      return body;
    }
  }
}
