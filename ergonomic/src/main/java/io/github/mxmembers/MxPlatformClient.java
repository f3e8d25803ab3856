package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;

/**
 * Updates members on the MX Platform API, with Basic auth, a pinned {@code Accept-Version} and
 * retries, on the calling thread. Immutable and thread-safe; share one per application and close it
 * on shutdown. {@link MxPlatformAsyncClient} does the same without blocking.
 *
 * <pre>{@code
 * try (MxPlatformClient mx = MxPlatformClient.builder()
 *     .environment(MxEnvironment.INTEGRATION)
 *     .credentials(clientId, apiKey)
 *     .build()) {
 *   MemberUpdateResult result = mx.updateMember(MemberUpdate.builder()
 *       .user("u-1234").member("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
 *       .credential("CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f", password)
 *       .build());
 * }
 * }</pre>
 */
public final class MxPlatformClient extends AbstractPlatformClient {
  private MxPlatformClient(Builder builder) {
    super(builder, builder.platformAuth());
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the update: {@code PUT /users/{user}/members/{member}}.
   *
   * @param update the update, with a user
   * @return the result: MX's status, the member as MX now has it, attempts and request id
   * @throws IllegalArgumentException before any I/O, if the update has no user or has a field the
   *     Platform API does not have
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public MemberUpdateResult updateMember(MemberUpdate update) {
    return calls.send(updateMember, update);
  }

  /** Builds an {@link MxPlatformClient}; {@link #build()} names anything missing. */
  public static final class Builder extends MxSyncClientBuilder<Builder> {
    private Builder() {
      super(new PlatformAuth());
    }

    /**
     * Your MX client id and API key from the environment variables {@code MX_CLIENT_ID} and {@code
     * MX_API_KEY}, read now (and only when this is called), as AWS SDK's environment-variable
     * credentials provider reads its own; the same variables this SDK's CLI reads.
     *
     * @return this builder
     * @throws IllegalStateException naming a variable that is unset or blank (never a value)
     * @throws IllegalArgumentException if a value is not a valid client id or key
     */
    public Builder credentialsFromEnvironment() {
      platformAuth().credentialsFromEnvironment(System.getenv());
      return this;
    }

    /**
     * Your MX client id and API key, sent as HTTP Basic auth on every request.
     *
     * @param clientId your client id; no {@code :} and no control characters
     * @param apiKey your API key; never printed
     * @return this builder
     * @throws IllegalArgumentException if either is blank or holds control characters, or the client id a {@code :}
     */
    public Builder credentials(String clientId, String apiKey) {
      platformAuth().credentials(clientId, apiKey);
      return this;
    }

    /**
     * The API version to pin; {@link PlatformApiVersion#latest()} by default.
     *
     * @param apiVersion a version this SDK was generated for
     * @return this builder
     */
    public Builder apiVersion(PlatformApiVersion apiVersion) {
      platformAuth().apiVersion(apiVersion);
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client, ready to send
     * @throws IllegalStateException if the environment (or base URL) or the credentials are missing,
     *     or a proxy is set with your own httpClient
     */
    public MxPlatformClient build() {
      return new MxPlatformClient(this);
    }
  }
}
