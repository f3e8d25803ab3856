package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.generated.nexus.JSON;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.api.SessionsApi;
import io.github.mxmembers.generated.nexus.model.MemberResponseBody;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.internal.http.Endpoints;
import io.github.mxmembers.internal.http.ErrorBody;
import io.github.mxmembers.internal.http.Exchange;
import io.github.mxmembers.internal.http.Responses;
import io.github.mxmembers.internal.nexus.Session;
import io.github.mxmembers.internal.nexus.SessionManager;
import io.github.mxmembers.internal.nexus.SsoApiTokenSource;
import java.time.Instant;
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
  private final Exchange exchange;
  private final Connections connections;
  private final SessionManager sessions;

  private MxNexusClient(Builder builder, String baseUrl) {
    this.connections = Connections.from(builder);
    this.exchange = builder.exchange(MxApi.NEXUS, connections.client(), baseUrl);
    ApiTokenSource tokens = builder.apiTokenSource;
    if (tokens == null) {
      String ssoUrl =
          builder.ssoBaseUrl != null
              ? builder.ssoBaseUrl
              : builder.environment().pick(SessionsApi.READ_API_TOKEN_SERVERS);
      tokens =
          new SsoApiTokenSource(
              builder.exchange(MxApi.NEXUS, connections.client(), ssoUrl),
              builder.ssoClientId,
              builder.ssoUserId,
              builder.ssoApiKey);
    }
    this.sessions = new SessionManager(exchange, tokens);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the update: {@code PUT /members/{member_guid}}. A session is opened first when there is
   * none; if MX reports it expired (4011) it is renewed once and the update repeated.
   *
   * @throws IllegalArgumentException before any I/O, if the update has a field the Nexus API does
   *     not have
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public MemberUpdateResult updateMember(MemberUpdate update) {
    Objects.requireNonNull(update, "update == null");
    PreparedRequest request = NexusMapping.prepare(update);
    Session session = sessions.current();
    Instant sentAt = exchange.clock().instant();
    Exchange.Outcome outcome = exchange.execute(request, true, session.header());
    if (!outcome.isSuccess()
        && Objects.equals(
            ErrorBody.parse(outcome.response().body()).code(), SessionManager.EXPIRED_CODE)) {
      session = sessions.renew(session);
      sentAt = exchange.clock().instant();
      outcome = exchange.execute(request, true, session.header()).after(outcome);
    }
    sessions.used(session, sentAt);
    MemberResponseBody body =
        Responses.body(MxApi.NEXUS, request, outcome, MembersApi::updateMemberResponse);
    return new MemberUpdateResult(
        MxApi.NEXUS,
        outcome.response().status(),
        body == null ? null : NexusMapping.member(body.getMember()),
        outcome.attempts());
  }

  /**
   * The request {@link #updateMember} would send for this update, secrets redacted, without
   * sending it.
   *
   * @throws IllegalArgumentException as {@link #updateMember} would, before any I/O
   */
  public RequestPreview preview(MemberUpdate update) {
    Objects.requireNonNull(update, "update == null");
    return RequestPreview.of(NexusMapping.prepare(update), List.of(new BasicHeader(MembersApi.UPDATE_MEMBER_AUTH_HEADER, "session token")));
  }

  /** Closes the connection pool the SDK built; a client you supplied stays open. */
  @Override
  public void close() {
    connections.close();
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

    /** Where one-time API tokens come from, when you fetch them yourself. */
    public Builder apiTokenSource(ApiTokenSource apiTokenSource) {
      this.apiTokenSource = Objects.requireNonNull(apiTokenSource, "apiTokenSource == null");
      return this;
    }

    /** Let the SDK fetch API tokens from MX's SSO API with your {@code MD-API-KEY}. */
    public Builder sso(String clientId, String apiKey, String userId) {
      this.ssoClientId = notBlank(clientId, "clientId");
      this.ssoApiKey = notBlank(apiKey, "apiKey");
      this.ssoUserId = notBlank(userId, "userId");
      return this;
    }

    /** The SSO API's base URL, when {@link #baseUrl(String)} replaces the environment. */
    public Builder ssoBaseUrl(String ssoBaseUrl) {
      Objects.requireNonNull(ssoBaseUrl, "ssoBaseUrl == null");
      this.ssoBaseUrl = Endpoints.checkBaseUrl(ssoBaseUrl, "ssoBaseUrl");
      return this;
    }

    /**
     * @throws IllegalStateException if the environment (or base URL) or the session source is
     *     missing, or both session sources are set
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
