package io.github.mxmembers.internal.http;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one pooled HttpClient a client owns. HttpClient's own retries and redirect following
 * are off: retries are decided in one place (the pipeline's {@code RetryInterceptor}), and credentials never follow a redirect.
 */
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
