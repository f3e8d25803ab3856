package io.github.mxmembers.internal.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.http.HeaderLog;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.model.RequestPreview;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.core5.http.Header;

/**
 * Makes the {@link RequestPreview} of a prepared request: headers through the log's allow-list (auth
 * headers and the callback payload shown as {@code [redacted]}), credential values as {@code ****}.
 */
@InternalApi
public final class Previews {
  private Previews() {}

  /**
   * @param extraHeaders the headers the pipeline would add (auth), shown redacted
   */
  public static RequestPreview of(PreparedRequest request, List<Header> extraHeaders) {
    String headers = HeaderLog.render(request.headers());
    if (request.contentType() != null) {
      headers += ", Content-Type: " + request.contentType();
    }
    if (!extraHeaders.isEmpty()) {
      headers += ", " + HeaderLog.render(extraHeaders);
    }
    String body = request.body() == null ? "" : redact(new String(request.body(), StandardCharsets.UTF_8));
    return RequestPreview.of(request.method(), request.pathAndQuery(), headers, body);
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
}
