package io.github.mxmembers;

import io.github.mxmembers.generated.transport.HttpTransport;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.internal.SdkInfo;
import io.github.mxmembers.internal.http.HttpClientFactory;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Interceptor;
import io.github.mxmembers.internal.pipeline.Pipeline;
import io.github.mxmembers.internal.pipeline.RetryInterceptor;
import io.github.mxmembers.internal.pipeline.TransportInterceptor;
import io.github.mxmembers.internal.pipeline.Watchdog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * What one client owns and shares among its calls: the HttpClient (closed with the client only if the
 * SDK built it), the deadline watchdog, the retry step, and the settings each call starts from.
 */
final class ClientRuntime implements AutoCloseable {
  private static final Header USER_AGENT = new BasicHeader("User-Agent", SdkInfo.USER_AGENT);

  private final CloseableHttpClient client;
  private final boolean ownsClient;
  private final Watchdog watchdog = new Watchdog();
  private final RetryInterceptor retries;
  private final int maxAttempts;
  private final RequestConfig config;
  private final Duration responseTimeout;
  private final Duration callTimeout;
  private final Clock clock;
  private final CallListener listener;

  ClientRuntime(MxClientBuilder<?> builder) {
    CloseableHttpClient supplied = builder.userHttpClient();
    this.client = supplied != null ? supplied : builder.newHttpClient();
    this.ownsClient = supplied == null;
    this.retries = new RetryInterceptor(builder.retryPolicy(), builder.sleeper());
    this.maxAttempts = builder.retryPolicy().maxAttempts();
    this.config = builder.requestConfig();
    this.responseTimeout = builder.responseTimeout();
    this.callTimeout = builder.callTimeout();
    this.clock = builder.clock();
    // no listener: no event is built at all
    this.listener = builder.callListener() == CallListener.NONE ? null : builder.callListener();
  }

  /** Auth (if any), retries, then the attempt on the wire to {@code baseUrl}. */
  Pipeline pipeline(String baseUrl, Interceptor auth) {
    List<Interceptor> steps = new ArrayList<>(3);
    if (auth != null) {
      steps.add(auth);
    }
    steps.add(retries);
    steps.add(
        new TransportInterceptor(new HttpTransport(client, baseUrl), config, responseTimeout, watchdog, USER_AGENT));
    return new Pipeline(steps);
  }

  /** A new call for this request, starting its deadline and retry budget now. */
  Call call(MxApi api, PreparedRequest request) {
    return new Call(api, request, clock, callTimeout, maxAttempts, listener);
  }

  @Override
  public void close() {
    watchdog.close();
    if (ownsClient) {
      try {
        client.close();
      } catch (IOException ignored) {
        // nothing useful to do: the pool is being discarded
      }
    }
  }
}
