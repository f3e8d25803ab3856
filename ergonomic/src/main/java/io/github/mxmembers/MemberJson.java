package io.github.mxmembers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads typed values out of a member's JSON as MX sent it, by the field names the generated models
 * give. A field that is absent or null reads as null; one of another type than the spec's is an
 * error naming the field, never its value.
 */
final class MemberJson {
  private final JsonObject json;

  private MemberJson(JsonObject json) {
    this.json = json;
  }

  /** The {@code member} object of a response body. */
  static MemberJson of(JsonObject body, String memberField) {
    JsonElement member = body.get(memberField);
    if (member == null || !member.isJsonObject()) {
      throw new JsonParseException("the body has no " + memberField + " object");
    }
    return new MemberJson(member.getAsJsonObject());
  }

  JsonObject json() {
    return json;
  }

  String string(String name) {
    JsonPrimitive value = primitive(name);
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      throw new JsonParseException(name + ": expected a string");
    }
    return value.getAsString();
  }

  Boolean bool(String name) {
    JsonPrimitive value = primitive(name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new JsonParseException(name + ": expected true or false");
    }
    return value.getAsBoolean();
  }

  /** An array of strings, unmodifiable. */
  List<String> strings(String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonArray()) {
      throw new JsonParseException(name + ": expected an array");
    }
    JsonArray array = value.getAsJsonArray();
    List<String> strings = new ArrayList<>(array.size());
    for (JsonElement element : array) {
      if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
        throw new JsonParseException(name + ": expected an array of strings");
      }
      strings.add(element.getAsString());
    }
    return Collections.unmodifiableList(strings);
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
}
