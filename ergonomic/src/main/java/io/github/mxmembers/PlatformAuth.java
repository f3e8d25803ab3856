package io.github.mxmembers;

import io.github.mxmembers.generated.platform.api.MembersApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Platform settings both Platform builders hold, sync and async: the client id and API key
 * (Basic auth) and the pinned API version. Checked as they are set; never printed.
 */
final class PlatformAuth extends ApiSettings {
  private String clientId;
  private String apiKey;
  private PlatformApiVersion apiVersion = PlatformApiVersion.latest();

  /** The environment variables {@link #credentialsFromEnvironment} reads, as MX's own tools and this SDK's CLI name them. */
  static final String CLIENT_ID_VARIABLE = "MX_CLIENT_ID";
  static final String API_KEY_VARIABLE = "MX_API_KEY";

  /**
   * @throws IllegalStateException naming the variable that is unset or blank (never a value)
   * @throws IllegalArgumentException if a value is not a valid client id or key, naming the variable
   */
  void credentialsFromEnvironment(java.util.Map<String, String> environment) {
    String clientId = Environment.required(environment, CLIENT_ID_VARIABLE);
    String apiKey = Environment.required(environment, API_KEY_VARIABLE);
    try {
      credentials(clientId, apiKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("from the environment (" + CLIENT_ID_VARIABLE + ", " + API_KEY_VARIABLE + "): " + e.getMessage());
    }
  }

  void credentials(String clientId, String apiKey) {
    Identifiers.checkSecret(clientId, "clientId");
    if (clientId.indexOf(':') >= 0) {
      throw new IllegalArgumentException("clientId must contain no ':' (Basic auth separates it from the key with one)");
    }
    this.apiKey = Identifiers.checkSecret(apiKey, "apiKey");
    this.clientId = clientId;
  }

  void apiVersion(PlatformApiVersion apiVersion) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion == null");
  }

  PlatformApiVersion apiVersion() {
    return apiVersion;
  }

  /** @throws IllegalStateException if no credentials were set */
  void check() {
    if (clientId == null) {
      throw new IllegalStateException("credentials are required: call credentials(clientId, apiKey)");
    }
  }

  Header authorization() {
    String token = clientId + ":" + apiKey;
    return new BasicHeader(
        MembersApi.UPDATE_MEMBER_AUTH_HEADER,
        "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** Settings only: never the API key. */
  @Override
  public String toString() {
    return "clientId=" + clientId + ", apiKey=" + (apiKey == null ? "null" : "****");
  }
}
