package io.github.mxmembers.internal.client;

import io.github.mxmembers.MxEnvironment;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.pipeline.Interceptor;
import java.util.List;
import org.apache.hc.core5.http.Header;

/**
 * One API's settings, held by its builders beside the shared ones ({@code PlatformAuth}, {@code
 * NexusAuth}), and all a client needs to know of its API: where the API's servers are, how a request
 * is authenticated, and the API's operations. Checked as they are set, copied with the builder, never
 * printed with a secret.
 */
@InternalApi
public abstract class ApiSettings implements Cloneable {
  /** A copy that changes independently of this one; the values it holds are immutable. */
  public ApiSettings copy() {
    try {
      return (ApiSettings) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /** {@return the API's servers, as its spec lists them: integration first, production second} */
  public abstract List<String> servers();

  /**
   * Checks that the settings are whole.
   *
   * @param environment the builder's environment, null when it has a base URL instead
   * @throws IllegalStateException naming what is missing
   */
  public abstract void check(MxEnvironment environment);

  /**
   * The pipeline's auth step: Basic auth on the Platform API, the session the client opens and renews
   * on Nexus.
   *
   * @param baseUrl the API's base URL
   * @param environment the builder's environment, null when it has a base URL instead
   */
  public abstract Interceptor auth(ClientRuntime runtime, String baseUrl, MxEnvironment environment);

  /** {@return the headers a preview shows for what the auth step adds (redacted when shown)} */
  public abstract List<Header> previewHeaders();

  /** {@return the API's operations} */
  public abstract ApiOperations operations();

  /** {@return the Platform API version the client pins; null on an API without versions (Nexus)} */
  public PlatformApiVersion apiVersion() {
    return null;
  }

  /** Settings only: never a secret. */
  @Override
  public abstract String toString();
}
