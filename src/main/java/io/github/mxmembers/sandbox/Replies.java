package io.github.mxmembers.sandbox;

import com.google.gson.JsonObject;
import org.mockserver.model.HttpResponse;

/** The sandbox's responses: JSON with the API's media type, errors shaped as each API's. */
final class Replies {
  static final String PLATFORM_TYPE = "application/json";
  static final String NEXUS_TYPE = "application/vnd.mx.nexus.v1+json";

  private Replies() {}

  static HttpResponse json(int status, String mediaType, JsonObject body) {
    return HttpResponse.response()
        .withStatusCode(status)
        .withHeader("Content-Type", mediaType)
        .withBody(body.toString());
  }

  static HttpResponse member(int status, String mediaType, JsonObject member) {
    JsonObject root = new JsonObject();
    root.add("member", member);
    return json(status, mediaType, root);
  }

  /** Platform errors: {@code {"error": {"message", "status"}}}. */
  static HttpResponse platformError(int status, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("message", message);
    error.addProperty("status", status);
    JsonObject root = new JsonObject();
    root.add("error", error);
    return json(status, PLATFORM_TYPE, root);
  }

  /** Nexus errors: {@code {"error": {"code", "message"}}}, as in MX's examples (4011 expired session). */
  static HttpResponse nexusError(int status, int code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    JsonObject root = new JsonObject();
    root.add("error", error);
    return json(status, NEXUS_TYPE, root);
  }
}
