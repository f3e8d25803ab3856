package io.github.mxmembers.internal.platform;

import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.client.AsyncClient;
import io.github.mxmembers.internal.client.ClientSettings;
import io.github.mxmembers.internal.client.DefaultClientBuilder;
import io.github.mxmembers.internal.client.SyncClient;
import java.util.function.Function;

/**
 * What {@link MxPlatformClient} and {@link MxPlatformAsyncClient} are made of: a builder whose Platform
 * settings ({@link PlatformAuth}) are declared once for both flavours, and a client of each flavour
 * over the one core every client shares.
 */
@InternalApi
public final class PlatformClients {
  private PlatformClients() {}

  /** {@return a new sync builder} */
  public static MxPlatformClient.Builder syncBuilder() {
    return new SyncBuilder(ClientSettings.of(new PlatformAuth(), false));
  }

  /** {@return a new async builder} */
  public static MxPlatformAsyncClient.Builder asyncBuilder() {
    return new AsyncBuilder(ClientSettings.of(new PlatformAuth(), true));
  }

  /** The Platform settings, once for both flavours' builders. */
  private abstract static class Builder<B, C> extends DefaultClientBuilder<B, C> {
    Builder(ClientSettings settings, Class<B> type, Function<ClientSettings, B> newBuilder, Function<ClientSettings, C> newClient) {
      super(settings, type, newBuilder, newClient);
    }

    private PlatformAuth auth() {
      return (PlatformAuth) settings().api();
    }

    public final B credentialsFromEnvironment() {
      auth().credentialsFromEnvironment(System.getenv());
      return self();
    }

    public final B credentials(String clientId, String apiKey) {
      auth().credentials(clientId, apiKey);
      return self();
    }

    public final B apiVersion(PlatformApiVersion apiVersion) {
      auth().apiVersion(apiVersion);
      return self();
    }
  }

  private static final class SyncBuilder extends Builder<MxPlatformClient.Builder, MxPlatformClient> implements MxPlatformClient.Builder {
    SyncBuilder(ClientSettings settings) {
      super(settings, MxPlatformClient.Builder.class, SyncBuilder::new, Sync::new);
    }
  }

  private static final class AsyncBuilder extends Builder<MxPlatformAsyncClient.Builder, MxPlatformAsyncClient>
      implements MxPlatformAsyncClient.Builder {
    AsyncBuilder(ClientSettings settings) {
      super(settings, MxPlatformAsyncClient.Builder.class, AsyncBuilder::new, Async::new);
    }
  }

  // apiVersion() is the core's: ClientBase has it for every client, and these interfaces show it
  private static final class Sync extends SyncClient implements MxPlatformClient {
    Sync(ClientSettings settings) {
      super(settings, MxPlatformClient.class);
    }
  }

  private static final class Async extends AsyncClient implements MxPlatformAsyncClient {
    Async(ClientSettings settings) {
      super(settings, MxPlatformAsyncClient.class);
    }
  }
}
