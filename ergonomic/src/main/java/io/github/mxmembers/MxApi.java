package io.github.mxmembers;

/** The two MX APIs this SDK can update members on. */
public enum MxApi {
  /** The MX Platform API ({@code api.mx.com}). */
  PLATFORM("MX Platform API"),
  /** The MX Nexus API ({@code data.moneydesktop.com}). */
  NEXUS("MX Nexus API");

  private final String displayName;

  MxApi(String displayName) {
    this.displayName = displayName;
  }

  /** {@return the API's name, such as {@code MX Platform API}} */
  @Override
  public String toString() {
    return displayName;
  }
}
