package io.github.mxmembers;

import io.github.mxmembers.retry.Sleeper;
import java.util.Objects;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * What the sync clients' builders add to {@link MxClientBuilder}: your own classic HttpClient, if
 * you have one, and how the client waits between attempts on the calling thread.
 *
 * @param <B> the concrete builder
 */
public abstract class MxSyncClientBuilder<B extends MxSyncClientBuilder<B>> extends MxClientBuilder<B> {
  private CloseableHttpClient httpClient;
  private Sleeper sleeper = Sleeper.SYSTEM;

  MxSyncClientBuilder(ApiSettings api) {
    super(api);
  }

  /**
   * Sends over this client instead of one the SDK builds and pools. Its lifecycle stays yours; every
   * request is still sent with redirects off and the timeouts above.
   *
   * @param httpClient your client; {@link #proxy} and {@link #maxConnections} are then yours to set on it
   * @return this builder
   */
  public B httpClient(CloseableHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
    return self();
  }

  /**
   * How the client waits between attempts; {@link Sleeper#SYSTEM} by default.
   *
   * @param sleeper the sleeper; tests pass one that does not sleep
   * @return this builder
   */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return self();
  }

  /** The runtime of a client built now: on the calling thread, over the classic client. */
  @Override
  ClientRuntime runtime() {
    return ClientRuntime.blocking(this, httpClient, sleeper);
  }
}
