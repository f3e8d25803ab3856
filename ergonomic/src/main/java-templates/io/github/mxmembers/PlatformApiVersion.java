package io.github.mxmembers;

import java.util.Objects;

/**
 * Versions of the MX Platform API this SDK speaks, sent as {@code Accept-Version} on every request.
 *
 * <p>Filtered at build time from the root pom's {@code mx.platform.version}, the same property that
 * chooses the spec the clients are generated from, so the pin cannot drift from the code.
 */
public enum PlatformApiVersion {
  ${mx.platform.versionConstant}("${mx.platform.version}");

  private final String value;

  PlatformApiVersion(String value) {
    this.value = value;
  }

  /** The newest version this build supports: the one its clients were generated from. */
  public static PlatformApiVersion latest() {
    return values()[values().length - 1];
  }

  /**
   * The version with this header value.
   *
   * @throws IllegalArgumentException if this build does not support it
   */
  public static PlatformApiVersion fromValue(String value) {
    Objects.requireNonNull(value, "value == null");
    for (PlatformApiVersion version : values()) {
      if (version.value.equals(value)) {
        return version;
      }
    }
    throw new IllegalArgumentException(
        "apiVersion " + value + " is not supported by this build; supported: " + latest().value);
  }

  /** The {@code Accept-Version} header value, such as {@code v20250224}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
