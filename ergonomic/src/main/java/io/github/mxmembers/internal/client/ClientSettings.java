package io.github.mxmembers.internal.client;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxEnvironment;
import io.github.mxmembers.VersionInfo;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.AsyncHttpTransport;
import io.github.mxmembers.retry.RetryPolicy;
import io.github.mxmembers.retry.Scheduler;
import io.github.mxmembers.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;

/**
 * Every setting of a client's builder, as {@link DefaultClientBuilder} checked and stored it: what a
 * client is built from. Copied whole ({@link #copy()}) for each client and for each bulk run, so that
 * the builder a caller keeps changing changes nothing already built.
 */
@InternalApi
public final class ClientSettings implements Cloneable {
  /** The largest connection pool a client takes. */
  public static final int MAX_CONNECTIONS = 10_000;

  /** A handful is plenty for thousands of requests in flight; more cores than that buy nothing here. */
  static final int DEFAULT_IO_THREADS = Math.min(Runtime.getRuntime().availableProcessors(), 4);

  /** The API's own settings (credentials, session source): copied with these, never printed. */
  ApiSettings api;
  /** Whether the client is async: over HttpClient's async client, waiting on timers. */
  final boolean async;
  MxEnvironment environment;
  String baseUrl;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration responseTimeout = Duration.ofSeconds(30);
  Duration callTimeout = Duration.ofSeconds(60);
  HttpHost proxy;
  int maxConnections = 20;
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  Clock clock = Clock.systemUTC();
  CallListener callListener = CallListener.NONE;
  String appId;
  // sync only
  CloseableHttpClient httpClient;
  Sleeper sleeper = Sleeper.SYSTEM;
  // async only
  Scheduler scheduler;
  int ioThreads = DEFAULT_IO_THREADS;
  /** Tests only: hears each attempt handed its connection. */
  AsyncHttpTransport.WriteObserver writeObserver;

  private ClientSettings(ApiSettings api, boolean async) {
    this.api = api;
    this.async = async;
  }

  /** {@return the defaults, for a new client of the API these settings are, sync or async} */
  public static ClientSettings of(ApiSettings api, boolean async) {
    return new ClientSettings(api, async);
  }

  /** {@return a copy that changes independently of these settings} */
  public ClientSettings copy() {
    try {
      ClientSettings copy = (ClientSettings) super.clone();
      copy.api = api.copy();
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /** {@return the API's own settings} */
  public ApiSettings api() {
    return api;
  }

  /** {@return the size of the connection pool, the most requests on the wire at once} */
  public int maxConnections() {
    return maxConnections;
  }

  /** {@return the caller's listener, {@link CallListener#NONE} when none was set} */
  public CallListener callListener() {
    return callListener;
  }

  /** Sets the listener: a bulk run's pacing, in front of the caller's. */
  public void callListener(CallListener listener) {
    this.callListener = listener;
  }

  /** {@return the {@code User-Agent} requests carry: the SDK's, then the application's when named} */
  public String userAgent() {
    return appId == null ? VersionInfo.USER_AGENT : VersionInfo.USER_AGENT + " app/" + appId;
  }

  /**
   * The explicit base URL, or the environment's entry in the spec's servers (integration first).
   *
   * @throws IllegalStateException if neither is set
   */
  public String baseUrl(List<String> servers) {
    if (baseUrl != null) {
      return baseUrl;
    }
    if (environment == null) {
      throw new IllegalStateException(
          "environment is required: call environment(MxEnvironment.INTEGRATION or PRODUCTION) or baseUrl(...)");
    }
    return server(environment, servers);
  }

  /** The environment's entry in a spec's server list, which names integration first and production second. */
  public static String server(MxEnvironment environment, List<String> servers) {
    return servers.get(environment.ordinal());
  }

  /** Settings only: never an API key. */
  @Override
  public String toString() {
    return api.toString();
  }
}
