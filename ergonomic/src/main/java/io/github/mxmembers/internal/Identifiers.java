package io.github.mxmembers.internal;

import io.github.mxmembers.annotations.InternalApi;
import java.util.Objects;

/**
 * Checks the identifiers that go into URL paths (user, member, client and SSO user ids) and the
 * text that goes into request bodies and headers, before any I/O. Messages name the parameter and
 * say what is wrong, never the value: it may be long, or a secret.
 */
@InternalApi
public final class Identifiers {
  /**
   * The longest identifier accepted. MX documents no limit; its guids are 40 characters, and an id
   * this long is a mistake rather than a member.
   */
  public static final int MAX_LENGTH = 256;

  private Identifiers() {}

  /**
   * A value that becomes one URL path segment: non-blank, at most {@link #MAX_LENGTH} characters, no
   * control characters, well-formed UTF-16, and not {@code .} or {@code ..}.
   */
  public static String check(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          name + " is " + value.length() + " characters; at most " + MAX_LENGTH + " are accepted");
    }
    checkText(value, name);
    if (value.equals(".") || value.equals("..")) {
      // percent-encoding does not help: servers and proxies read %2E as '.' and resolve the segment
      throw new IllegalArgumentException(name + " must not be '.' or '..': in a URL path it names another resource");
    }
    return value;
  }

  /** A secret that goes into a header (API key): non-blank, no control characters. */
  public static String checkSecret(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    checkText(value, name);
    return value;
  }

  /**
   * Text MX receives as it is: no control characters (in a log line or header they would forge
   * another line), and no unpaired surrogate (UTF-8 cannot carry one: it would arrive as '?').
   */
  public static void checkText(String value, String name) {
    checkEncodable(value, name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            name + " contains a control character (U+" + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
  }

  /** No unpaired surrogate: UTF-8 cannot carry one, and Java would send '?' in its place. */
  public static void checkEncodable(String value, String name) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            name + " has an unpaired surrogate at index " + i + ": it cannot be sent as UTF-8");
      }
    }
  }
}
