package io.github.mxmembers;

/**
 * The Nexus API's settings, declared once for {@link MxNexusClient.Builder} and {@link
 * MxNexusAsyncClient.Builder}: where a session's one-time API token comes from (MX's SSO API with
 * your {@code MD-API-KEY}, or your own source, which each flavour's builder takes in its own form),
 * the SSO API's address, and what opening a session asks of MX.
 *
 * @param <B> the concrete builder
 */
public interface NexusClientBuilder<B extends NexusClientBuilder<B>> extends MxClientBuilder<B> {
  /**
   * Lets the SDK fetch API tokens from MX's SSO API with the keys in the environment variables
   * {@code MX_CLIENT_ID}, {@code MX_API_KEY} and {@code MX_USER_ID}, and the SSO API's base URL in
   * {@code MX_SSO_URL} when it is set: read now, and only when this is called; the same variables
   * this SDK's CLI reads.
   *
   * @return this builder
   * @throws IllegalStateException naming a required variable that is unset or blank (never a value)
   * @throws IllegalArgumentException if a value is not valid
   */
  B ssoFromEnvironment();

  /**
   * Lets the SDK fetch API tokens from MX's SSO API with your {@code MD-API-KEY}.
   *
   * @param clientId your client id, part of the SSO URL
   * @param apiKey your API key, sent as {@code MD-API-KEY}; never printed
   * @param userId the user whose members this client updates: partner-defined id or {@code USR-} guid
   * @return this builder
   * @throws IllegalArgumentException if any is blank or holds control characters
   */
  B sso(String clientId, String apiKey, String userId);

  /**
   * Whether opening a Nexus session asks MX not to aggregate the user's members: true by default,
   * so the SDK sends {@code {"skip_aggregation": true}} with {@code POST /sessions}. MX's
   * verification guide: the body "should contain skip_aggregation:true ... This will prevent
   * automatic aggregation being initiated for the user's existing members when the session is
   * opened". Without it, every session the client opens may start an aggregation of all of that
   * user's members, and an update's own {@code skipAggregation(true)} would not mean what it says.
   * False sends no body. MX's pages show no schema for this body: the SDK puts the field at the top
   * level, the guide's most literal reading.
   *
   * @param skip false to let MX aggregate the user's members when a session opens
   * @return this builder
   */
  B sessionsSkipAggregation(boolean skip);

  /**
   * The SSO API's base URL, when {@link #baseUrl(String)} replaces the environment.
   *
   * @param ssoBaseUrl https, except to a loopback address
   * @return this builder
   * @throws IllegalArgumentException if not an absolute http(s) URL
   */
  B ssoBaseUrl(String ssoBaseUrl);
}
