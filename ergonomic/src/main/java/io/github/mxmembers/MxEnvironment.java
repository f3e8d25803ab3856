package io.github.mxmembers;

/**
 * MX's environments. Each API's base URLs come from its spec's {@code servers}, which list
 * integration first and production second, in that order: a client picks by this enum's order.
 */
public enum MxEnvironment {
  /** MX's integration environment, for development and tests. */
  INTEGRATION,
  /** MX's production environment. */
  PRODUCTION
}
