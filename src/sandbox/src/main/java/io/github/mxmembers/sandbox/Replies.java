package io.github.mxmembers.sandbox;

import com.google.gson.JsonObject;
import java.util.Map;

/** The sandbox's responses: JSON with the API's media type, errors shaped as each API's. */
final class Replies {
  static final String PLATFORM_TYPE = "application/json";
  static final String NEXUS_TYPE = "application/vnd.mx.nexus.v1+json";

  private Replies() {}

  /** True when a Content-Type header names exactly this media type (parameters such as charset aside). */
  static boolean isMediaType(String contentType, String mediaType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().equalsIgnoreCase(mediaType);
  }

  /**
   * True when an Accept header allows this media type: listed, or {@code type/*} or {@code *}{@code
   * /*}. MX asks for an explicit Accept, so a request without one is not acceptable.
   */
  static boolean accepts(String accept, String mediaType) {
    if (accept == null) {
      return false;
    }
    String anySubtype = mediaType.substring(0, mediaType.indexOf('/')) + "/*";
    for (String range : accept.split(",")) {
      int semicolon = range.indexOf(';');
      String type = (semicolon < 0 ? range : range.substring(0, semicolon)).trim();
      if (type.equalsIgnoreCase(mediaType) || type.equalsIgnoreCase(anySubtype) || type.equals("*/*")) {
        return true;
      }
    }
    return false;
  }

  static Reply json(int status, String mediaType, JsonObject body) {
    return new Reply(status, mediaType, body.toString(), Map.of());
  }

  /** 204: the answer with no body. */
  static Reply noContent(String mediaType) {
    return new Reply(204, mediaType, "", Map.of());
  }

  static Reply member(int status, String mediaType, JsonObject member) {
    JsonObject root = new JsonObject();
    root.add("member", member);
    return json(status, mediaType, root);
  }

  /** Platform errors: {@code {"error": {"message", "status"}}}. */
  static Reply platformError(int status, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("message", message);
    error.addProperty("status", status);
    JsonObject root = new JsonObject();
    root.add("error", error);
    return json(status, PLATFORM_TYPE, root);
  }

  /** The body of a fault the test asked for, with any headers it carries (such as Retry-After). */
  static Reply fault(int status, String message, Map<String, String> headers) {
    JsonObject error = new JsonObject();
    error.addProperty("message", message);
    JsonObject root = new JsonObject();
    root.add("error", error);
    return new Reply(status, PLATFORM_TYPE, root.toString(), headers);
  }

  /** Nexus errors: {@code {"error": {"code", "message"}}}, as in MX's examples (4011 expired session). */
  static Reply nexusError(int status, int code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    JsonObject root = new JsonObject();
    root.add("error", error);
    return json(status, NEXUS_TYPE, root);
  }
}
