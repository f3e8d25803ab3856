package io.github.mxmembers.internal.http;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.AsyncHttpTransport;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one pooled HttpClient a client owns: classic for the sync clients, async for the async
 * ones, set up alike. HttpClient's own retries and redirect following are off: retries are decided
 * in one place (the pipeline's {@code RetryInterceptor}), and credentials never follow a redirect.
 */
@InternalApi
public final class HttpClientFactory {
  private HttpClientFactory() {}

  public static CloseableHttpClient create(
      Duration connectTimeout, Duration responseTimeout, int maxConnections, HttpHost proxy) {
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(responseTimeout))
                    .build())
            .build();
    return HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(requestConfig(connectTimeout, responseTimeout))
        .setProxy(proxy)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }

  /**
   * An async client, started, whose I/O reactor runs on {@code ioThreads} dispatcher threads plus
   * the one HttpClient starts them from, all made by {@code threads}: the only threads it has.
   * HTTP/1.1 only, as the classic client speaks, so that {@code maxConnections} bounds the requests
   * in flight the same way. An aborted attempt closes its connection ({@link
   * AsyncHttpTransport#abortInterceptor()}).
   */
  public static CloseableHttpAsyncClient createAsync(
      Duration connectTimeout,
      Duration responseTimeout,
      int maxConnections,
      HttpHost proxy,
      int ioThreads,
      ThreadFactory threads) {
    PoolingAsyncClientConnectionManager connections =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(responseTimeout))
                    .build())
            .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
            .build();
    CloseableHttpAsyncClient client =
        HttpAsyncClients.custom()
            .setConnectionManager(connections)
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(ioThreads).build())
            .setThreadFactory(threads)
            .setDefaultRequestConfig(requestConfig(connectTimeout, responseTimeout))
            .setProxy(proxy)
            .addExecInterceptorLast(AsyncHttpTransport.ABORT_INTERCEPTOR, AsyncHttpTransport.abortInterceptor())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    client.start();
    return client;
  }

  /**
   * The config every attempt is sent with, also over a caller's own client: no redirects, and the
   * response timeout.
   */
  public static RequestConfig requestConfig(Duration connectTimeout, Duration responseTimeout) {
    return RequestConfig.custom()
        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
        .setResponseTimeout(Timeout.of(responseTimeout))
        .setRedirectsEnabled(false)
        .build();
  }
}
