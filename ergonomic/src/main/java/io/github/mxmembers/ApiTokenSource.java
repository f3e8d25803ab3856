package io.github.mxmembers;

/**
 * Supplies one-time MX API tokens for opening Nexus sessions, for example from your own call to MX's
 * SSO API. Each token is used once; a new one is asked for each time a session is opened.
 */
@FunctionalInterface
public interface ApiTokenSource {
  /** {@return a fresh API token, valid for ten minutes and for one session exchange} */
  String fetchApiToken();
}
