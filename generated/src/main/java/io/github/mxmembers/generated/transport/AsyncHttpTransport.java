package io.github.mxmembers.generated.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Sends one attempt of a {@link PreparedRequest} over an Apache HttpClient 5 async client, holding no
 * thread while the server answers, and reads the whole response (at most {@link
 * HttpTransport#MAX_BODY_BYTES}). The non-blocking twin of {@link HttpTransport}: same request
 * bytes, same response, same limit. It never retries and never follows redirects on its own.
 * Thread-safe.
 */
public final class AsyncHttpTransport {
  private final CloseableHttpAsyncClient client;
  private final HttpHost host;
  /** The base URL's own path, raw, without a trailing slash; the request's path follows it. */
  private final String basePath;

  /**
   * @param client a started client; its lifecycle stays with the caller
   * @param baseUrl scheme, host, port and optional base path, without a trailing slash
   */
  public AsyncHttpTransport(CloseableHttpAsyncClient client, String baseUrl) {
    this.client = Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    URI base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    this.host = HttpHost.create(base);
    this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
  }

  /**
   * Starts sending the request once.
   *
   * @param request the prepared request
   * @param config this attempt's request config (timeouts, redirects), or null for the client's own
   * @param timer aborts the attempt when its time is up
   * @param extraHeaders headers for this attempt only (such as auth), sent after the request's own
   * @return completes with the response, or fails with an {@link IOException}: {@link
   *     ResponseTooLargeException} for a body over the limit, and an {@link
   *     java.io.InterruptedIOException} when the attempt was aborted
   */
  public CompletableFuture<RawResponse> send(
      PreparedRequest request, RequestConfig config, AttemptTimer timer, Header... extraHeaders) {
    // the path is already percent-encoded and checked by PreparedRequest
    BasicHttpRequest httpRequest = new BasicHttpRequest(request.method(), host, basePath + request.pathAndQuery());
    for (Header header : request.headers()) {
      httpRequest.addHeader(header);
    }
    for (Header header : extraHeaders) {
      httpRequest.addHeader(header);
    }
    BasicAsyncEntityProducer entity =
        request.body() == null ? null : new BasicAsyncEntityProducer(request.body(), request.contentType());
    HttpClientContext context = HttpClientContext.create();
    if (config != null) {
      context.setRequestConfig(config);
    }
    CompletableFuture<RawResponse> result = new CompletableFuture<>();
    Future<RawResponse> exchange =
        client.execute(
            new BasicRequestProducer(httpRequest, entity),
            new CappedResponseConsumer(),
            context,
            new FutureCallback<RawResponse>() {
              @Override
              public void completed(RawResponse response) {
                result.complete(response);
              }

              @Override
              public void failed(Exception failure) {
                result.completeExceptionally(asIOException(failure));
              }

              @Override
              public void cancelled() {
                result.completeExceptionally(new java.io.InterruptedIOException("the attempt was aborted"));
              }
            });
    // cancelling the exchange closes its connection rather than returning it to the pool half-read
    AttemptTimer.Disarm disarm = timer.arm(() -> exchange.cancel(true));
    result.whenComplete((response, failure) -> disarm.disarm());
    return result;
  }

  /** What the classic client throws for the same failure: an IOException, HttpExceptions wrapped as it wraps them. */
  private static IOException asIOException(Exception failure) {
    if (failure instanceof IOException) {
      return (IOException) failure;
    }
    if (failure instanceof HttpException) {
      return new ClientProtocolException(failure.getMessage(), failure);
    }
    return new IOException(failure.getClass().getSimpleName(), failure);
  }

  /** Collects status, headers and body, refusing a body over {@link HttpTransport#MAX_BODY_BYTES}. */
  private static final class CappedResponseConsumer implements AsyncResponseConsumer<RawResponse> {
    private int status;
    private Header[] headers;
    private FutureCallback<RawResponse> callback;
    private byte[] body;
    private int size;

    @Override
    public void consumeResponse(
        HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<RawResponse> callback)
        throws IOException {
      this.status = response.getCode();
      this.headers = response.getHeaders();
      this.callback = callback;
      if (entity == null) {
        callback.completed(new RawResponse(status, headers, null));
        return;
      }
      long length = entity.getContentLength();
      if (length > HttpTransport.MAX_BODY_BYTES) {
        throw new ResponseTooLargeException(status, length + " bytes");
      }
      // with a Content-Length, one array of that size; without, one that grows
      body = new byte[length >= 0 ? (int) length : 1024];
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
      // 1xx: nothing to keep
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
      channel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
      int n = src.remaining();
      if (n > HttpTransport.MAX_BODY_BYTES - size) {
        throw new ResponseTooLargeException(status, "larger than that");
      }
      if (size + n > body.length) {
        body = Arrays.copyOf(body, Math.min(HttpTransport.MAX_BODY_BYTES, Math.max(size + n, body.length * 2)));
      }
      src.get(body, size, n);
      size += n;
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
      byte[] whole = size == body.length ? body : Arrays.copyOf(body, size);
      body = null;
      callback.completed(new RawResponse(status, headers, whole));
    }

    @Override
    public void failed(Exception cause) {
      body = null;
    }

    @Override
    public void releaseResources() {
      body = null;
    }
  }
}
