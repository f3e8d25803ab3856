package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.ApiTokenSource;
import io.github.mxmembers.AsyncApiTokenSource;
import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.client.AsyncClient;
import io.github.mxmembers.internal.client.ClientSettings;
import io.github.mxmembers.internal.client.DefaultClientBuilder;
import io.github.mxmembers.internal.client.SyncClient;

/**
 * What {@link MxNexusClient} and {@link MxNexusAsyncClient} are made of: a builder whose Nexus settings
 * ({@link NexusAuth}) are declared once for both flavours (each flavour takes its own kind of
 * API-token source), and a client of each flavour over the one core every client shares.
 */
@InternalApi
public final class NexusClients {
  private NexusClients() {}

  /** {@return a new sync builder} */
  public static MxNexusClient.Builder syncBuilder() {
    return new SyncBuilder(new NexusAuth());
  }

  /** {@return a new async builder} */
  public static MxNexusAsyncClient.Builder asyncBuilder() {
    return new AsyncBuilder(new NexusAuth());
  }

  /** The Nexus settings, once for both flavours' builders. */
  abstract static class Builder<B> extends DefaultClientBuilder<B> {
    Builder(ClientSettings settings) {
      super(settings);
    }

    Builder(NexusAuth auth, boolean async) {
      super(auth, async);
    }

    private NexusAuth auth() {
      return (NexusAuth) settings().api();
    }

    final NexusAuth nexus() {
      return auth();
    }

    public final B ssoFromEnvironment() {
      auth().ssoFromEnvironment(System.getenv());
      return self();
    }

    public final B sso(String clientId, String apiKey, String userId) {
      auth().sso(clientId, apiKey, userId);
      return self();
    }

    public final B sessionsSkipAggregation(boolean skip) {
      auth().sessionsSkipAggregation(skip);
      return self();
    }

    public final B ssoBaseUrl(String ssoBaseUrl) {
      auth().ssoBaseUrl(ssoBaseUrl);
      return self();
    }
  }

  private static final class SyncBuilder extends Builder<MxNexusClient.Builder> implements MxNexusClient.Builder {
    SyncBuilder(NexusAuth auth) {
      super(auth, false);
    }

    SyncBuilder(ClientSettings settings) {
      super(settings);
    }

    @Override
    protected MxNexusClient.Builder newBuilder(ClientSettings settings) {
      return new SyncBuilder(settings);
    }

    @Override
    protected Class<MxNexusClient.Builder> type() {
      return MxNexusClient.Builder.class;
    }

    @Override
    public MxNexusClient.Builder apiTokenSource(ApiTokenSource apiTokenSource) {
      nexus().apiTokenSource(apiTokenSource);
      return this;
    }

    @Override
    public MxNexusClient build() {
      return new Sync(settings());
    }
  }

  private static final class AsyncBuilder extends Builder<MxNexusAsyncClient.Builder>
      implements MxNexusAsyncClient.Builder {
    AsyncBuilder(NexusAuth auth) {
      super(auth, true);
    }

    AsyncBuilder(ClientSettings settings) {
      super(settings);
    }

    @Override
    protected MxNexusAsyncClient.Builder newBuilder(ClientSettings settings) {
      return new AsyncBuilder(settings);
    }

    @Override
    protected Class<MxNexusAsyncClient.Builder> type() {
      return MxNexusAsyncClient.Builder.class;
    }

    @Override
    public MxNexusAsyncClient.Builder apiTokenSource(AsyncApiTokenSource apiTokenSource) {
      nexus().apiTokenSource(apiTokenSource);
      return this;
    }

    @Override
    public MxNexusAsyncClient build() {
      return new Async(settings());
    }
  }

  private static final class Sync extends SyncClient implements MxNexusClient {
    Sync(ClientSettings settings) {
      super(settings, MxNexusClient.class);
    }
  }

  private static final class Async extends AsyncClient implements MxNexusAsyncClient {
    Async(ClientSettings settings) {
      super(settings, MxNexusAsyncClient.class);
    }
  }
}
