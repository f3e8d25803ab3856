package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * MX Bank, MX's test institution, as its page describes it: the password a member is updated with
 * decides how the aggregation ends. Any value not listed connects; {@code challenge}, {@code options}
 * and {@code image} challenge the member (a text, an options and an image challenge) and an answer of
 * {@code correct} then connects it while anything else is rejected; {@code BAD_REQUEST} fails. As
 * MX's older Atrium page has it, answering {@code challenge} is a correct answer that brings a
 * follow-up challenge (a second round). MX's page says "type IMAGE"; the sandbox asks an {@code
 * IMAGE_DATA} challenge, one of the two image types MX's API has.
 */
final class MxBank {
  private MxBank() {}

  /** The password that ends an aggregation CHALLENGED with a text, an options or an image challenge. */
  static boolean challenges(String password) {
    return "challenge".equals(password) || "options".equals(password) || "image".equals(password);
  }

  /** How an aggregation started with this password ends: FAILED, CHALLENGED or CONNECTED. */
  static String endOf(String password) {
    if ("BAD_REQUEST".equals(password)) {
      return "FAILED";
    }
    return challenges(password) ? "CHALLENGED" : "CONNECTED";
  }

  /**
   * The challenge this password asks in this round (from 1), as MX's list member challenges call
   * gives it; its guid names the type and the round, so that scripts can answer it.
   */
  static JsonArray challengeFor(String password, int round) {
    JsonObject challenge = new JsonObject();
    String kind = password.equals("options") || password.equals("image") ? password : "text";
    challenge.addProperty("guid", "CRD-mxbank-" + kind + "-" + round);
    switch (password) {
      case "options":
        challenge.addProperty("type", "OPTIONS");
        challenge.addProperty("label", "Which of these is correct?");
        challenge.addProperty("field_name", "options");
        JsonArray options = new JsonArray();
        for (String value : new String[] {"correct", "incorrect"}) {
          JsonObject option = new JsonObject();
          option.addProperty("label", value);
          option.addProperty("value", value);
          options.add(option);
        }
        challenge.add("options", options);
        break;
      case "image":
        challenge.addProperty("type", "IMAGE_DATA");
        challenge.addProperty("label", "What is in this image?");
        challenge.addProperty("field_name", "image");
        // a 1x1 transparent PNG
        challenge.addProperty("image_data", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
        break;
      default:
        challenge.addProperty("type", "TEXT");
        challenge.addProperty("label", "What city were you born in?");
        challenge.addProperty("field_name", "What city were you born in?");
    }
    JsonArray challenges = new JsonArray();
    challenges.add(challenge);
    return challenges;
  }

  /**
   * How the aggregation a resume starts ends: every answer {@code correct} connects, an answer
   * {@code challenge} (with the others correct) asks another round, anything else is rejected.
   */
  static String endOfResume(JsonArray answers) {
    boolean anotherRound = false;
    for (JsonElement answer : answers) {
      String value = answer.getAsJsonObject().get("value").getAsString();
      if (value.equals("challenge")) {
        anotherRound = true;
      } else if (!value.equals("correct")) {
        return "REJECTED";
      }
    }
    return anotherRound ? "CHALLENGED" : "CONNECTED";
  }

  /**
   * What MX Bank asks for to update a member: its password, as list member credentials gives it.
   *
   * @param typeField the field naming the credential's type: {@code type} on Platform, {@code
   *     field_type_name} on Nexus
   */
  static JsonArray requiredCredentials(String typeField) {
    JsonObject credential = new JsonObject();
    credential.addProperty("guid", MxSandbox.CREDENTIAL_GUID);
    credential.addProperty("label", "Password");
    credential.addProperty("field_name", "password");
    credential.addProperty(typeField, "PASSWORD");
    if (typeField.equals("type")) {
      // the kind of input on Platform (an assumption: MX's pages list no values); Nexus's is a
      // number whose meaning for a password no page gives, so none is sent there
      credential.addProperty("field_type", "PASSWORD");
    }
    credential.addProperty("display_order", 1);
    JsonArray credentials = new JsonArray();
    credentials.add(credential);
    return credentials;
  }
}
