package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mxmembers.MxApi;
import io.github.mxmembers.PlatformApiVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Platform API, as MX's v20250224 reference pages and notes describe it: update member, and the
 * calls around it (required credentials, status, challenges, resume). Basic auth, the pinned {@code
 * Accept-Version} and {@code Accept} are checked once, for every call.
 */
final class PlatformFake {
  /** {@code /users/{user}/members/{member}}, and the calls around the update under it. */
  static final Pattern PATH = Pattern.compile("^/users/([^/]+)/members/([^/]+)(?:/(credentials|status|challenges|resume))?$");
  /** The versions this build of the SDK speaks: others get 406, as MX answers an unknown version. */
  static final Set<String> VERSIONS =
      Arrays.stream(PlatformApiVersion.values()).map(PlatformApiVersion::value).collect(Collectors.toSet());
  /** The member fields an update may write. */
  private static final String[] FIELDS = {"id", "metadata", "use_cases", "background_aggregation_is_disabled"};

  private final SandboxState state;
  private final String expectedAuthorization;

  PlatformFake(SandboxState state, String clientId, String apiKey) {
    this.state = state;
    this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the request is one of the Platform API's. */
  static boolean handles(String method, String path) {
    Matcher call = PATH.matcher(path);
    if (!call.matches()) {
      return false;
    }
    boolean writes = call.group(3) == null || call.group(3).equals("resume");
    return method.equals(writes ? "PUT" : "GET");
  }

  Reply handle(RecordedRequest request) {
    if (!expectedAuthorization.equals(request.header("Authorization").orElse(null))) {
      return Replies.platformError(401, "Unauthorized: Basic client_id:api_key expected");
    }
    if (!VERSIONS.contains(request.header("Accept-Version").orElse(""))) {
      return Replies.platformError(406, "Invalid or missing Accept-Version");
    }
    if (!Replies.accepts(request.header("Accept").orElse(null), Replies.PLATFORM_TYPE)) {
      return Replies.platformError(406, "Accept must allow application/json");
    }
    if (request.method().equals("PUT") && !Replies.isMediaType(request.header("Content-Type").orElse(null), Replies.PLATFORM_TYPE)) {
      return Replies.platformError(415, "Content-Type must be application/json");
    }
    Matcher path = PATH.matcher(request.path());
    path.matches();
    String call = path.group(3) == null ? "update" : path.group(3);
    if (call.equals("update")) {
      String payload = request.header("X-CALLBACK-PAYLOAD").orElse(null);
      if (payload != null && !isBase64(payload)) {
        return Replies.platformError(400, "X-CALLBACK-PAYLOAD must be base64, 1 to 1024 characters");
      }
    }
    synchronized (state) {
      String userGuid = state.userGuid(path.group(1));
      SandboxMember member = userGuid == null ? null : state.platformMember(userGuid, path.group(2));
      if (member == null) {
        return Replies.platformError(404, userGuid == null ? "User not found" : "Member not found");
      }
      switch (call) {
        case "update":
          return update(request, member);
        case "credentials":
          return Replies.page(request, MxBank.requiredCredentials("type"), "credentials", Replies.PLATFORM_TYPE);
        case "status":
          return Replies.json(200, Replies.PLATFORM_TYPE, Replies.rooted("member", status(member)));
        case "challenges":
          JsonArray asked = state.challengesOf(member);
          return asked == null ? Replies.noContent(Replies.PLATFORM_TYPE) : Replies.page(request, asked, "challenges", Replies.PLATFORM_TYPE);
        default:
          JsonObject body = Replies.object(request.body());
          JsonElement challenges = body == null || !body.has("member") || !body.get("member").isJsonObject()
              ? null
              : body.getAsJsonObject("member").get("challenges");
          return Replies.resume(state, member, challenges, MxApi.PLATFORM, 202);
      }
    }
  }

  /** Update member: the fields, then the credentials, which must all be the member's (422 otherwise, with nothing applied). */
  private Reply update(RecordedRequest request, SandboxMember member) {
    JsonObject changes = Replies.rootedChanges(request.body());
    if (changes == null) {
      return Replies.platformError(400, "The request body can't be empty");
    }
    JsonArray credentials = changes.has("credentials") ? SandboxState.credentials(changes.get("credentials")) : null;
    if (changes.has("credentials") && credentials == null) {
      return Replies.platformError(400, "credentials must be an array of {guid, value}");
    }
    if (credentials != null && !SandboxState.knowsCredentials(member, credentials)) {
      return Replies.platformError(422, "A credential guid does not belong to this member");
    }
    Map<String, JsonElement> fields = new LinkedHashMap<>();
    for (String field : FIELDS) {
      if (changes.has(field)) {
        fields.put(field, changes.get(field));
      }
    }
    boolean alreadyRunning =
        state.update(member, MxApi.PLATFORM, fields, credentials, false, request.header("X-CALLBACK-PAYLOAD").orElse(null), false);
    // 202: a job of the same type is already running
    int status = credentials != null && alreadyRunning ? 202 : 200;
    return Replies.json(status, Replies.PLATFORM_TYPE, Replies.rooted("member", member.view(MxApi.PLATFORM)));
  }

  /** The read member status call's member: its status fields, and its challenges while challenged. */
  private JsonObject status(SandboxMember member) {
    JsonObject view = member.view(MxApi.PLATFORM);
    JsonObject status = new JsonObject();
    for (String field : new String[] {"guid", "connection_status", "is_being_aggregated", "aggregated_at", "successfully_aggregated_at"}) {
      JsonElement value = view.get(field);
      if (value != null) {
        status.add(field, value);
      }
    }
    boolean connected = "CONNECTED".equals(member.connectionStatus);
    status.addProperty("is_authenticated", connected);
    status.addProperty("has_processed_accounts", connected);
    status.addProperty("has_processed_transactions", connected);
    JsonArray asked = state.challengesOf(member);
    if (asked != null) {
      status.add("challenges", asked);
    }
    return status;
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
