package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls around the update, on both APIs, as MX's pages describe them and MX Bank answers them:
 * the member's required credentials, its status (Platform) or the member (Nexus), its challenges
 * (204 when it is not challenged) and resume (405 when it is not challenged, 400 for answers to
 * challenges it was not asked). As strict as the update: Basic auth, {@code Accept-Version} and
 * {@code Accept} on Platform; the session token and the Nexus media type on Nexus.
 */
final class WorkflowFake {
  static final Pattern PLATFORM = Pattern.compile("^/users/([^/]+)/members/([^/]+)/(credentials|status|challenges|resume)$");
  static final Pattern NEXUS_CREDENTIALS = Pattern.compile("^/member/([^/]+)/credentials$");
  static final Pattern NEXUS = Pattern.compile("^/members/([^/]+)(/challenges|/resume)?$");

  private final SandboxState state;
  private final String expectedAuthorization;

  WorkflowFake(SandboxState state, String clientId, String apiKey) {
    this.state = state;
    this.expectedAuthorization = PlatformFake.basicAuthorization(clientId, apiKey);
  }

  /** Whether the request is one of these calls. */
  static boolean handles(String method, String path) {
    Matcher platform = PLATFORM.matcher(path);
    if (platform.matches()) {
      return method.equals(platform.group(3).equals("resume") ? "PUT" : "GET");
    }
    if (NEXUS_CREDENTIALS.matcher(path).matches()) {
      return method.equals("GET");
    }
    Matcher nexus = NEXUS.matcher(path);
    return nexus.matches() && method.equals("/resume".equals(nexus.group(2)) ? "PUT" : "GET");
  }

  Reply handle(RecordedRequest request) {
    Matcher platform = PLATFORM.matcher(request.path());
    return platform.matches() ? platform(request, platform.group(1), platform.group(2), platform.group(3)) : nexus(request);
  }

  private Reply platform(RecordedRequest request, String user, String memberId, String call) {
    if (!expectedAuthorization.equals(request.header("Authorization").orElse(null))) {
      return Replies.platformError(401, "Unauthorized: Basic client_id:api_key expected");
    }
    if (!PlatformFake.VERSIONS.contains(request.header("Accept-Version").orElse(""))) {
      return Replies.platformError(406, "Invalid or missing Accept-Version");
    }
    if (!Replies.accepts(request.header("Accept").orElse(null), Replies.PLATFORM_TYPE)) {
      return Replies.platformError(406, "Accept must allow application/json");
    }
    if (call.equals("resume") && !Replies.isMediaType(request.header("Content-Type").orElse(null), Replies.PLATFORM_TYPE)) {
      return Replies.platformError(415, "Content-Type must be application/json");
    }
    synchronized (state) {
      String userGuid = state.userGuid(user);
      JsonObject member = userGuid == null ? null : state.platformMember(userGuid, memberId);
      if (member == null) {
        return Replies.platformError(404, userGuid == null ? "User not found" : "Member not found");
      }
      switch (call) {
        case "credentials":
          return page(request, credentials(member, "type"), "credentials", Replies.PLATFORM_TYPE);
        case "status":
          return Replies.json(200, Replies.PLATFORM_TYPE, rooted(status(member)));
        case "challenges":
          JsonArray asked = state.challengesOf(member);
          return asked == null ? Replies.noContent(Replies.PLATFORM_TYPE) : page(request, asked, "challenges", Replies.PLATFORM_TYPE);
        default:
          JsonObject body = object(request.body());
          JsonElement challenges = body == null || !body.has("member") || !body.get("member").isJsonObject()
              ? null
              : body.getAsJsonObject("member").get("challenges");
          return resume(member, challenges, Replies.PLATFORM_TYPE, 202, false);
      }
    }
  }

