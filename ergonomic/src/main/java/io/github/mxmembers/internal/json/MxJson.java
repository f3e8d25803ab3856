package io.github.mxmembers.internal.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.client.Page;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.RequiredCredential;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one reader of MX's JSON, on both APIs: typed values out of an object as MX sent it, by the
 * field names the generated models and MX's pages give, and the lists of the calls around the update
 * (required credentials, challenges, their paging), which both APIs name alike
 * ({@code WorkflowWireFormatTest} pins them against the generated models). A field that is absent or
 * null reads as null; one of another type than the spec's (a number where a string is due, or the
 * reverse) is a {@link JsonParseException} naming the field, never its value. Everything MX sent stays
 * in the object, so a field MX adds is kept and a challenge type it adds is not dropped.
 */
@InternalApi
public final class MxJson {
  private final JsonObject json;

  private MxJson(JsonObject json) {
    this.json = json;
  }

  /**
   * The object under {@code field} of a response body, such as its {@code member}.
   *
   * @throws JsonParseException if the body has no such object
   */
  public static MxJson rooted(JsonObject body, String field) {
    JsonElement object = body == null ? null : body.get(field);
    if (object == null || !object.isJsonObject()) {
      throw new JsonParseException("the body has no " + field + " object");
    }
    return new MxJson(object.getAsJsonObject());
  }

  /** {@return the object as MX sent it} */
  public JsonObject json() {
    return json;
  }

  public String string(String name) {
    JsonPrimitive value = primitive(name);
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      throw new JsonParseException(name + ": expected a string");
    }
    return value.getAsString();
  }

  /**
   * A field MX sends as a string on one API and a number on the other (a credential's {@code
   * field_type}): as written; null when absent or null.
   *
   * @throws JsonParseException if it is neither a string nor a number
   */
  public String stringOrNumber(String name) {
    JsonPrimitive value = primitive(name);
    if (value == null) {
      return null;
    }
    if (!value.isString() && !value.isNumber()) {
      throw new JsonParseException(name + ": expected a string or a number");
    }
    return value.getAsString();
  }

  /** @throws JsonParseException if the string is absent or null */
  public String required(String name) {
    String value = string(name);
    if (value == null) {
      throw new JsonParseException("an entry without a " + name);
    }
    return value;
  }

  public Boolean bool(String name) {
    JsonPrimitive value = primitive(name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new JsonParseException(name + ": expected true or false");
    }
    return value.getAsBoolean();
  }

  public Integer integer(String name) {
    JsonPrimitive value = primitive(name);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw new JsonParseException(name + ": expected a number");
    }
    try {
      return value.getAsBigDecimal().intValueExact();
    } catch (ArithmeticException e) {
      throw new JsonParseException(name + ": expected a whole number");
    }
  }

  /** An array of strings, unmodifiable. */
  public List<String> strings(String name) {
    JsonArray array = array(name);
    if (array == null) {
      return null;
    }
    List<String> strings = new ArrayList<>(array.size());
    for (JsonElement element : array) {
      if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
        throw new JsonParseException(name + ": expected an array of strings");
      }
      strings.add(element.getAsString());
    }
    return Collections.unmodifiableList(strings);
  }

  /** An array of objects; empty when absent or null. */
  public List<MxJson> objects(String name) {
    JsonArray array = array(name);
    if (array == null) {
      return List.of();
    }
    List<MxJson> objects = new ArrayList<>(array.size());
    for (JsonElement each : array) {
      if (!each.isJsonObject()) {
        throw new JsonParseException(name + ": expected an array of objects");
      }
      objects.add(new MxJson(each.getAsJsonObject()));
    }
    return objects;
  }

  public boolean has(String name) {
    return json.has(name);
  }

  private JsonArray array(String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonArray()) {
      throw new JsonParseException(name + ": expected an array");
    }
    return value.getAsJsonArray();
  }

  private JsonPrimitive primitive(String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive()) {
      throw new JsonParseException(name + ": expected a single value");
    }
    return value.getAsJsonPrimitive();
  }

  // ---- the lists of the calls around the update

  /**
   * A page of required credentials: {@code {"credentials": [...], "pagination": {...}}}.
   *
   * @param typeField the field that names the credential's type: {@code type} on Platform, {@code
   *     field_type_name} on Nexus
   */
  public static Page<RequiredCredential> credentials(JsonObject body, String typeField) {
    MxJson page = rooted(body);
    List<RequiredCredential> credentials = new ArrayList<>();
    for (MxJson credential : page.objects("credentials")) {
      credentials.add(
          RequiredCredential.builder(credential.required("guid"))
              .label(credential.string("label"))
              .fieldName(credential.string("field_name"))
              .type(credential.string(typeField))
              .fieldType(credential.stringOrNumber("field_type"))
              .displayOrder(credential.integer("display_order"))
              .build());
    }
    return new Page<>(credentials, page.isLast(credentials.size()));
  }

  /**
   * A page of challenges: {@code {"challenges": [...]}}, or the {@code member} array MX's Nexus schema
   * names; a body with neither, or none at all (204), holds none.
   */
  public static Page<Challenge> challenges(JsonObject body) {
    if (body == null) {
      return new Page<>(List.of(), true);
    }
    MxJson page = rooted(body);
    String field = page.has("challenges") || !page.has("member") ? "challenges" : "member";
    List<Challenge> challenges = new ArrayList<>();
    for (MxJson challenge : page.objects(field)) {
      challenges.add(challenge.challenge());
    }
    return new Page<>(challenges, page.isLast(challenges.size()));
  }

  /** This object as one challenge. */
  private Challenge challenge() {
    List<Challenge.Option> options = new ArrayList<>();
    for (MxJson option : objects("options")) {
      options.add(option.option().build());
    }
    List<Challenge.Option> imageOptions = new ArrayList<>();
    for (MxJson option : objects("image_options")) {
      imageOptions.add(option.option().dataUri(option.string("data_uri")).build());
    }
    return Challenge.builder(required("guid"))
        .label(string("label"))
        .fieldName(string("field_name"))
        .type(string("type"))
        .options(options)
        .imageData(string("image_data"))
        .imageOptions(imageOptions)
        .build();
  }

  private Challenge.Option.Builder option() {
    return Challenge.Option.builder().label(string("label")).value(string("value")).guid(string("guid"));
  }

  private static MxJson rooted(JsonObject body) {
    if (body == null) {
      throw new JsonParseException("no body");
    }
    return new MxJson(body);
  }

  /**
   * Whether this page is the list's last: its pagination's {@code current_page} has reached {@code
   * total_pages}, or there is no pagination (the whole list in one answer), or the page is empty.
   */
  private boolean isLast(int count) {
    JsonElement pagination = json.get("pagination");
    if (count == 0 || pagination == null || !pagination.isJsonObject()) {
      return true;
    }
    MxJson paging = new MxJson(pagination.getAsJsonObject());
    Integer current = paging.integer("current_page");
    Integer total = paging.integer("total_pages");
    return current == null || total == null || current >= total;
  }
}
