package io.github.mxmembers.internal.platform;

import io.github.mxmembers.MxEnvironment;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.generated.platform.JSON;
import io.github.mxmembers.generated.platform.api.MembersApi;
import io.github.mxmembers.internal.Identifiers;
import io.github.mxmembers.internal.client.ApiOperations;
import io.github.mxmembers.internal.client.ApiSettings;
import io.github.mxmembers.internal.client.ClientRuntime;
import io.github.mxmembers.internal.client.Environment;
import io.github.mxmembers.internal.pipeline.AuthHeaderInterceptor;
import io.github.mxmembers.internal.pipeline.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Platform settings both Platform builders hold, sync and async: the client id and API key
 * (Basic auth) and the pinned API version. Checked as they are set; never printed.
 */
@InternalApi
public final class PlatformAuth extends ApiSettings {
  /** The environment variables {@link #credentialsFromEnvironment} reads, as MX's own tools and this SDK's CLI name them. */
  public static final String CLIENT_ID_VARIABLE = "MX_CLIENT_ID";
  public static final String API_KEY_VARIABLE = "MX_API_KEY";

  private String clientId;
  private String apiKey;
  private PlatformApiVersion apiVersion = PlatformApiVersion.latest();

  /**
   * @throws IllegalStateException naming the variable that is unset or blank (never a value)
   * @throws IllegalArgumentException if a value is not a valid client id or key, naming the variable
   */
  public void credentialsFromEnvironment(Map<String, String> environment) {
    String clientId = Environment.required(environment, CLIENT_ID_VARIABLE);
    String apiKey = Environment.required(environment, API_KEY_VARIABLE);
    try {
      credentials(clientId, apiKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("from the environment (" + CLIENT_ID_VARIABLE + ", " + API_KEY_VARIABLE + "): " + e.getMessage());
    }
  }

  public void credentials(String clientId, String apiKey) {
    Identifiers.checkSecret(clientId, "clientId");
    if (clientId.indexOf(':') >= 0) {
      throw new IllegalArgumentException("clientId must contain no ':' (Basic auth separates it from the key with one)");
    }
    this.apiKey = Identifiers.checkSecret(apiKey, "apiKey");
    this.clientId = clientId;
  }

  public void apiVersion(PlatformApiVersion apiVersion) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion == null");
  }

  @Override
  public PlatformApiVersion apiVersion() {
    return apiVersion;
  }

  @Override
  public List<String> servers() {
    return JSON.SERVERS;
  }

  /** @throws IllegalStateException if no credentials were set */
  @Override
  public void check(MxEnvironment environment) {
    if (clientId == null) {
      throw new IllegalStateException("credentials are required: call credentials(clientId, apiKey)");
    }
  }

  @Override
  public Interceptor auth(ClientRuntime runtime, String baseUrl, MxEnvironment environment) {
    return new AuthHeaderInterceptor(authorization());
  }

  @Override
  public List<Header> previewHeaders() {
    return List.of(authorization());
  }

  @Override
  public ApiOperations operations() {
    return PlatformOperations.of(apiVersion);
  }

  private Header authorization() {
    String token = clientId + ":" + apiKey;
    return new BasicHeader(
        MembersApi.UPDATE_MEMBER_AUTH_HEADER,
        "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** Settings only: never the API key. */
  @Override
  public String toString() {
    return "clientId=" + clientId + ", apiKey=" + (apiKey == null ? "null" : "****") + ", apiVersion=" + apiVersion;
  }
}
