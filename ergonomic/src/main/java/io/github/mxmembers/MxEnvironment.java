package io.github.mxmembers;

/**
 * MX's environments. Each API's base URLs come from its spec's {@code servers}, which list
 * integration first and production second.
 */
public enum MxEnvironment {
  /** MX's integration environment, for development and tests. */
  INTEGRATION(0),
  /** MX's production environment. */
  PRODUCTION(1);

  private final int serverIndex;

  MxEnvironment(int serverIndex) {
    this.serverIndex = serverIndex;
  }

  /** This environment's entry in a spec's server list. */
  String pick(java.util.List<String> servers) {
    return servers.get(serverIndex);
  }
}
