package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Nexus API's sessions and update member, and the SSO API-token call, as MX's pages describe them. */
final class NexusFake {
  static final Pattern MEMBER_PATH = Pattern.compile("^/members/([^/]+)$");
  static final String SSO_TYPE = "application/vnd.moneydesktop.sso.v3";
  static final Pattern SSO_PATH = Pattern.compile("^/([^/]+)/users/([^/]+)/api_token\\.json$");

  private final SandboxState state;
  private final String clientId;
  private final String apiKey;

  NexusFake(SandboxState state, String clientId, String apiKey) {
    this.state = state;
    this.clientId = clientId;
    this.apiKey = apiKey;
  }

  /** SSO API v3: {@code GET /{client_id}/users/{id}/api_token.json} with {@code MD-API-KEY}. */
  Reply readApiToken(RecordedRequest request) {
    Matcher path = SSO_PATH.matcher(request.path());
    if (!path.matches() || !clientId.equals(path.group(1))) {
      return Replies.nexusError(404, 4040, "Not found");
    }
    if (!apiKey.equals(request.header("MD-API-KEY").orElse(null))) {
      return Replies.nexusError(401, 4010, "Invalid API key");
    }
    if (!Replies.accepts(request.header("Accept").orElse(null), SSO_TYPE)) {
      return Replies.nexusError(406, 4060, "Accept must be " + SSO_TYPE);
    }
    String userGuid = state.userGuid(path.group(2));
    if (userGuid == null) {
      return Replies.nexusError(404, 4040, "User not found");
    }
    JsonObject user = new JsonObject();
    user.addProperty("api_token", state.issueApiToken(userGuid));
    JsonObject root = new JsonObject();
    root.add("user", user);
    return Replies.json(200, SSO_TYPE, root);
  }

  /**
   * {@code POST /sessions}: spends a one-time API token on a 30-minute sliding session. Opening it
   * starts an aggregation of the user's members unless the body asks not to: {@code
   * {"skip_aggregation": true}}, taken at the top level or under a {@code session} root (MX's pages
   * show no schema, so the sandbox confirms neither reading over the other); no body, {@code {}},
   * or anything else aggregates.
   */
  Reply createSession(RecordedRequest request) {
    if (!Replies.accepts(request.header("Accept").orElse(null), Replies.NEXUS_TYPE)) {
      return Replies.nexusError(406, 4060, "Accept must be " + Replies.NEXUS_TYPE);
    }
    String token = state.openSession(request.header("MD-API-TOKEN").orElse(null), skipsAggregation(request.body()));
    if (token == null) {
      return Replies.nexusError(401, 4010, "Invalid, spent or expired API token");
    }
    JsonObject session = new JsonObject();
    session.addProperty("token", token);
    JsonObject root = new JsonObject();
    root.add("session", session);
    return Replies.json(200, Replies.NEXUS_TYPE, root);
  }

  private static boolean skipsAggregation(String body) {
    if (body == null || body.isBlank()) {
      return false;
    }
    try {
      JsonElement root = JsonParser.parseString(body);
      if (!root.isJsonObject()) {
        return false;
      }
      JsonObject object = root.getAsJsonObject();
      if (object.has("session") && object.get("session").isJsonObject()) {
        object = object.getAsJsonObject("session");
      }
      JsonElement skip = object.get("skip_aggregation");
      return skip != null && skip.isJsonPrimitive() && skip.getAsJsonPrimitive().isBoolean() && skip.getAsBoolean();
    } catch (JsonParseException e) {
      return false;
    }
  }

  /** {@code PUT /members/{member_guid}}. */
  Reply updateMember(RecordedRequest request) {
    if (!Replies.isMediaType(request.header("Content-Type").orElse(null), Replies.NEXUS_TYPE)) {
      return Replies.nexusError(415, 4150, "Content-Type must be " + Replies.NEXUS_TYPE);
    }
    if (!Replies.accepts(request.header("Accept").orElse(null), Replies.NEXUS_TYPE)) {
      return Replies.nexusError(406, 4060, "Accept must be " + Replies.NEXUS_TYPE);
    }
    Matcher path = MEMBER_PATH.matcher(request.path());
    synchronized (state) {
      SandboxState.SessionState session = state.session(request.header("MD-SESSION-TOKEN").orElse(null));
      if (session == null) {
        return Replies.nexusError(401, 4010, "Invalid session token");
      }
      if (session.expiredAt(state.now())) {
        return Replies.nexusError(401, 4011, "Session expired");
      }
      session.lastUsed = state.now();
      JsonObject member = path.matches() ? state.nexusMember(path.group(1)) : null;
      if (member == null || !session.userGuid.equals(SandboxState.text(member, "user_guid"))) {
        return Replies.nexusError(404, 4040, "Member not found");
      }
      JsonObject changes = changes(request.body());
      if (changes == null) {
        return Replies.nexusError(400, 4001, "Required params missing");
      }
      JsonArray credentials = changes.has("credentials") ? SandboxState.credentials(changes.get("credentials")) : null;
      if (changes.has("credentials") && credentials == null) {
        return Replies.nexusError(400, 4000, "credentials must be an array of {guid, value}");
      }
      if (credentials != null && !state.knowsCredentials(path.group(1), credentials)) {
        return Replies.nexusError(422, 4220, "A credential guid does not belong to this member");
      }
      if (changes.has("metadata")) {
        member.add("metadata", changes.get("metadata").deepCopy());
      }
      boolean skip = changes.has("skip_aggregation") && changes.get("skip_aggregation").getAsBoolean();
      state.applyCredentials(member, credentials, skip);
      boolean skipWebhook =
          "true".equals(request.header("MX-Skip-Webhook").orElse(null))
              || "true".equals(request.queryParameter("skip_webhook").orElse(null));
      if (!skipWebhook) {
        state.recordWebhook(path.group(1), null);
      }
      return Replies.member(200, Replies.NEXUS_TYPE, member.deepCopy());
    }
  }

  /** The rooted body, or the legacy non-rooted one MX still accepts; null when it changes nothing. */
  private static JsonObject changes(String body) {
    JsonObject rooted = PlatformFake.changes(body);
    if (rooted != null) {
      return rooted;
    }
    try {
      JsonElement root = JsonParser.parseString(body);
      if (root.isJsonObject() && !root.getAsJsonObject().has("member") && root.getAsJsonObject().size() > 0) {
        return root.getAsJsonObject();
      }
    } catch (JsonParseException e) {
      // not JSON: nothing to apply
    }
    return null;
  }
}
