package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.ApiTokenSource;
import io.github.mxmembers.AsyncApiTokenSource;
import io.github.mxmembers.MxEnvironment;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.generated.nexus.JSON;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.api.SessionsApi;
import io.github.mxmembers.internal.Identifiers;
import io.github.mxmembers.internal.client.ApiOperations;
import io.github.mxmembers.internal.client.ApiSettings;
import io.github.mxmembers.internal.client.ClientRuntime;
import io.github.mxmembers.internal.client.ClientSettings;
import io.github.mxmembers.internal.client.Environment;
import io.github.mxmembers.internal.http.Endpoints;
import io.github.mxmembers.internal.pipeline.AuthHeaderInterceptor;
import io.github.mxmembers.internal.pipeline.Interceptor;
import io.github.mxmembers.internal.pipeline.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Nexus settings both Nexus builders hold, sync and async: where a session's one-time API token
 * comes from (your source, or MX's SSO API with your {@code MD-API-KEY}), and the SSO API's address.
 * Checked as they are set; the key is never printed.
 */
@InternalApi
public final class NexusAuth extends ApiSettings {
  /** What a preview shows for the session header the pipeline adds: never a token. */
  private static final List<Header> PREVIEW_SESSION =
      List.of(new BasicHeader(MembersApi.UPDATE_MEMBER_AUTH_HEADER, "session token"));

  private TokenFetcher userTokens;
  private String ssoClientId;
  private String ssoApiKey;
  private String ssoUserId;
  private String ssoBaseUrl;
  /** Whether opening a session asks MX to start no aggregation of the user's members: the default. */
  private boolean sessionsSkipAggregation = true;

  /** A blocking source, for the sync client: asked on the calling thread. */
  public void apiTokenSource(ApiTokenSource source) {
    Objects.requireNonNull(source, "apiTokenSource == null");
    this.userTokens =
        call -> {
          try {
            return CompletableFuture.completedFuture(source.fetchApiToken());
          } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
          }
        };
  }

  /** A non-blocking source, for the async client: waited for no longer than the call's deadline. */
  public void apiTokenSource(AsyncApiTokenSource source) {
    Objects.requireNonNull(source, "apiTokenSource == null");
    this.userTokens =
        call -> {
          CompletionStage<String> token;
          try {
            token = source.fetchApiToken();
          } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
          }
          if (token == null) {
            return CompletableFuture.completedFuture(null); // no token: refused where every token is checked
          }
          // a stage of the caller's own kind: followed, not converted (toCompletableFuture may be unsupported)
          CompletableFuture<String> fetched = new CompletableFuture<>();
          token.whenComplete(
              (value, failure) -> {
                if (failure != null) {
                  fetched.completeExceptionally(failure);
                } else {
                  fetched.complete(value);
                }
              });
          return call.within(fetched, "while the AsyncApiTokenSource fetched an API token");
        };
  }

  /**
   * MX's SSO API with the keys in the environment: {@code MX_CLIENT_ID}, {@code MX_API_KEY} and
   * {@code MX_USER_ID}, and {@code MX_SSO_URL} when set (the SSO API's base URL), as this SDK's CLI
   * reads them.
   *
   * @throws IllegalStateException naming a required variable that is unset or blank (never a value)
   * @throws IllegalArgumentException if a value is not valid, naming the variables
   */
  public void ssoFromEnvironment(Map<String, String> environment) {
    String clientId = Environment.required(environment, "MX_CLIENT_ID");
    String apiKey = Environment.required(environment, "MX_API_KEY");
    String userId = Environment.required(environment, "MX_USER_ID");
    String ssoUrl = Environment.optional(environment, "MX_SSO_URL");
    try {
      sso(clientId, apiKey, userId);
      if (ssoUrl != null) {
        ssoBaseUrl(ssoUrl);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("from the environment (MX_CLIENT_ID, MX_API_KEY, MX_USER_ID, MX_SSO_URL): " + e.getMessage());
    }
  }

  public void sso(String clientId, String apiKey, String userId) {
    this.ssoClientId = Identifiers.check(clientId, "clientId");
    this.ssoApiKey = Identifiers.checkSecret(apiKey, "apiKey");
    this.ssoUserId = Identifiers.check(userId, "userId");
  }

  public void sessionsSkipAggregation(boolean skip) {
    this.sessionsSkipAggregation = skip;
  }

  public void ssoBaseUrl(String ssoBaseUrl) {
    Objects.requireNonNull(ssoBaseUrl, "ssoBaseUrl == null");
    this.ssoBaseUrl = Endpoints.checkBaseUrl(ssoBaseUrl, "ssoBaseUrl");
  }

  @Override
  public List<String> servers() {
    return JSON.SERVERS;
  }

  /** @throws IllegalStateException if no source, or both, are set, or sso has no URL to go to */
  @Override
  public void check(MxEnvironment environment) {
    if (userTokens == null && ssoClientId == null) {
      throw new IllegalStateException(
          "a session source is required: call apiTokenSource(...) or sso(clientId, apiKey, userId)");
    }
    if (userTokens != null && ssoClientId != null) {
      throw new IllegalStateException("set either apiTokenSource(...) or sso(...), not both");
    }
    if (ssoClientId != null && ssoBaseUrl == null && environment == null) {
      throw new IllegalStateException("ssoBaseUrl is required with sso(...) when baseUrl is set");
    }
  }

  /** The client's session: {@code POST /sessions} to {@code baseUrl}, tokens from the source set; opened and renewed as calls need it. */
  @Override
  public Interceptor auth(ClientRuntime runtime, String baseUrl, MxEnvironment environment) {
    TokenFetcher tokens = userTokens;
    if (tokens == null) {
      String ssoUrl = ssoBaseUrl != null ? ssoBaseUrl : ClientSettings.server(environment, SessionsApi.READ_API_TOKEN_SERVERS);
      Pipeline sso =
          runtime.pipeline(
              ssoUrl, new AuthHeaderInterceptor(new BasicHeader(SessionsApi.READ_API_TOKEN_AUTH_HEADER, ssoApiKey)));
      tokens = new SsoApiTokenSource(sso, ssoClientId, ssoUserId);
    }
    // POST /sessions carries its own one-time token: no auth step
    return new SessionInterceptor(new SessionManager(runtime.pipeline(baseUrl, null), tokens, sessionsSkipAggregation));
  }

  @Override
  public List<Header> previewHeaders() {
    return PREVIEW_SESSION;
  }

  @Override
  public ApiOperations operations() {
    return NexusOperations.INSTANCE;
  }

  /** Settings only: never the API key. */
  @Override
  public String toString() {
    return "sso="
        + (ssoClientId == null ? "unset" : ssoClientId + "/" + ssoUserId + ", apiKey=****")
        + ", apiTokenSource="
        + (userTokens == null ? "unset" : "set")
        + (sessionsSkipAggregation ? "" : ", sessionsSkipAggregation=false");
  }
}
