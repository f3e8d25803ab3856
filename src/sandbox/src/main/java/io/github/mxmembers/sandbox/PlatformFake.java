package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mxmembers.PlatformApiVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The Platform API's update member, as MX's v20250224 reference page and notes describe it. */
final class PlatformFake {
  static final Pattern PATH = Pattern.compile("^/users/(.+)/members/([^/]+)$");
  /** The versions this build of the SDK speaks: others get 406, as MX answers an unknown version. */
  static final Set<String> VERSIONS =
      Arrays.stream(PlatformApiVersion.values()).map(PlatformApiVersion::value).collect(Collectors.toSet());

  private final SandboxState state;
  private final String expectedAuthorization;

  PlatformFake(SandboxState state, String clientId, String apiKey) {
    this.state = state;
    this.expectedAuthorization = basicAuthorization(clientId, apiKey);
  }

  /** The {@code Authorization} header the sandbox accepts on the Platform API. */
  static String basicAuthorization(String clientId, String apiKey) {
    return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
  }

  Reply updateMember(RecordedRequest request) {
    if (!expectedAuthorization.equals(request.header("Authorization").orElse(null))) {
      return Replies.platformError(401, "Unauthorized: Basic client_id:api_key expected");
    }
    if (!VERSIONS.contains(request.header("Accept-Version").orElse(""))) {
      return Replies.platformError(406, "Invalid or missing Accept-Version");
    }
    if (!Replies.accepts(request.header("Accept").orElse(null), Replies.PLATFORM_TYPE)) {
      return Replies.platformError(406, "Accept must allow application/json");
    }
    if (!Replies.isMediaType(request.header("Content-Type").orElse(null), Replies.PLATFORM_TYPE)) {
      return Replies.platformError(415, "Content-Type must be application/json");
    }
    String payload = request.header("X-CALLBACK-PAYLOAD").orElse(null);
    if (payload != null && !isBase64(payload)) {
      return Replies.platformError(400, "X-CALLBACK-PAYLOAD must be base64, 1 to 1024 characters");
    }
    Matcher path = PATH.matcher(request.path());
    if (!path.matches()) {
      return Replies.platformError(404, "Not found");
    }
    JsonObject changes = changes(request.body());
    if (changes == null) {
      return Replies.platformError(400, "The request body can't be empty");
    }
    JsonArray credentials = changes.has("credentials") ? SandboxState.credentials(changes.get("credentials")) : null;
    if (changes.has("credentials") && credentials == null) {
      return Replies.platformError(400, "credentials must be an array of {guid, value}");
    }
    synchronized (state) {
      String userGuid = state.userGuid(path.group(1));
      if (userGuid == null) {
        return Replies.platformError(404, "User not found");
      }
      JsonObject member = state.platformMember(userGuid, path.group(2));
      if (member == null) {
        return Replies.platformError(404, "Member not found");
      }
      for (String field : new String[] {"id", "metadata", "use_cases", "background_aggregation_is_disabled"}) {
        if (changes.has(field)) {
          member.add(field, changes.get(field).deepCopy());
        }
      }
      String memberGuid = SandboxState.text(member, "guid");
      if (credentials != null && !state.knowsCredentials(memberGuid, credentials)) {
        return Replies.platformError(422, "A credential guid does not belong to this member");
      }
      boolean alreadyRunning = state.applyCredentials(member, credentials, false);
      state.recordWebhook(memberGuid, payload);
      // 202: a job of the same type is already running
      int status = credentials != null && alreadyRunning ? 202 : 200;
      return Replies.member(status, Replies.PLATFORM_TYPE, member.deepCopy());
    }
  }

  /** The rooted {@code member} object, or null when the body is not JSON or changes nothing. */
  static JsonObject changes(String body) {
    try {
      JsonElement root = JsonParser.parseString(body);
      if (!root.isJsonObject()) {
        return null;
      }
      JsonElement member = root.getAsJsonObject().get("member");
      JsonObject changes = member != null && member.isJsonObject() ? member.getAsJsonObject() : null;
      return changes == null || changes.size() == 0 ? null : changes;
    } catch (JsonParseException e) {
      return null;
    }
  }

  private static boolean isBase64(String value) {
    if (value.isEmpty() || value.length() > 1024) {
      return false;
    }
    try {
      Base64.getDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
