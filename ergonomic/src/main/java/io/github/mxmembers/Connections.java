package io.github.mxmembers;

import java.io.IOException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** The HttpClient a client sends with, and whether closing the client closes it (only if the SDK built it). */
final class Connections implements AutoCloseable {
  private final CloseableHttpClient client;
  private final boolean owned;

  private Connections(CloseableHttpClient client, boolean owned) {
    this.client = client;
    this.owned = owned;
  }

  /** The caller's client if the builder has one, else a new pooled one the SDK owns. */
  static Connections from(MxClientBuilder<?> builder) {
    CloseableHttpClient supplied = builder.userHttpClient();
    return supplied != null ? new Connections(supplied, false) : new Connections(builder.newHttpClient(), true);
  }

  CloseableHttpClient client() {
    return client;
  }

  @Override
  public void close() {
    if (owned) {
      try {
        client.close();
      } catch (IOException ignored) {
        // nothing useful to do: the pool is being discarded
      }
    }
  }
}
