package io.github.mxmembers;

import io.github.mxmembers.internal.http.Endpoints;
import io.github.mxmembers.internal.http.HttpClientFactory;
import io.github.mxmembers.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;

/**
 * What every client's builder shares, sync and async, Platform and Nexus: where to send, timeouts,
 * the connection pool, retries, the clock and the call listener.
 *
 * <p>Defaults: connect timeout 10 s, response timeout 30 s, call timeout 60 s (one deadline for
 * everything a call does: on Nexus the API-token fetch, opening the session, the update, a renewal
 * after 4011 and the repeated update, with every attempt and wait), 20 connections, {@link
 * RetryPolicy#defaults()}. Timeouts are from one millisecond to a day. {@link MxSyncClientBuilder}
 * adds what only the sync clients have (your own classic HttpClient, the sleeper), {@link
 * MxAsyncClientBuilder} what only the async ones have (the scheduler, the I/O threads).
 *
 * @param <B> the concrete builder
 */
public abstract class MxClientBuilder<B extends MxClientBuilder<B>> implements Cloneable {
  /** The API's own settings (credentials, session source): copied with the builder, never printed. */
  private ApiSettings api;
  private MxEnvironment environment;
  private String baseUrl;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration responseTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ofSeconds(60);
  private HttpHost proxy;
  private int maxConnections = 20;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private Clock clock = Clock.systemUTC();
  private CallListener callListener = CallListener.NONE;
  private String appId;

  /** The longest {@link #appId} taken, as AWS SDK v2 bounds its own. */
  public static final int MAX_APP_ID_LENGTH = 50;

  MxClientBuilder(ApiSettings api) {
    this.api = api;
  }

  @SuppressWarnings("unchecked")
  B self() {
    return (B) this;
  }

