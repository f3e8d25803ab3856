package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mxmembers.MxApi;
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

  /** {@code {"<field>": value}}. */
  static JsonObject rooted(String field, JsonElement value) {
    JsonObject root = new JsonObject();
    root.add(field, value);
    return root;
  }

  /** The body as a JSON object, or null when it is not one. */
  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonElement root = JsonParser.parseString(body);
      return root.isJsonObject() ? root.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      return null;
    }
  }

  /** An update body's rooted {@code member} object, or null when the body is not JSON or it changes nothing. */
  static JsonObject rootedChanges(String body) {
    JsonObject root = object(body);
    JsonElement member = root == null ? null : root.get("member");
    JsonObject changes = member != null && member.isJsonObject() ? member.getAsJsonObject() : null;
    return changes == null || changes.size() == 0 ? null : changes;
  }

  /**
   * One page of a list, as both APIs page theirs: {@code records_per_page} from 10 to 1000 (25
   * otherwise), {@code page} from 1, and the pagination MX adds.
   */
  static Reply page(RecordedRequest request, JsonArray all, String field, String mediaType) {
    int perPage = integer(request.queryParameter("records_per_page").orElse(null), 25);
    if (perPage < 10 || perPage > 1000) {
      perPage = 25;
    }
    int page = Math.max(1, integer(request.queryParameter("page").orElse(null), 1));
    int totalPages = Math.max(1, (all.size() + perPage - 1) / perPage);
    JsonArray items = new JsonArray();
    for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
      items.add(all.get(i).deepCopy());
    }
    JsonObject pagination = new JsonObject();
    pagination.addProperty("current_page", page);
    pagination.addProperty("per_page", perPage);
    pagination.addProperty("total_entries", all.size());
    pagination.addProperty("total_pages", totalPages);
    JsonObject root = rooted(field, items);
    root.add("pagination", pagination);
    return json(200, mediaType, root);
  }

  private static int integer(String text, int otherwise) {
    try {
      return text == null ? otherwise : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /**
   * Resume aggregation, on either API: 405 when the member is not challenged, 400 for answers of
   * another shape or to challenges it was not asked, else the member, resuming.
   */
  static Reply resume(SandboxState state, SandboxMember member, JsonElement answers, MxApi api, int status) {
    boolean nexus = api == MxApi.NEXUS;
    if (state.challengesOf(member) == null) {
      return nexus ? nexusError(405, 4050, "The member is not challenged") : platformError(405, "The member is not challenged");
    }
    JsonArray given = answers == null ? null : SandboxState.credentials(answers);
    String refused = given == null || given.isEmpty() ? "challenges must be an array of {guid, value}" : state.resume(member, given);
    if (refused != null) {
      return nexus ? nexusError(400, 4000, refused) : platformError(400, refused);
    }
    return json(status, nexus ? NEXUS_TYPE : PLATFORM_TYPE, rooted("member", member.view(api)));
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
