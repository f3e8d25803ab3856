package io.github.mxmembers.internal.client;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxClientBuilder;
import io.github.mxmembers.MxEnvironment;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.http.Endpoints;
import io.github.mxmembers.internal.transport.AsyncHttpTransport;
import io.github.mxmembers.retry.RetryPolicy;
import io.github.mxmembers.retry.Scheduler;
import io.github.mxmembers.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;

/**
 * The one implementation of every builder setting the public builder interfaces declare: each checks
 * its argument, names it when it refuses one, and stores it in the builder's {@link ClientSettings}.
 * An API's builders ({@code PlatformClients}, {@code NexusClients}) add its own settings once for both
 * flavours; each flavour's public interface shows only its own ({@code httpClient} and {@code sleeper}
 * on the sync builders, {@code scheduler} and {@code ioThreads} on the async ones).
 *
 * @param <B> the public builder interface the subclass implements
 * @param <C> the public client interface it builds
 */
@InternalApi
public abstract class DefaultClientBuilder<B, C> {
  private final ClientSettings settings;
  private final Class<B> type;
  private final Function<ClientSettings, B> newBuilder;
  private final Function<ClientSettings, C> newClient;

  /**
   * @param settings the settings so far: a new API's and flavour's, or a copy
   * @param type the public builder interface this builder is, for {@link #toString()}
   * @param newBuilder a builder of the same API and flavour over other settings, for {@link #copy()}
   * @param newClient the client these settings build
   */
  protected DefaultClientBuilder(
      ClientSettings settings, Class<B> type, Function<ClientSettings, B> newBuilder, Function<ClientSettings, C> newClient) {
    this.settings = settings;
    this.type = type;
    this.newBuilder = newBuilder;
    this.newClient = newClient;
  }

  /** {@return this builder, as its public interface} */
  @SuppressWarnings("unchecked")
  protected final B self() {
    return (B) this;
  }

  /** {@return the settings as set so far: the builder's own, not a copy} */
  public final ClientSettings settings() {
    return settings;
  }

  public final B copy() {
    return newBuilder.apply(settings.copy());
  }

  /**
   * Builds the client from a copy of the settings, so that this builder changes nothing of it later.
   *
   * @throws IllegalStateException naming what the settings lack, before anything is built
   */
  public final C build() {
    return newClient.apply(settings);
  }

  public final B environment(MxEnvironment environment) {
    settings.environment = Objects.requireNonNull(environment, "environment == null");
    return self();
  }

  public final B baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    settings.baseUrl = Endpoints.checkBaseUrl(baseUrl, "baseUrl");
    return self();
  }

  public final B appId(String appId) {
    Objects.requireNonNull(appId, "appId == null");
    if (appId.isEmpty() || appId.length() > MxClientBuilder.MAX_APP_ID_LENGTH) {
      throw new IllegalArgumentException(
          "appId must be 1 to " + MxClientBuilder.MAX_APP_ID_LENGTH + " characters: " + appId.length());
    }
    for (int i = 0; i < appId.length(); i++) {
      char c = appId.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '(' || c == ')' || c == '"' || c == '\\') {
        throw new IllegalArgumentException(
            "appId must be visible ASCII without spaces or ( ) \" \\ (U+" + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
    settings.appId = appId;
    return self();
  }

  public final B connectTimeout(Duration connectTimeout) {
    settings.connectTimeout = atLeastOneMilli(connectTimeout, "connectTimeout");
    return self();
  }

  public final B responseTimeout(Duration responseTimeout) {
    settings.responseTimeout = atLeastOneMilli(responseTimeout, "responseTimeout");
    return self();
  }

  public final B callTimeout(Duration callTimeout) {
    settings.callTimeout = atLeastOneMilli(callTimeout, "callTimeout");
    return self();
  }

  public final B proxy(HttpHost proxy) {
    settings.proxy = Objects.requireNonNull(proxy, "proxy == null");
    return self();
  }

  public final B maxConnections(int maxConnections) {
    if (maxConnections < 1 || maxConnections > ClientSettings.MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "maxConnections must be from 1 to " + ClientSettings.MAX_CONNECTIONS + ": " + maxConnections);
    }
    settings.maxConnections = maxConnections;
    return self();
  }

  public final B retryPolicy(RetryPolicy retryPolicy) {
    settings.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    return self();
  }

  public final B clock(Clock clock) {
    settings.clock = Objects.requireNonNull(clock, "clock == null");
    return self();
  }

  public final B callListener(CallListener callListener) {
    settings.callListener = Objects.requireNonNull(callListener, "callListener == null");
    return self();
  }

  // ---- the sync builders' own

  public final B httpClient(CloseableHttpClient httpClient) {
    settings.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
    return self();
  }

  public final B sleeper(Sleeper sleeper) {
    settings.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return self();
  }

  // ---- the async builders' own

  public final B scheduler(Scheduler scheduler) {
    settings.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
    return self();
  }

  public final B ioThreads(int ioThreads) {
    if (ioThreads < 1 || ioThreads > 64) {
      throw new IllegalArgumentException("ioThreads must be from 1 to 64: " + ioThreads);
    }
    settings.ioThreads = ioThreads;
    return self();
  }

  /** Tests only: the observer of the point where each attempt is handed its connection. */
  public final B writeObserver(AsyncHttpTransport.WriteObserver writeObserver) {
    settings.writeObserver = writeObserver;
    return self();
  }

  /** Settings only: never an API key. */
  @Override
  public String toString() {
    return type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName() + "{" + settings + "}";
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
