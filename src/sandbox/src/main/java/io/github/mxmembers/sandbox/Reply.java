package io.github.mxmembers.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One answer of the sandbox: a status, a JSON body with its media type, and any extra headers. */
final class Reply {
  final int status;
  final String contentType;
  final byte[] body;
  final Map<String, String> headers;

  Reply(int status, String contentType, String body, Map<String, String> headers) {
    this.status = status;
    this.contentType = contentType;
    this.body = body.getBytes(StandardCharsets.UTF_8);
    this.headers = Map.copyOf(headers);
  }
}
