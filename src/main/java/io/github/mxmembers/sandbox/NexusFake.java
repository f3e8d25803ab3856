package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/** The Nexus API's sessions and update member, and the SSO API-token call, as MX's pages describe them. */
final class NexusFake {
  static final Pattern MEMBER_PATH = Pattern.compile("^/members/([^/]+)$");
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
  HttpResponse readApiToken(HttpRequest request) {
    Matcher path = SSO_PATH.matcher(request.getPath().getValue());
    if (!path.matches() || !clientId.equals(path.group(1))) {
      return Replies.nexusError(404, 4040, "Not found");
    }
    if (!apiKey.equals(request.getFirstHeader("MD-API-KEY"))) {
      return Replies.nexusError(401, 4010, "Invalid API key");
    }
    String userGuid = state.userGuid(path.group(2));
    if (userGuid == null) {
      return Replies.nexusError(404, 4040, "User not found");
    }
    JsonObject user = new JsonObject();
    user.addProperty("api_token", state.issueApiToken(userGuid));
    JsonObject root = new JsonObject();
    root.add("user", user);
    return Replies.json(200, "application/vnd.moneydesktop.sso.v3", root);
  }

  /** {@code POST /sessions}: spends a one-time API token on a 30-minute sliding session. */
  HttpResponse createSession(HttpRequest request) {
    String token = state.openSession(request.getFirstHeader("MD-API-TOKEN"));
    if (token == null) {
      return Replies.nexusError(401, 4010, "Invalid, spent or expired API token");
    }
    JsonObject session = new JsonObject();
    session.addProperty("token", token);
    JsonObject root = new JsonObject();
    root.add("session", session);
    return Replies.json(200, Replies.NEXUS_TYPE, root);
  }

  /** {@code PUT /members/{member_guid}}. */
  HttpResponse updateMember(HttpRequest request) {
    if (!request.getFirstHeader("Content-Type").startsWith(Replies.NEXUS_TYPE)) {
      return Replies.nexusError(415, 4150, "Content-Type must be " + Replies.NEXUS_TYPE);
    }
    if (!request.getFirstHeader("Accept").contains(Replies.NEXUS_TYPE)) {
      return Replies.nexusError(406, 4060, "Accept must be " + Replies.NEXUS_TYPE);
    }
    Matcher path = MEMBER_PATH.matcher(request.getPath().getValue());
    synchronized (state) {
      SandboxState.SessionState session = state.session(request.getFirstHeader("MD-SESSION-TOKEN"));
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
      JsonObject changes = changes(request.getBodyAsString());
      if (changes == null) {
        return Replies.nexusError(400, 4001, "Required params missing");
      }
      if (changes.has("metadata")) {
        member.add("metadata", changes.get("metadata").deepCopy());
      }
      JsonArray credentials = changes.has("credentials") ? changes.getAsJsonArray("credentials") : null;
      boolean skip = changes.has("skip_aggregation") && changes.get("skip_aggregation").getAsBoolean();
      SandboxState.applyCredentials(member, credentials, skip, state.now());
      boolean skipWebhook =
          "true".equals(request.getFirstHeader("MX-Skip-Webhook"))
              || "true".equals(request.getFirstQueryStringParameter("skip_webhook"));
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
