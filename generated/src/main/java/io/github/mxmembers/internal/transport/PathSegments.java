package io.github.mxmembers.internal.transport;

import io.github.mxmembers.annotations.InternalApi;
import java.nio.charset.StandardCharsets;

/** Percent-encodes a value for use as one URL path segment or query component (RFC 3986). */
@InternalApi
public final class PathSegments {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  /**
   * Encodes every byte outside the unreserved set ({@code A-Z a-z 0-9 - . _ ~}), so that {@code /},
   * spaces, {@code ?} and {@code %} in an identifier stay inside its segment.
   */
  public static String encode(String value) {
    if (isUnreserved(value)) {
      return value;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
