package io.github.mxmembers.internal.platform;

import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.client.AsyncClient;
import io.github.mxmembers.internal.client.ClientSettings;
import io.github.mxmembers.internal.client.DefaultClientBuilder;
import io.github.mxmembers.internal.client.SyncClient;

/**
 * What {@link MxPlatformClient} and {@link MxPlatformAsyncClient} are made of: a builder whose Platform
 * settings ({@link PlatformAuth}) are declared once for both flavours, and a client of each flavour
 * over the one core every client shares, which adds only the pinned {@code apiVersion()}.
 */
@InternalApi
public final class PlatformClients {
  private PlatformClients() {}

  /** {@return a new sync builder} */
  public static MxPlatformClient.Builder syncBuilder() {
    return new SyncBuilder(new PlatformAuth());
  }

  /** {@return a new async builder} */
  public static MxPlatformAsyncClient.Builder asyncBuilder() {
    return new AsyncBuilder(new PlatformAuth());
  }

  /** The Platform settings, once for both flavours' builders. */
  abstract static class Builder<B> extends DefaultClientBuilder<B> {
    Builder(ClientSettings settings) {
      super(settings);
    }

    Builder(PlatformAuth auth, boolean async) {
      super(auth, async);
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

  private static final class SyncBuilder extends Builder<MxPlatformClient.Builder> implements MxPlatformClient.Builder {
    SyncBuilder(PlatformAuth auth) {
      super(auth, false);
    }

    SyncBuilder(ClientSettings settings) {
      super(settings);
    }

    @Override
    protected MxPlatformClient.Builder newBuilder(ClientSettings settings) {
      return new SyncBuilder(settings);
    }

    @Override
    protected Class<MxPlatformClient.Builder> type() {
      return MxPlatformClient.Builder.class;
    }

    @Override
    public MxPlatformClient build() {
      return new Sync(settings());
    }
  }

  private static final class AsyncBuilder extends Builder<MxPlatformAsyncClient.Builder>
      implements MxPlatformAsyncClient.Builder {
    AsyncBuilder(PlatformAuth auth) {
      super(auth, true);
    }

    AsyncBuilder(ClientSettings settings) {
      super(settings);
    }

    @Override
    protected MxPlatformAsyncClient.Builder newBuilder(ClientSettings settings) {
      return new AsyncBuilder(settings);
    }

    @Override
    protected Class<MxPlatformAsyncClient.Builder> type() {
      return MxPlatformAsyncClient.Builder.class;
    }

    @Override
    public MxPlatformAsyncClient build() {
      return new Async(settings());
    }
  }

  private static final class Sync extends SyncClient implements MxPlatformClient {
    Sync(ClientSettings settings) {
      super(settings, MxPlatformClient.class);
    }

    @Override
    public PlatformApiVersion apiVersion() {
      return ((PlatformAuth) calls.settings()).apiVersion();
    }
  }

  private static final class Async extends AsyncClient implements MxPlatformAsyncClient {
    Async(ClientSettings settings) {
      super(settings, MxPlatformAsyncClient.class);
    }

    @Override
    public PlatformApiVersion apiVersion() {
      return ((PlatformAuth) calls.settings()).apiVersion();
    }
  }
}
