package io.github.mxmembers.internal.client;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxApi;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.http.HttpClientFactory;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Interceptor;
import io.github.mxmembers.internal.pipeline.Pipeline;
import io.github.mxmembers.internal.pipeline.RetryInterceptor;
import io.github.mxmembers.internal.pipeline.Transport;
import io.github.mxmembers.internal.pipeline.TransportInterceptor;
import io.github.mxmembers.internal.pipeline.Waiter;
import io.github.mxmembers.internal.pipeline.Watchdog;
import io.github.mxmembers.internal.transport.AsyncHttpTransport;
import io.github.mxmembers.internal.transport.HttpTransport;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.retry.Scheduler;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;

/**
 * What one client owns and shares among its calls: the HttpClient (closed with the client only if the
 * SDK built it), the timer thread, the retry step, how calls wait, and the settings each call starts
 * from. A sync client's runtime sends on the calling thread and sleeps there between attempts; an
 * async client's sends over HttpClient's async client and waits on the timer. Everything else, the
 * whole pipeline, is the same.
 */
@InternalApi
public final class ClientRuntime implements AutoCloseable {
  private final Function<String, Transport> transports;
  private final Closeable ownedClient;
  private final Watchdog watchdog = new Watchdog();
  private final Waiter waiter;
  private final RetryInterceptor retries;
  private final int maxAttempts;
  private final RequestConfig config;
  private final Duration responseTimeout;
  private final Duration callTimeout;
  private final Clock clock;
  private final CallListener listener;
  private final Header userAgent;

  private ClientRuntime(
      ClientSettings settings,
      Function<String, Transport> transports,
      Closeable ownedClient,
      Function<Watchdog, Waiter> waiter) {
    this.transports = transports;
    this.ownedClient = ownedClient;
    this.waiter = waiter.apply(watchdog);
    this.retries = new RetryInterceptor(settings.retryPolicy);
    this.maxAttempts = settings.retryPolicy.maxAttempts();
    this.config = HttpClientFactory.requestConfig(settings.connectTimeout, settings.responseTimeout);
    this.responseTimeout = settings.responseTimeout;
    this.callTimeout = settings.callTimeout;
    this.clock = settings.clock;
    this.userAgent = new BasicHeader("User-Agent", settings.userAgent());
    // no listener: no event is built at all
    this.listener = settings.callListener == CallListener.NONE ? null : settings.callListener;
  }

  /**
   * The runtime of a client built from these settings: sync or async, as they say.
   *
   * @throws IllegalStateException if a proxy is set together with the caller's own client
   */
  static ClientRuntime of(ClientSettings settings) {
    return settings.async ? async(settings) : blocking(settings);
  }

  /**
   * A sync client's runtime: the classic client (the caller's, or one the SDK builds and owns),
   * waits slept on the calling thread with the settings' sleeper.
   */
  private static ClientRuntime blocking(ClientSettings settings) {
    CloseableHttpClient userClient = settings.httpClient;
    if (userClient != null && settings.proxy != null) {
      throw new IllegalStateException("proxy cannot be combined with httpClient: set it on your client");
    }
    CloseableHttpClient client =
        userClient != null
            ? userClient
            : HttpClientFactory.create(settings.connectTimeout, settings.responseTimeout, settings.maxConnections, settings.proxy);
    return new ClientRuntime(
        settings,
        baseUrl -> Transport.blocking(new HttpTransport(client, baseUrl)),
        userClient != null ? null : client,
        watchdog -> Waiter.blocking(settings.sleeper, watchdog));
  }

  /**
   * An async client's runtime: an async client the SDK builds and owns, on the settings' I/O threads;
   * waits on the settings' scheduler, or on the timer thread when there is none; the write observer,
   * for tests, hears each attempt handed its connection.
   */
  private static ClientRuntime async(ClientSettings settings) {
    IoThreads threads = new IoThreads();
    CloseableHttpAsyncClient client =
        HttpClientFactory.createAsync(
            settings.connectTimeout, settings.responseTimeout, settings.maxConnections, settings.proxy, settings.ioThreads, threads);
    Scheduler scheduler = settings.scheduler;
    AsyncHttpTransport.WriteObserver writes = settings.writeObserver;
    return new ClientRuntime(
        settings,
        baseUrl -> new AsyncHttpTransport(client, baseUrl, writes)::send,
        () -> {
          // graceful: an immediate close races the reactor's own loop (HttpCore logs the clash at
          // ERROR); the watchdog has already aborted every attempt, so there is little to wait for
          client.close(CloseMode.GRACEFUL);
          threads.join(Duration.ofSeconds(5));
        },
        watchdog -> Waiter.timed(scheduler, watchdog));
  }

  /** Makes the I/O reactor's threads, daemons named {@code mx-members-io-N}, and waits for them to end. */
  private static final class IoThreads implements ThreadFactory {
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "mx-members-io-" + (made.size() + 1));
      thread.setDaemon(true);
      made.add(thread);
      return thread;
    }

    /** Waits, at most {@code limit} in all, for every thread made to end: none outlives close(). */
    void join(Duration limit) {
      long deadline = System.nanoTime() + limit.toNanos();
      try {
        for (Thread thread : made) {
          long left = deadline - System.nanoTime();
          if (left > 0) {
            thread.join(Math.max(1, left / 1_000_000));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Auth (if any), retries, then the attempt on the wire to {@code baseUrl}. */
  public Pipeline pipeline(String baseUrl, Interceptor auth) {
    List<Interceptor> steps = new ArrayList<>(3);
    if (auth != null) {
      steps.add(auth);
    }
    steps.add(retries);
    steps.add(new TransportInterceptor(transports.apply(baseUrl), config, responseTimeout, watchdog, userAgent));
    return new Pipeline(steps);
  }

  /**
   * A new call for this request, starting its deadline and retry budget now: the call timeout, or the
   * nearer {@code limit} from now when one is given (a wait's status read).
   */
  Call call(MxApi api, PreparedRequest request, Duration limit) {
    boolean byWait = limit != null && limit.compareTo(callTimeout) < 0;
    Call call = new Call(api, request, clock, byWait ? limit : callTimeout, maxAttempts, listener, waiter);
    if (byWait) {
      call.limitedByWait(); // only a wait's status reads are given a limit
    }
    return call;
  }

  /** How this runtime waits: on the calling thread (sync) or by the timer (async). */
  public Waiter waiter() {
    return waiter;
  }

  /** {@return the call timeout: a wait's status read is bounded by it or by the wait's deadline, the nearer} */
  public Duration callTimeout() {
    return callTimeout;
  }

  public Clock clock() {
    return clock;
  }

  /** Ends every call still under way (each fails), then the timer thread and the client the SDK built. */
  @Override
  public void close() {
    watchdog.close();
    if (ownedClient != null) {
      try {
        ownedClient.close();
      } catch (IOException ignored) {
        // nothing useful to do: the pool is being discarded
      }
    }
  }
}
