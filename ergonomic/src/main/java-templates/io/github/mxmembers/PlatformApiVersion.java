package io.github.mxmembers;

import java.util.Objects;

/**
 * Versions of the MX Platform API this SDK speaks, sent as {@code Accept-Version} on every request.
 *
 * <p>Filtered at build time from the root pom's {@code mx.platform.version}, the same property that
 * chooses the spec the clients are generated from, so the pin cannot drift from the code.
 */
public enum PlatformApiVersion {
  /** The version the SDK's clients were generated from. */
  ${mx.platform.versionConstant}("${mx.platform.version}");

  private final String value;

  PlatformApiVersion(String value) {
    this.value = value;
  }

  /** {@return the newest version this build supports: the one its clients were generated from} */
  public static PlatformApiVersion latest() {
    return values()[values().length - 1];
  }

  /**
   * The version with this header value.
   *
   * @param value an {@code Accept-Version} value, such as {@code ${mx.platform.version}}
   * @return its constant
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

  /** {@return the {@code Accept-Version} header value, such as {@code ${mx.platform.version}}} */
  public String value() {
    return value;
  }

  /** {@return the version as MX spells it in {@code Accept-Version}, as {@link #value()} does} */
  @Override
  public String toString() {
    return value;
  }
}
