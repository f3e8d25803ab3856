package io.github.mxmembers;

/**
 * The Platform API's settings, declared once for {@link MxPlatformClient.Builder} and {@link
 * MxPlatformAsyncClient.Builder}: your client id and API key (Basic auth) and the pinned API version.
 *
 * @param <B> the concrete builder
 */
public interface PlatformClientBuilder<B extends PlatformClientBuilder<B>> extends MxClientBuilder<B> {
  /**
   * Your MX client id and API key from the environment variables {@code MX_CLIENT_ID} and {@code
   * MX_API_KEY}, read now (and only when this is called), as AWS SDK's environment-variable
   * credentials provider reads its own; the same variables this SDK's CLI reads.
   *
   * @return this builder
   * @throws IllegalStateException naming a variable that is unset or blank (never a value)
   * @throws IllegalArgumentException if a value is not a valid client id or key
   */
  B credentialsFromEnvironment();

  /**
   * Your MX client id and API key, sent as HTTP Basic auth on every request.
   *
   * @param clientId your client id; no {@code :} and no control characters
   * @param apiKey your API key; never printed
   * @return this builder
   * @throws IllegalArgumentException if either is blank or holds control characters, or the client id a {@code :}
   */
  B credentials(String clientId, String apiKey);

  /**
   * The API version to pin; {@link PlatformApiVersion#latest()} by default.
   *
   * @param apiVersion a version this SDK was generated for
   * @return this builder
   */
  B apiVersion(PlatformApiVersion apiVersion);
}
