package io.github.mxmembers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.http.HeaderLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.core5.http.Header;

/**
 * The request an update would send, with secrets redacted: auth headers and the callback payload
 * shown as {@code [redacted]}, credential values as {@code ****}. For dry runs and audit logs.
 */
public final class RequestPreview {
  private final String method;
  private final String path;
  private final String headers;
  private final String body;

  private RequestPreview(String method, String path, String headers, String body) {
    this.method = method;
    this.path = path;
    this.headers = headers;
    this.body = body;
  }

  static RequestPreview of(PreparedRequest request, List<Header> extraHeaders) {
    String headers = HeaderLog.render(request.headers());
    if (request.contentType() != null) {
      headers += ", Content-Type: " + request.contentType();
    }
    if (!extraHeaders.isEmpty()) {
      headers += ", " + HeaderLog.render(extraHeaders);
    }
    String body = request.body() == null ? "" : redact(new String(request.body(), StandardCharsets.UTF_8));
    return new RequestPreview(request.method(), request.pathAndQuery(), headers, body);
  }

  private static String redact(String json) {
    JsonElement root = JsonParser.parseString(json);
    JsonElement member = root.isJsonObject() ? root.getAsJsonObject().get("member") : null;
    if (member != null && member.isJsonObject()) {
      JsonElement credentials = member.getAsJsonObject().get("credentials");
      if (credentials != null && credentials.isJsonArray()) {
        for (JsonElement credential : (JsonArray) credentials) {
          if (credential.isJsonObject()) {
            ((JsonObject) credential).addProperty("value", "****");
          }
        }
      }
    }
    return root.toString();
  }

  /** {@return the HTTP method, {@code PUT}} */
  public String method() {
    return method;
  }

  /** {@return the percent-encoded path and query} */
  public String path() {
    return path;
  }

  /** {@return the headers, {@code Name: value} separated by commas, secrets redacted} */
  public String headers() {
    return headers;
  }

  /** {@return the JSON body, credential values redacted} */
  public String body() {
    return body;
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return method + " " + path + "\n" + headers + "\n" + body;
  }
}
