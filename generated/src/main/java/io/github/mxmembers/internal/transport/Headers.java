package io.github.mxmembers.internal.transport;

import java.util.List;
import org.apache.hc.core5.http.Header;

/** Header lookup by case-insensitive name. */
final class Headers {
  private Headers() {}

  /** The first value of the named header, or null. */
  static String first(List<Header> headers, String name) {
    for (Header header : headers) {
      if (header.getName().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }
}