  /**
   * A builder with every setting of this one, independent of it from now on, as OkHttp's {@code
   * newBuilder()} copies: changing either changes nothing of the other. What the SDK builds for you
   * (a bulk run's client, say) is built from a copy, so your builder is never written to.
   */
  @SuppressWarnings("unchecked")
  B copy() {
    try {
      MxClientBuilder<B> copy = (MxClientBuilder<B>) super.clone();
      copy.api = api.copy();
      return (B) copy;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /** The runtime of a client built now, sync or async. */
  abstract ClientRuntime runtime();

  /** This builder's Platform settings; a Platform builder's only. */
  PlatformAuth platformAuth() {
    return (PlatformAuth) api;
  }

  /** This builder's Nexus settings; a Nexus builder's only. */
  NexusAuth nexusAuth() {
    return (NexusAuth) api;
  }

  /**
   * Sends to MX's integration or production servers, as the API's spec lists them.
   *
   * @param environment which of MX's environments
   * @return this builder
   */
  public B environment(MxEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment == null");
    return self();
  }

  /**
   * Sends to an explicit base URL instead of an environment, such as a sandbox's.
   *
   * @param baseUrl scheme, host, optional port (1-65535) and optional path; https, except to a
   *     loopback address
   * @return this builder
   * @throws IllegalArgumentException if not an absolute http(s) URL as above
   */
  public B baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.baseUrl = Endpoints.checkBaseUrl(baseUrl, "baseUrl");
    return self();
  }

  /**
   * Names your application in the {@code User-Agent} of every request, as {@code app/<appId>} after
   * the SDK's own product tokens, as AWS SDK v2's {@code appId} and stripe-java's {@code setAppInfo}
   * do: MX's support can then tell your integration's requests from others'. None by default.
   *
   * @param appId 1 to {@value #MAX_APP_ID_LENGTH} characters of visible ASCII: no spaces, no control
   *     characters (a CR or LF would end the header), none of {@code ( ) " \}
   * @return this builder
   * @throws IllegalArgumentException if it is empty, longer, or holds any other character
   */
  public B appId(String appId) {
    Objects.requireNonNull(appId, "appId == null");
    if (appId.isEmpty() || appId.length() > MAX_APP_ID_LENGTH) {
      throw new IllegalArgumentException("appId must be 1 to " + MAX_APP_ID_LENGTH + " characters: " + appId.length());
    }
    for (int i = 0; i < appId.length(); i++) {
      char c = appId.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '(' || c == ')' || c == '"' || c == '\\') {
        throw new IllegalArgumentException(
            "appId must be visible ASCII without spaces or ( ) \" \\ (U+" + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
    this.appId = appId;
    return self();
  }

  /** {@return the {@code User-Agent} requests carry: the SDK's, then the application's when named} */
  String userAgent() {
    return appId == null ? VersionInfo.USER_AGENT : VersionInfo.USER_AGENT + " app/" + appId;
  }

  /**
   * How long to wait for a connection to be made (and for a free pooled one); 10 s by default.
   *
   * @param connectTimeout from one millisecond to a day
   * @return this builder
   * @throws IllegalArgumentException if under one millisecond or over a day
   */
  public B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = atLeastOneMilli(connectTimeout, "connectTimeout");
    return self();
  }

  /**
   * How long to wait for the response to one attempt (between two reads of it); cut to what is left
   * of the call timeout. 30 s by default.
   *
   * @param responseTimeout from one millisecond to a day
   * @return this builder
   * @throws IllegalArgumentException if under one millisecond or over a day
   */
  public B responseTimeout(Duration responseTimeout) {
    this.responseTimeout = atLeastOneMilli(responseTimeout, "responseTimeout");
    return self();
  }

  /**
   * The deadline for a whole call, every step, attempt and wait included; 60 s by default. The call
   * returns or throws by then, whatever the server does: an attempt still running at the deadline is
   * aborted.
   *
   * @param callTimeout from one millisecond to a day
   * @return this builder
   * @throws IllegalArgumentException if under one millisecond or over a day
   */
  public B callTimeout(Duration callTimeout) {
    this.callTimeout = atLeastOneMilli(callTimeout, "callTimeout");
    return self();
  }

  /**
   * Sends through an HTTP proxy.
   *
   * @param proxy the proxy's host and port
   * @return this builder
   */
  public B proxy(HttpHost proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy == null");
    return self();
  }

  /**
   * The size of the connection pool the SDK builds, and so the most requests a client has on the
   * wire at once; 20 by default.
   *
   * @param maxConnections at least 1
   * @return this builder
   * @throws IllegalArgumentException if under 1
   */
  public B maxConnections(int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
    }
    this.maxConnections = maxConnections;
    return self();
  }

  /**
   * Which failures are retried and how; {@link RetryPolicy#defaults()} by default.
   *
   * @param retryPolicy the policy; {@link RetryPolicy#none()} turns retries off
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    return self();
  }

  /**
   * The clock deadlines and sessions are measured with; the system clock by default.
   *
   * @param clock the clock; tests pass a controllable one
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return self();
  }

  /**
   * Hears each call, attempt, retry and session, for metrics and tracing; {@link CallListener#NONE}
   * by default.
   *
   * @param callListener the listener; it must be quick and thread-safe
   * @return this builder
   */
  public B callListener(CallListener callListener) {
    this.callListener = Objects.requireNonNull(callListener, "callListener == null");
    return self();
  }

  MxEnvironment environment() {
    return environment;
  }

  /** The explicit base URL, or the environment's entry in the spec's servers. */
  String resolveBaseUrl(List<String> servers) {
    if (baseUrl != null) {
      return baseUrl;
    }
    if (environment == null) {
      throw new IllegalStateException(
          "environment is required: call environment(MxEnvironment.INTEGRATION or PRODUCTION)"
              + " or baseUrl(...)");
    }
    return environment.pick(servers);
  }

  HttpHost proxy() {
    return proxy;
  }

  int maxConnections() {
    return maxConnections;
  }

  CloseableHttpClient newHttpClient() {
    return HttpClientFactory.create(connectTimeout, responseTimeout, maxConnections, proxy);
  }

  CloseableHttpAsyncClient newAsyncHttpClient(int ioThreads, ThreadFactory threads) {
    return HttpClientFactory.createAsync(connectTimeout, responseTimeout, maxConnections, proxy, ioThreads, threads);
  }

  RequestConfig requestConfig() {
    return HttpClientFactory.requestConfig(connectTimeout, responseTimeout);
  }

  Duration responseTimeout() {
    return responseTimeout;
  }

  Duration callTimeout() {
    return callTimeout;
  }

  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  Clock clock() {
    return clock;
  }

  CallListener callListener() {
    return callListener;
  }

  /** Settings only: never an API key. */
  @Override
  public String toString() {
    return getClass().getEnclosingClass().getSimpleName() + ".Builder{" + api + "}";
  }

  /**
   * HttpClient reads a timeout under one millisecond as none at all: refuse it rather than wait
   * forever. A day is far beyond any call to MX, and keeps deadline arithmetic clear of overflow.
   */
  private static Duration atLeastOneMilli(Duration value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(name + " must be from 1 ms to 1 day: " + value);
    }
    return value;
  }
}
