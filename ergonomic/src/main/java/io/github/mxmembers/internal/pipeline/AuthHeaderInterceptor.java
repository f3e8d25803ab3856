package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.http.Header;

/**
 * Authentication by a fixed header on every attempt: Basic auth on the Platform API, the {@code
 * MD-API-KEY} on the SSO API. (The Nexus session is {@code SessionInterceptor}.)
 */
@InternalApi
public final class AuthHeaderInterceptor implements Interceptor {
  private final Header header;

  public AuthHeaderInterceptor(Header header) {
    this.header = header;
  }

  @Override
  public CompletableFuture<Response> intercept(Chain chain) {
    return chain.proceed(chain.request().withAuth(header));
  }

  /** Names the header, never its value. */
  @Override
  public String toString() {
    return "AuthHeaderInterceptor{" + header.getName() + "}";
  }
}
