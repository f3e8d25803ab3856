package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.generated.nexus.JSON;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.api.SessionsApi;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.internal.http.Endpoints;
import io.github.mxmembers.internal.nexus.SessionInterceptor;
import io.github.mxmembers.internal.nexus.SessionManager;
import io.github.mxmembers.internal.nexus.SsoApiTokenSource;
import io.github.mxmembers.internal.nexus.TokenFetcher;
import io.github.mxmembers.internal.pipeline.AuthHeaderInterceptor;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Outgoing;
import io.github.mxmembers.internal.pipeline.Pipeline;
import io.github.mxmembers.internal.pipeline.Response;
import java.util.List;
import java.util.Objects;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Updates members on the MX Nexus API for one user, over a session it opens and keeps alive.
 * Immutable and thread-safe; close it when done with the user.
 *
 * <pre>{@code
 * try (MxNexusClient nexus = MxNexusClient.builder()
 *     .environment(MxEnvironment.INTEGRATION)
 *     .sso(clientId, apiKey, userId)          // or .apiTokenSource(yourSource)
 *     .build()) {
 *   nexus.updateMember(MemberUpdate.builder()
 *       .member("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
 *       .credential("CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f", password)
 *       .skipAggregation(false)
 *       .build());
 * }
 * }</pre>
 */
public final class MxNexusClient implements AutoCloseable {
  private final ClientRuntime runtime;
  private final SessionManager sessions;
  private final Pipeline pipeline;

  private MxNexusClient(Builder builder, String baseUrl) {
    this.runtime = new ClientRuntime(builder);
    TokenFetcher tokens;
    if (builder.apiTokenSource != null) {
      ApiTokenSource source = builder.apiTokenSource;
      tokens = call -> source.fetchApiToken();
    } else {
      String ssoUrl =
          builder.ssoBaseUrl != null
              ? builder.ssoBaseUrl
              : builder.environment().pick(SessionsApi.READ_API_TOKEN_SERVERS);
      Pipeline sso =
          runtime.pipeline(
              ssoUrl,
              new AuthHeaderInterceptor(new BasicHeader(SessionsApi.READ_API_TOKEN_AUTH_HEADER, builder.ssoApiKey)));
      tokens = new SsoApiTokenSource(sso, builder.ssoClientId, builder.ssoUserId);
    }
    // POST /sessions carries its own one-time token: no auth step
    this.sessions = new SessionManager(runtime.pipeline(baseUrl, null), tokens);
    this.pipeline = runtime.pipeline(baseUrl, new SessionInterceptor(sessions));
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the update: {@code PUT /members/{member_guid}}. A session is opened first when there is
   * none; if MX reports it expired (4011) it is renewed once and the update repeated. All of it runs
   * under one call timeout and one retry budget.
   *
   * @param update the update, with no user
   * @return the result: MX's status, the member as MX now has it, attempts and request id
   * @throws IllegalArgumentException before any I/O, if the update has a field the Nexus API does
   *     not have
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public MemberUpdateResult updateMember(MemberUpdate update) {
    Objects.requireNonNull(update, "update == null");
    PreparedRequest request = NexusMapping.prepare(update);
    Call call = runtime.call(MxApi.NEXUS, request);
    try {
      Response response = pipeline.execute(call, Outgoing.idempotent(request));
      MemberUpdateResult result =
          MemberUpdateResult.read(call, request, response, MembersApi::updateMemberResponseJson, NexusMapping::member);
      call.finished(null);
      return result;
    } catch (RuntimeException failure) {
      call.finished(failure);
      throw failure;
    }
  }

  /**
   * The request {@link #updateMember} would send for this update, secrets redacted, without
   * sending it.
   *
   * @param update the update
   * @return the request, redacted
   * @throws IllegalArgumentException as {@link #updateMember} would, before any I/O
   */
  public RequestPreview preview(MemberUpdate update) {
    Objects.requireNonNull(update, "update == null");
    return RequestPreview.of(NexusMapping.prepare(update), List.of(new BasicHeader(MembersApi.UPDATE_MEMBER_AUTH_HEADER, "session token")));
  }

  /** Closes the connection pool the SDK built (a client you supplied stays open) and the deadline timer. */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "MxNexusClient{" + sessions + "}";
  }

  /** Builds an {@link MxNexusClient}; {@link #build()} names anything missing. */
  public static final class Builder extends MxClientBuilder<Builder> {
    private ApiTokenSource apiTokenSource;
    private String ssoClientId;
    private String ssoApiKey;
    private String ssoUserId;
    private String ssoBaseUrl;

    private Builder() {}

    /**
     * Where one-time API tokens come from, when you fetch them yourself.
     *
     * @param apiTokenSource asked for a new token each time a session is opened
     * @return this builder
     */
    public Builder apiTokenSource(ApiTokenSource apiTokenSource) {
      this.apiTokenSource = Objects.requireNonNull(apiTokenSource, "apiTokenSource == null");
      return this;
    }

    /**
     * Lets the SDK fetch API tokens from MX's SSO API with your {@code MD-API-KEY}.
     *
     * @param clientId your client id, part of the SSO URL
     * @param apiKey your API key, sent as {@code MD-API-KEY}; never printed
     * @param userId the user whose members this client updates: partner-defined id or {@code USR-} guid
     * @return this builder
     * @throws IllegalArgumentException if any is blank or holds control characters
     */
    public Builder sso(String clientId, String apiKey, String userId) {
      this.ssoClientId = Identifiers.check(clientId, "clientId");
      this.ssoApiKey = Identifiers.checkSecret(apiKey, "apiKey");
      this.ssoUserId = Identifiers.check(userId, "userId");
      return this;
    }

    /**
     * The SSO API's base URL, when {@link #baseUrl(String)} replaces the environment.
     *
     * @param ssoBaseUrl https, except to a loopback address
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http(s) URL
     */
    public Builder ssoBaseUrl(String ssoBaseUrl) {
      Objects.requireNonNull(ssoBaseUrl, "ssoBaseUrl == null");
      this.ssoBaseUrl = Endpoints.checkBaseUrl(ssoBaseUrl, "ssoBaseUrl");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client; it opens its first session on its first update
     * @throws IllegalStateException if the environment (or base URL) or the session source is missing, or
     *     both session sources are set
     */
    public MxNexusClient build() {
      String baseUrl = resolveBaseUrl(JSON.SERVERS);
      if (apiTokenSource == null && ssoClientId == null) {
        throw new IllegalStateException(
            "a session source is required: call apiTokenSource(...) or sso(clientId, apiKey, userId)");
      }
      if (apiTokenSource != null && ssoClientId != null) {
        throw new IllegalStateException("set either apiTokenSource(...) or sso(...), not both");
      }
      if (ssoClientId != null && ssoBaseUrl == null && environment() == null) {
        throw new IllegalStateException("ssoBaseUrl is required with sso(...) when baseUrl is set");
      }
      checkSettings();
      return new MxNexusClient(this, baseUrl);
    }

    private static String notBlank(String value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    /** Settings only: never the API key. */
    @Override
    public String toString() {
      return "MxNexusClient.Builder{sso="
          + (ssoClientId == null ? "unset" : ssoClientId + "/" + ssoUserId + ", apiKey=****")
          + ", apiTokenSource="
          + (apiTokenSource == null ? "unset" : "set")
          + "}";
    }
  }
}
