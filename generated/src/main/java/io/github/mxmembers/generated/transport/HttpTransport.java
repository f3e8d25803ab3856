package io.github.mxmembers.generated.transport;

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
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Sends one attempt of a {@link PreparedRequest} over an Apache HttpClient 5 client and reads the
 * whole response. It never retries and never follows redirects on its own: the caller decides.
 * Thread-safe when the underlying client is.
 */
public final class HttpTransport {
  private static final long MAX_SIZED_READ = 16 * 1024 * 1024;

  private final CloseableHttpClient client;
  private final String baseUrl;

  /**
   * @param client the client to send with; its lifecycle stays with the caller
   * @param baseUrl scheme, host, port and optional base path, without a trailing slash
   */
  public HttpTransport(CloseableHttpClient client, String baseUrl) {
    this.client = Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Sends the request once.
   *
   * @param request the prepared request
   * @param config this attempt's request config (timeouts, redirects), or null for the client's own
   * @param extraHeaders headers for this attempt only (such as auth), sent after the request's own
   * @throws IOException when the exchange fails before a whole response was read
   */
  public RawResponse send(PreparedRequest request, RequestConfig config, Header... extraHeaders)
      throws IOException {
    HttpUriRequestBase httpRequest =
        new HttpUriRequestBase(request.method(), URI.create(baseUrl + request.pathAndQuery()));
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
    return client.execute(
        httpRequest,
        response -> new RawResponse(response.getCode(), response.getHeaders(), read(response.getEntity())));
  }

  /** The whole body; with a Content-Length, read into one array of that size (no scratch buffer, no copy). */
  private static byte[] read(HttpEntity entity) throws IOException {
    if (entity == null) {
      return null;
    }
    long length = entity.getContentLength();
    if (length < 0 || length > MAX_SIZED_READ) {
      return EntityUtils.toByteArray(entity);
    }
    try (InputStream content = entity.getContent()) {
      return content == null ? null : content.readNBytes((int) length);
    }
  }
}
