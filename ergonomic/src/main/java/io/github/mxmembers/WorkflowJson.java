package io.github.mxmembers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the answers of the calls around the update, on both APIs, by the field names MX's pages give
 * (both APIs name them alike; WorkflowWireFormatTest pins them against the generated models): the
 * credentials a member needs, its challenges, and the paging of both lists. Bodies are read as MX
 * sent them, so a field MX adds is kept in the raw JSON and a challenge type it adds is not dropped.
 */
final class WorkflowJson {
  private WorkflowJson() {}

  /**
   * A page of required credentials: {@code {"credentials": [...], "pagination": {...}}}.
   *
   * @param typeField the field that names the credential's type: {@code type} on Platform,
   *     {@code field_type_name} on Nexus
   * @throws JsonParseException if the body is not that shape
   */
  static Page<RequiredCredential> credentials(JsonObject body, String typeField) {
    List<RequiredCredential> credentials = new ArrayList<>();
    for (JsonObject credential : objects(body, "credentials")) {
      credentials.add(
          new RequiredCredential(
              required(credential, "guid"),
              string(credential, "label"),
              string(credential, "field_name"),
              string(credential, typeField),
              integer(credential, "display_order")));
    }
    return new Page<>(credentials, last(body, credentials.size()));
  }

  /**
   * A page of challenges: {@code {"challenges": [...]}}, or the {@code member} array MX's Nexus
   * schema names; a body with neither, or none at all (204), holds none.
   *
   * @throws JsonParseException if the body is not that shape
   */
  static Page<Challenge> challenges(JsonObject body) {
    if (body == null) {
      return new Page<>(List.of(), true);
    }
    String field = body.has("challenges") || !body.has("member") ? "challenges" : "member";
    List<Challenge> challenges = new ArrayList<>();
    for (JsonObject challenge : objects(body, field)) {
      challenges.add(challenge(challenge));
    }
    return new Page<>(challenges, last(body, challenges.size()));
  }

  /** One challenge object. */
  static Challenge challenge(JsonObject challenge) {
    List<Challenge.Option> options = new ArrayList<>();
    for (JsonObject option : objects(challenge, "options")) {
      options.add(new Challenge.Option(string(option, "label"), string(option, "value"), string(option, "guid"), null));
    }
    List<Challenge.Option> imageOptions = new ArrayList<>();
    for (JsonObject option : objects(challenge, "image_options")) {
      imageOptions.add(
          new Challenge.Option(string(option, "label"), string(option, "value"), string(option, "guid"), string(option, "data_uri")));
    }
    return new Challenge(
        required(challenge, "guid"),
        string(challenge, "label"),
        string(challenge, "field_name"),
        string(challenge, "type"),
        options,
        string(challenge, "image_data"),
        imageOptions);
  }

  /** The challenges a Platform status body carries, if any. */
  static List<Challenge> challengesIn(JsonObject member) {
    List<Challenge> challenges = new ArrayList<>();
    for (JsonObject challenge : objects(member, "challenges")) {
      challenges.add(challenge(challenge));
    }
    return challenges;
  }

  /**
   * Whether this page is the list's last: its pagination's {@code current_page} has reached {@code
   * total_pages}, or there is no pagination (the whole list in one answer), or the page is empty.
   */
  private static boolean last(JsonObject body, int count) {
    JsonElement pagination = body.get("pagination");
    if (count == 0 || pagination == null || !pagination.isJsonObject()) {
      return true;
    }
    Integer current = integer(pagination.getAsJsonObject(), "current_page");
    Integer total = integer(pagination.getAsJsonObject(), "total_pages");
    return current == null || total == null || current >= total;
  }

  private static List<JsonObject> objects(JsonObject body, String name) {
    JsonElement value = body.get(name);
    if (value == null || value.isJsonNull()) {
      return List.of();
    }
    if (!value.isJsonArray()) {
      throw new JsonParseException(name + " is not an array");
    }
    JsonArray array = value.getAsJsonArray();
    List<JsonObject> objects = new ArrayList<>(array.size());
    for (JsonElement each : array) {
      if (!each.isJsonObject()) {
        throw new JsonParseException(name + " holds something other than objects");
      }
      objects.add(each.getAsJsonObject());
    }
    return objects;
  }

  private static String required(JsonObject object, String name) {
    String value = string(object, name);
    if (value == null) {
      throw new JsonParseException("an entry without a " + name);
    }
    return value;
  }

  private static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive()) {
      throw new JsonParseException(name + " is not a string");
    }
    return value.getAsString();
  }

  private static Integer integer(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    try {
      return value.getAsInt();
    } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
      throw new JsonParseException(name + " is not a number");
    }
  }
}
