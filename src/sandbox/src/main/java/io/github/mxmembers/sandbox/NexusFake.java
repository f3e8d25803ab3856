package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mxmembers.MxApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Nexus API, as MX's v1 reference pages and notes describe it: the SSO API's one-time API token,
 * sessions, update member and the calls around it (the member, its required credentials at the
 * singular {@code /member/} path, challenges, resume). The media type and, for every member call, the
 * session ({@code MD-SESSION-TOKEN}: 4010 unknown, 4011 expired after 30 idle minutes) are checked
 * once.
 */
final class NexusFake {
  static final String SSO_TYPE = "application/vnd.moneydesktop.sso.v3";
  static final Pattern SSO_PATH = Pattern.compile("^/([^/]+)/users/([^/]+)/api_token\\.json$");
  /** {@code /members/{guid}}, {@code /members/{guid}/challenges|resume}, and {@code /member/{guid}/credentials}. */
  static final Pattern MEMBER_PATH = Pattern.compile("^/members/([^/]+)(?:/(challenges|resume))?$|^/member/([^/]+)/(credentials)$");

  private final SandboxState state;
  private final String clientId;
  private final String apiKey;

  NexusFake(SandboxState state, String clientId, String apiKey) {
    this.state = state;
    this.clientId = clientId;
    this.apiKey = apiKey;
  }

  /** Whether the request is one of the Nexus API's (or the SSO API's). */
  static boolean handles(String method, String path) {
    if (path.equals("/sessions")) {
      return method.equals("POST");
    }
    if (SSO_PATH.matcher(path).matches()) {
      return method.equals("GET");
    }
    Matcher call = MEMBER_PATH.matcher(path);
    if (!call.matches()) {
      return false;
    }
    if (call.group(4) != null) {
      return method.equals("GET"); // the member's credentials
    }
    if (call.group(2) == null) {
      return method.equals("PUT") || method.equals("GET"); // update member, read member
    }
    return method.equals(call.group(2).equals("resume") ? "PUT" : "GET");
  }

  Reply handle(RecordedRequest request) {
    if (SSO_PATH.matcher(request.path()).matches()) {
      return readApiToken(request);
    }
    if (!Replies.accepts(request.header("Accept").orElse(null), Replies.NEXUS_TYPE)) {
      return Replies.nexusError(406, 4060, "Accept must be " + Replies.NEXUS_TYPE);
    }
    if (request.path().equals("/sessions")) {
      return createSession(request);
    }
    if (request.method().equals("PUT") && !Replies.isMediaType(request.header("Content-Type").orElse(null), Replies.NEXUS_TYPE)) {
      return Replies.nexusError(415, 4150, "Content-Type must be " + Replies.NEXUS_TYPE);
    }
    Matcher path = MEMBER_PATH.matcher(request.path());
    path.matches();
    String guid = path.group(1) != null ? path.group(1) : path.group(3);
    String call = path.group(2) != null ? path.group(2) : path.group(4) != null ? path.group(4) : request.method().equals("PUT") ? "update" : "member";
    synchronized (state) {
      String user = state.sessionUser(request.header("MD-SESSION-TOKEN").orElse(null));
      if (user == null) {
        return Replies.nexusError(401, 4010, "Invalid session token");
      }
      if (user.equals(SandboxState.EXPIRED)) {
        return Replies.nexusError(401, 4011, "Session expired");
      }
      SandboxMember member = state.member(guid);
      if (member == null || !user.equals(member.userGuid)) {
        return Replies.nexusError(404, 4040, "Member not found");
      }
      switch (call) {
        case "update":
          return update(request, member);
        case "credentials":
          return Replies.page(request, MxBank.requiredCredentials("field_type_name"), "credentials", Replies.NEXUS_TYPE);
        case "member":
          return Replies.json(200, Replies.NEXUS_TYPE, Replies.rooted("member", member.view(MxApi.NEXUS)));
        case "challenges":
          JsonArray asked = state.challengesOf(member);
          return asked == null ? Replies.noContent(Replies.NEXUS_TYPE) : Replies.page(request, asked, "challenges", Replies.NEXUS_TYPE);
        default:
          JsonObject body = Replies.object(request.body());
          return Replies.resume(state, member, body == null ? null : body.get("challenges"), MxApi.NEXUS, 200);
      }
    }
  }

  private Reply readApiToken(RecordedRequest request) {
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
    return Replies.json(200, SSO_TYPE, Replies.rooted("user", user));
  }

  private Reply createSession(RecordedRequest request) {
    String token = state.openSession(request.header("MD-API-TOKEN").orElse(null), skipsAggregation(request.body()));
    if (token == null) {
      return Replies.nexusError(401, 4010, "Invalid, spent or expired API token");
    }
    JsonObject session = new JsonObject();
    session.addProperty("token", token);
    return Replies.json(200, Replies.NEXUS_TYPE, Replies.rooted("session", session));
  }

  /**
   * Whether the session's body asks for no aggregation: MX shows no schema, so both readings are
   * taken, {@code skip_aggregation} at the top level and under {@code session}; a boolean true only.
   */
  private static boolean skipsAggregation(String body) {
    JsonObject object = Replies.object(body);
    if (object == null) {
      return false;
    }
    if (object.has("session") && object.get("session").isJsonObject()) {
      object = object.getAsJsonObject("session");
    }
    JsonElement skip = object.get("skip_aggregation");
    return skip != null && skip.isJsonPrimitive() && skip.getAsJsonPrimitive().isBoolean() && skip.getAsBoolean();
  }

  /** Update member: rooted in {@code member} or at the top level, as MX's Nexus page shows both. */
  private Reply update(RecordedRequest request, SandboxMember member) {
    JsonObject changes = changes(request.body());
    if (changes == null) {
      return Replies.nexusError(400, 4001, "Required params missing");
    }
    JsonArray credentials = changes.has("credentials") ? SandboxState.credentials(changes.get("credentials")) : null;
    if (changes.has("credentials") && credentials == null) {
      return Replies.nexusError(400, 4000, "credentials must be an array of {guid, value}");
    }
    if (credentials != null && !SandboxState.knowsCredentials(member, credentials)) {
      return Replies.nexusError(422, 4220, "A credential guid does not belong to this member");
    }
    Map<String, JsonElement> fields = new LinkedHashMap<>();
    if (changes.has("metadata")) {
      fields.put("metadata", changes.get("metadata"));
    }
    JsonElement skip = changes.get("skip_aggregation");
    boolean skipAggregation = skip != null && skip.isJsonPrimitive() && skip.getAsJsonPrimitive().isBoolean() && skip.getAsBoolean();
    // MX documents the header and a skip_webhook "parameter in a request body", shown inside the
    // resource's root; the query form is taken as well (webhook-facts.md §5b: each plausible reading)
    JsonElement skipInBody = changes.get("skip_webhook");
    boolean skipWebhook =
        "true".equals(request.header("MX-Skip-Webhook").orElse(null))
            || "true".equals(request.queryParameter("skip_webhook").orElse(null))
            || (skipInBody != null && skipInBody.isJsonPrimitive() && "true".equals(skipInBody.getAsString()));
    state.update(member, MxApi.NEXUS, fields, credentials, skipAggregation, null, skipWebhook);
    return Replies.json(200, Replies.NEXUS_TYPE, Replies.rooted("member", member.view(MxApi.NEXUS)));
  }

  private static JsonObject changes(String body) {
    JsonObject rooted = Replies.rootedChanges(body);
    if (rooted != null) {
      return rooted;
    }
    JsonObject root = Replies.object(body);
    return root != null && !root.has("member") && root.size() > 0 ? root : null;
  }
}
