package io.github.mxmembers.internal.http;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.pipeline.Response;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.Header;

/**
 * Renders headers for logs from an allow-list: listed headers with their values, every other header
 * by name only. Auth headers (Authorization, MD-SESSION-TOKEN, MD-API-TOKEN, MD-API-KEY) and the
 * callback payload are never on the list.
 */
@InternalApi
public final class HeaderLog {
  private static final Set<String> ALLOWED =
      Set.of(
          "accept",
          "accept-version",
          "content-type",
          "content-length",
          "user-agent",
          "mx-skip-webhook",
          "retry-after",
          Response.REQUEST_ID_HEADER.toLowerCase(Locale.ROOT),
          "date");

  private HeaderLog() {}

  public static String render(Iterable<Header> headers) {
    StringBuilder sb = new StringBuilder();
    for (Header header : headers) {
      append(sb, header);
    }
    return sb.toString();
  }

  public static String render(Header... headers) {
    StringBuilder sb = new StringBuilder();
    for (Header header : headers) {
      append(sb, header);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, Header header) {
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(header.getName()).append(": ");
    sb.append(
        ALLOWED.contains(header.getName().toLowerCase(Locale.ROOT))
            ? header.getValue()
            : "[redacted]");
  }
}
