package io.github.mxmembers.internal.webhook;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.mxmembers.annotations.InternalApi;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads a webhook body, and its fields leniently. Unlike the API's responses (read strictly by {@code
 * MxJson}), MX's webhook payloads "may contain null values or include unexpected new fields", its
 * pages type the same field as a number in one place and a string in another (a connection status
 * id; an epoch second against an ISO-8601 time), and MX re-sends a payload a receiver refused (MX's
 * Webhooks page, Best Practices): so a field of an unexpected type reads as absent here, never as an
 * error, and the raw JSON keeps it.
 */
@InternalApi
public final class WebhookJson {
  private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

  private WebhookJson() {}

  /**
   * The body as a JSON object: strict UTF-8, strict JSON (RFC 8259), one object and nothing after.
   *
   * @return the object and the text it was read from
   * @throws IllegalArgumentException saying what is wrong, never quoting the body
   */
  public static Map.Entry<String, JsonObject> object(byte[] body) {
    if (body.length == 0) {
      throw new IllegalArgumentException("the body is empty; MX sends a JSON object");
    }
    String text = utf8(body);
    if (text == null) {
      throw new IllegalArgumentException("the body is not UTF-8 (" + body.length + " bytes)");
    }
    JsonElement element;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      element = ELEMENTS.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("the body has more after its JSON value (" + body.length + " bytes)");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)) {
        throw (IllegalArgumentException) e;
      }
      // Gson's messages quote the text near the fault: keep the body out of ours
      throw new IllegalArgumentException("the body is not JSON (" + body.length + " bytes)");
    }
    if (element == null || !element.isJsonObject()) {
      throw new IllegalArgumentException(
          "the body is JSON but not an object (" + kind(element) + "); MX sends a JSON object");
    }
    return Map.entry(text, element.getAsJsonObject());
  }

  /** {@return the bytes as strict UTF-8; null when they are not} */
  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }

  private static String kind(JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return "null";
    }
    if (element.isJsonArray()) {
      return "an array";
    }
    JsonPrimitive primitive = element.getAsJsonPrimitive();
    return primitive.isNumber() ? "a number" : primitive.isBoolean() ? "a boolean" : "a string";
  }

  /** The object under {@code name}, or null when it is absent or not an object. */
  public static JsonObject object(JsonObject body, String name) {
    JsonElement value = body.get(name);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
  }

  /** A string, or a number or boolean as written; null for anything else. */
  public static String text(JsonObject body, String name) {
    JsonElement value = body == null ? null : body.get(name);
    if (value == null || !value.isJsonPrimitive()) {
      return null;
    }
    return value.getAsJsonPrimitive().getAsString();
  }

  /** A whole number, written as a number or as a string of digits; empty for anything else. */
  public static OptionalLong number(JsonObject body, String name) {
    String text = text(body, name);
    if (text == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      try {
        java.math.BigDecimal decimal = new java.math.BigDecimal(text.trim());
        return OptionalLong.of(decimal.longValueExact());
      } catch (NumberFormatException | ArithmeticException notWhole) {
        return OptionalLong.empty();
      }
    }
  }

  /** An int, as {@link #number} reads it; empty for one out of an int's range. */
  public static java.util.OptionalInt integer(JsonObject body, String name) {
    OptionalLong value = number(body, name);
    return value.isPresent() && value.getAsLong() == (int) value.getAsLong()
        ? java.util.OptionalInt.of((int) value.getAsLong())
        : java.util.OptionalInt.empty();
  }

  /** A boolean, written as one or as the string {@code true}/{@code false}; empty otherwise. */
  public static Optional<Boolean> bool(JsonObject body, String name) {
    String text = text(body, name);
    if ("true".equalsIgnoreCase(text)) {
      return Optional.of(true);
    }
    if ("false".equalsIgnoreCase(text)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /**
   * A time: Unix seconds (as MX's webhook pages type them, a number or a string of digits) or an
   * ISO-8601 instant (as the API's members have them); empty for anything else.
   */
  public static Optional<Instant> time(JsonObject body, String name) {
    OptionalLong seconds = number(body, name);
    if (seconds.isPresent()) {
      try {
        return Optional.of(Instant.ofEpochSecond(seconds.getAsLong()));
      } catch (java.time.DateTimeException outOfRange) {
        return Optional.empty();
      }
    }
    String text = text(body, name);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException neither) {
        return Optional.empty();
      }
    }
  }

  /** A date, {@code 2018-07-18}; empty for anything else. */
  public static Optional<LocalDate> date(JsonObject body, String name) {
    String text = text(body, name);
    try {
      return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The strings of an array, or one string as a list of one (MX's Verification page has both); empty otherwise. */
  public static List<String> texts(JsonObject body, String name) {
    JsonElement value = body.get(name);
    List<String> texts = new ArrayList<>();
    if (value != null && value.isJsonArray()) {
      for (JsonElement each : (JsonArray) value) {
        if (each.isJsonPrimitive()) {
          texts.add(each.getAsString());
        }
      }
    } else if (value != null && value.isJsonPrimitive()) {
      texts.add(value.getAsString());
    }
    return List.copyOf(texts);
  }

  /**
   * The object written canonically: keys sorted at every level, no white space, strings and numbers
   * as Gson writes them. Two bodies that differ only in the order of their fields or in white space
   * give the same text, as MX's re-sends do ("the order of fields isn't guaranteed").
   */
  public static String canonical(JsonElement element) {
    StringBuilder out = new StringBuilder();
    canonical(element, out);
    return out.toString();
  }

  private static void canonical(JsonElement element, StringBuilder out) {
    if (element.isJsonObject()) {
      TreeMap<String, JsonElement> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonElement> field : element.getAsJsonObject().entrySet()) {
        sorted.put(field.getKey(), field.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonElement> field : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(new JsonPrimitive(field.getKey())).append(':');
        canonical(field.getValue(), out);
      }
      out.append('}');
    } else if (element.isJsonArray()) {
      out.append('[');
      boolean first = true;
      for (JsonElement each : element.getAsJsonArray()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        canonical(each, out);
      }
      out.append(']');
    } else {
      out.append(element);
    }
  }
}
