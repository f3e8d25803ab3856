package io.github.mxmembers.internal.transport;

import io.github.mxmembers.annotations.InternalApi;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
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
 *
 * <p>The client must have {@link #abortInterceptor()} installed ({@code
 * addExecInterceptorLast(ABORT_INTERCEPTOR, abortInterceptor())}): an aborted attempt then closes
 * its connection, wherever the exchange is.
 */
@InternalApi
public final class AsyncHttpTransport {
  /** The name {@link #abortInterceptor()} goes by in the client's exec chain. */
  public static final String ABORT_INTERCEPTOR = "mx-members-abort";

  /**
   * Hears the moment each attempt is handed its connection, the point after which its bytes go to
   * the wire; for tests that prove what a cancel guarantees. Called on an I/O thread; must be quick.
   */
  @FunctionalInterface
  public interface WriteObserver {
    /** The attempt has its connection and is written next. */
    void handedToConnection(PreparedRequest request);
  }

  private final CloseableHttpAsyncClient client;
  private final WriteObserver observer;
  private final HttpHost host;
  /** The base URL's own path, raw, without a trailing slash; the request's path follows it. */
  private final String basePath;

  /**
   * @param client a started client; its lifecycle stays with the caller
   * @param baseUrl scheme, host, port and optional base path, without a trailing slash
   */
  public AsyncHttpTransport(CloseableHttpAsyncClient client, String baseUrl) {
    this(client, baseUrl, null);
  }

  /**
   * @param client a started client; its lifecycle stays with the caller
   * @param baseUrl scheme, host, port and optional base path, without a trailing slash
   * @param observer hears each attempt handed its connection; null for none
   */
  public AsyncHttpTransport(CloseableHttpAsyncClient client, String baseUrl, WriteObserver observer) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.observer = observer;
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
    Abort abort = new Abort(request, observer);
    context.setAttribute(Abort.ATTRIBUTE, abort);
    CompletableFuture<RawResponse> result = new CompletableFuture<>();
    abort.result = result;
    // armed before anything can be sent: a cancel from now on reaches this attempt, and one that
    // comes before the attempt is handed its connection means it is never written
    AttemptTimer.Disarm disarm = timer.arm(abort);
    result.whenComplete((response, failure) -> disarm.disarm());
    if (abort.isAborted()) {
      abort.failResult();
      return result;
    }
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
                abort.failResult();
              }
            });
    abort.started(exchange);
    return result;
  }

  /**
   * The exec-chain step, just before HttpClient writes the request, that hands each attempt the
   * connection it was given, so that aborting the attempt can close it; an attempt aborted before
   * that point is never written.
   */
  public static AsyncExecChainHandler abortInterceptor() {
    return (request, entityProducer, scope, chain, callback) -> {
      Object abort = scope.clientContext.getAttribute(Abort.ATTRIBUTE);
      if (abort instanceof Abort && !((Abort) abort).onConnection(scope.execRuntime)) {
        callback.failed(new java.io.InterruptedIOException("the attempt was aborted"));
        return;
      }
      chain.proceed(request, entityProducer, scope, callback);
    };
  }

  /**
   * Aborts one attempt: completes HttpClient's future, and closes the connection the exchange holds
   * rather than letting it wait for the answer or return to the pool half-read. Cancelling the future
   * alone is not enough: HttpClient 5.6 can lose track of the exchange on a pooled connection (its
   * lease step replaces the exchange as what the future cancels), leaving the connection busy until
   * the server answers.
   */
  private static final class Abort implements Cancellable {
    static final String ATTRIBUTE = Abort.class.getName();
    private static final Object ABORTED = new Object();

    /** null until the attempt has a connection, then its runtime; {@link #ABORTED} once aborted. */
    private final AtomicReference<Object> state = new AtomicReference<>();
    /** HttpClient's future for the exchange; null until {@code execute} has returned it. */
    private volatile Future<RawResponse> exchange;
    /** What the attempt completes; set before the attempt can be aborted. */
    volatile CompletableFuture<RawResponse> result;
    private final PreparedRequest request;
    private final WriteObserver observer;

    Abort(PreparedRequest request, WriteObserver observer) {
      this.request = request;
      this.observer = observer;
    }

    /** The attempt got its connection; false if it was aborted already, and must not be written. */
    boolean onConnection(AsyncExecRuntime runtime) {
      if (!state.compareAndSet(null, runtime)) {
        return false;
      }
      if (observer != null) {
        observer.handedToConnection(request);
      }
      return true;
    }

    boolean isAborted() {
      return state.get() == ABORTED;
    }

    /** HttpClient has the exchange: cancelled at once if the attempt was aborted while it was being handed over. */
    void started(Future<RawResponse> exchange) {
      this.exchange = exchange;
      if (isAborted()) {
        exchange.cancel(true);
      }
    }

    void failResult() {
      result.completeExceptionally(new java.io.InterruptedIOException("the attempt was aborted"));
    }

    @Override
    public boolean cancel() {
      Object was = state.getAndSet(ABORTED);
      if (was == ABORTED) {
        return false;
      }
      // first the future, so the attempt ends as aborted rather than as a closed connection; before
      // execute has returned there is none yet, and started() cancels it
      Future<RawResponse> handed = exchange;
      if (handed != null) {
        handed.cancel(true);
      }
      if (was instanceof AsyncExecRuntime) {
        ((AsyncExecRuntime) was).discardEndpoint();
      }
      if (handed == null && was == null) {
        // aborted before HttpClient had the exchange: nothing of HttpClient's will end the attempt
        failResult();
      }
      return true;
    }
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
