package io.github.mxmembers;

import io.github.mxmembers.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
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
 * <p>Every setter checks its argument at once and names it when it refuses one. {@link #copy()} gives
 * an independent builder, as OkHttp's {@code newBuilder()} does.
 *
 * @param <B> the concrete builder
 */
public interface MxClientBuilder<B extends MxClientBuilder<B>> {
  /** The longest {@link #appId} taken, as AWS SDK v2 bounds its own. */
  int MAX_APP_ID_LENGTH = 50;

  /**
   * Sends to MX's integration or production servers, as the API's spec lists them.
   *
   * @param environment which of MX's environments
   * @return this builder
   */
  B environment(MxEnvironment environment);

  /**
   * Sends to an explicit base URL instead of an environment, such as a sandbox's.
   *
   * @param baseUrl scheme, host, optional port (1-65535) and optional path; https, except to a
   *     loopback address
   * @return this builder
   * @throws IllegalArgumentException if not an absolute http(s) URL as above
   */
  B baseUrl(String baseUrl);

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
  B appId(String appId);

  /**
   * How long to wait for a connection to be made (and for a free pooled one); 10 s by default.
   *
   * @param connectTimeout from one millisecond to a day
   * @return this builder
   * @throws IllegalArgumentException if under one millisecond or over a day
   */
  B connectTimeout(Duration connectTimeout);

  /**
   * How long to wait for the response to one attempt (between two reads of it); cut to what is left
   * of the call timeout. 30 s by default.
   *
   * @param responseTimeout from one millisecond to a day
   * @return this builder
   * @throws IllegalArgumentException if under one millisecond or over a day
   */
  B responseTimeout(Duration responseTimeout);

  /**
   * The deadline for a whole call, every step, attempt and wait included; 60 s by default. The call
   * returns or throws by then, whatever the server does: an attempt still running at the deadline is
   * aborted. It bounds the connect too: a {@code connectTimeout} longer than it (10 s against a 1 s
   * call timeout, say) is accepted and cut by it, as the call's one deadline.
   *
   * @param callTimeout from one millisecond to a day
   * @return this builder
   * @throws IllegalArgumentException if under one millisecond or over a day
   */
  B callTimeout(Duration callTimeout);

  /**
   * Sends through an HTTP proxy.
   *
   * @param proxy the proxy's host and port
   * @return this builder
   */
  B proxy(HttpHost proxy);

  /**
   * The size of the connection pool the SDK builds, and so the most requests a client has on the
   * wire at once; 20 by default.
   *
   * @param maxConnections from 1 to 10,000:
   *     more connections than that to one API are a mistake, not a pool
   * @return this builder
   * @throws IllegalArgumentException naming {@code maxConnections} if out of range
   */
  B maxConnections(int maxConnections);

  /**
   * Which failures are retried and how; {@link RetryPolicy#defaults()} by default.
   *
   * @param retryPolicy the policy; {@link RetryPolicy#none()} turns retries off
   * @return this builder
   */
  B retryPolicy(RetryPolicy retryPolicy);

  /**
   * The clock deadlines and sessions are measured with; the system clock by default.
   *
   * @param clock the clock; tests pass a controllable one
   * @return this builder
   */
  B clock(Clock clock);

  /**
   * Hears each call, attempt, retry and session, for metrics and tracing; {@link CallListener#NONE}
   * by default.
   *
   * @param callListener the listener; it must be quick and thread-safe
   * @return this builder
   */
  B callListener(CallListener callListener);

  /**
   * A builder with every setting of this one, independent of it from now on, as OkHttp's {@code
   * newBuilder()} copies: changing either changes nothing of the other. What the SDK builds for you
   * (a bulk run's client, say) is built from a copy, so your builder is never written to.
   *
   * @return the copy
   */
  B copy();
}