  private Reply nexus(RecordedRequest request) {
    if (!Replies.accepts(request.header("Accept").orElse(null), Replies.NEXUS_TYPE)) {
      return Replies.nexusError(406, 4060, "Accept must be " + Replies.NEXUS_TYPE);
    }
    Matcher credentials = NEXUS_CREDENTIALS.matcher(request.path());
    Matcher members = NEXUS.matcher(request.path());
    String guid = credentials.matches() ? credentials.group(1) : members.matches() ? members.group(1) : null;
    String call = credentials.matches() ? "credentials" : members.group(2) == null ? "member" : members.group(2).substring(1);
    if (call.equals("resume") && !Replies.isMediaType(request.header("Content-Type").orElse(null), Replies.NEXUS_TYPE)) {
      return Replies.nexusError(415, 4150, "Content-Type must be " + Replies.NEXUS_TYPE);
    }
    synchronized (state) {
      SandboxState.SessionState session = state.session(request.header("MD-SESSION-TOKEN").orElse(null));
      if (session == null) {
        return Replies.nexusError(401, 4010, "Invalid session token");
      }
      if (session.expiredAt(state.now())) {
        return Replies.nexusError(401, 4011, "Session expired");
      }
      session.lastUsed = state.now();
      JsonObject member = state.nexusMember(guid);
      if (member == null || !session.userGuid.equals(SandboxState.text(member, "user_guid"))) {
        return Replies.nexusError(404, 4040, "Member not found");
      }
      switch (call) {
        case "credentials":
          return page(request, credentials(member, "field_type_name"), "credentials", Replies.NEXUS_TYPE);
        case "member":
          return Replies.member(200, Replies.NEXUS_TYPE, member.deepCopy());
        case "challenges":
          JsonArray asked = state.challengesOf(member);
          return asked == null ? Replies.noContent(Replies.NEXUS_TYPE) : page(request, asked, "challenges", Replies.NEXUS_TYPE);
        default:
          JsonObject body = object(request.body());
          return resume(member, body == null ? null : body.get("challenges"), Replies.NEXUS_TYPE, 200, true);
      }
    }
  }

  /** Resume: 405 unless CHALLENGED, 400 for answers not of the shape or not to the challenges asked. */
  private Reply resume(JsonObject member, JsonElement answers, String mediaType, int status, boolean nexus) {
    if (state.challengesOf(member) == null) {
      return nexus
          ? Replies.nexusError(405, 4050, "The member is not challenged")
          : Replies.platformError(405, "The member is not challenged");
    }
    JsonArray given = answers == null ? null : SandboxState.credentials(answers);
    String refused = given == null || given.isEmpty() ? "challenges must be an array of {guid, value}" : state.resume(member, given);
    if (refused != null) {
      return nexus ? Replies.nexusError(400, 4000, refused) : Replies.platformError(400, refused);
    }
    return Replies.member(status, mediaType, member.deepCopy());
  }

  /** The member's one credential, as the list member credentials call gives it. */
  private static JsonArray credentials(JsonObject member, String typeField) {
    JsonObject credential = new JsonObject();
    credential.addProperty("guid", MxSandbox.CREDENTIAL_GUID);
    credential.addProperty("label", "Password");
    credential.addProperty("field_name", "password");
    credential.addProperty(typeField, "PASSWORD");
    credential.addProperty("display_order", 1);
    JsonArray credentials = new JsonArray();
    credentials.add(credential);
    return credentials;
  }

  /** Platform's member status: the status fields, and the challenges while CHALLENGED. */
  private JsonObject status(JsonObject member) {
    JsonObject status = new JsonObject();
    for (String field : new String[] {"guid", "connection_status", "is_being_aggregated", "aggregated_at", "successfully_aggregated_at"}) {
      JsonElement value = member.get(field);
      if (value != null) {
        status.add(field, value.deepCopy());
      }
    }
    boolean connected = "CONNECTED".equals(SandboxState.text(member, "connection_status"));
    status.addProperty("is_authenticated", connected);
    status.addProperty("has_processed_accounts", connected);
    status.addProperty("has_processed_transactions", connected);
    JsonArray asked = state.challengesOf(member);
    if (asked != null) {
      status.add("challenges", asked.deepCopy());
    }
    return status;
  }

  private static JsonObject rooted(JsonObject member) {
    JsonObject root = new JsonObject();
    root.add("member", member);
    return root;
  }

  /** One page of a list: {@code page} (from 1) and {@code records_per_page} (10 to 1000, else 25), as MX pages. */
  private static Reply page(RecordedRequest request, JsonArray all, String field, String mediaType) {
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
    JsonObject root = new JsonObject();
    root.add(field, items);
    root.add("pagination", pagination);
    return Replies.json(200, mediaType, root);
  }

  private static int integer(String text, int otherwise) {
    try {
      return text == null ? otherwise : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static JsonObject object(String body) {
    try {
      JsonElement root = JsonParser.parseString(body);
      return root.isJsonObject() ? root.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      return null;
    }
  }
}
