package io.github.mxmembers;

import io.github.mxmembers.retry.Sleeper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * What the sync clients' builders add to {@link MxClientBuilder}: your own classic HttpClient, if
 * you have one, and how the client waits on the calling thread, between attempts and between the
 * status reads of a wait.
 *
 * @param <B> the concrete builder
 */
public interface MxSyncClientBuilder<B extends MxSyncClientBuilder<B>> extends MxClientBuilder<B> {
  /**
   * Sends over this client instead of one the SDK builds and pools. Its lifecycle stays yours; every
   * request is still sent with redirects off and the timeouts above.
   *
   * @param httpClient your client; {@link #proxy} and {@link #maxConnections} are then yours to set on it
   * @return this builder
   */
  B httpClient(CloseableHttpClient httpClient);

  /**
   * How the client waits on the calling thread, between attempts and between a wait's status reads;
   * {@link Sleeper#SYSTEM} by default.
   *
   * @param sleeper the sleeper; tests pass one that does not sleep
   * @return this builder
   */
  B sleeper(Sleeper sleeper);
}
