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
import java.util.function.Function;

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
    return new SyncBuilder(ClientSettings.of(new NexusAuth(), false));
  }

  /** {@return a new async builder} */
  public static MxNexusAsyncClient.Builder asyncBuilder() {
    return new AsyncBuilder(ClientSettings.of(new NexusAuth(), true));
  }

  /**
   * The Nexus settings, once for both flavours' builders; the API-token source too, which each
   * flavour's public interface takes in its own form.
   */
  private abstract static class Builder<B, C> extends DefaultClientBuilder<B, C> {
    Builder(ClientSettings settings, Class<B> type, Function<ClientSettings, B> newBuilder, Function<ClientSettings, C> newClient) {
      super(settings, type, newBuilder, newClient);
    }

    private NexusAuth auth() {
      return (NexusAuth) settings().api();
    }

    public final B apiTokenSource(ApiTokenSource apiTokenSource) {
      auth().apiTokenSource(apiTokenSource);
      return self();
    }

    public final B apiTokenSource(AsyncApiTokenSource apiTokenSource) {
      auth().apiTokenSource(apiTokenSource);
      return self();
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

  private static final class SyncBuilder extends Builder<MxNexusClient.Builder, MxNexusClient> implements MxNexusClient.Builder {
    SyncBuilder(ClientSettings settings) {
      super(settings, MxNexusClient.Builder.class, SyncBuilder::new, Sync::new);
    }
  }

  private static final class AsyncBuilder extends Builder<MxNexusAsyncClient.Builder, MxNexusAsyncClient>
      implements MxNexusAsyncClient.Builder {
    AsyncBuilder(ClientSettings settings) {
      super(settings, MxNexusAsyncClient.Builder.class, AsyncBuilder::new, Async::new);
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
