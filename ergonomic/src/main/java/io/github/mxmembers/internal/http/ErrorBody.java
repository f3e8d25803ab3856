package io.github.mxmembers.internal.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mxmembers.annotations.InternalApi;
import java.nio.charset.StandardCharsets;

/**
 * MX's error code and message, read leniently from any error body: MX publishes no fixed schema,
 * and a proxy in between may answer with HTML or nothing at all.
 */
@InternalApi
public final class ErrorBody {
  private static final int MAX_MESSAGE = 300;
  private static final ErrorBody NONE = new ErrorBody(null, null);

  private final Integer code;
  private final String message;

  private ErrorBody(Integer code, String message) {
    this.code = code;
    this.message = message;
  }

  /** Reads {@code {"error": {"code", "message"}}} or a top-level code and message; anything else gives none. */
  public static ErrorBody parse(byte[] body) {
    if (body == null || body.length == 0) {
      return NONE;
    }
    JsonElement root;
    try {
      root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
    } catch (JsonParseException notJson) {
      return NONE;
    }
    if (!root.isJsonObject()) {
      return NONE;
    }
    JsonObject object = root.getAsJsonObject();
    JsonElement error = object.get("error");
    JsonObject holder = error != null && error.isJsonObject() ? error.getAsJsonObject() : object;
    return new ErrorBody(integer(holder.get("code")), text(holder.get("message")));
  }

  private static Integer integer(JsonElement value) {
    if (value == null || !value.isJsonPrimitive()) {
      return null;
    }
    try {
      return Integer.valueOf(value.getAsString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(JsonElement value) {
    if (value == null || !value.isJsonPrimitive()) {
      return null;
    }
    String text = value.getAsString();
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
  }

  /** MX's code, or null. */
  public Integer code() {
    return code;
  }

  /** MX's message, shortened to 300 characters, or null. */
  public String message() {
    return message;
  }
}
