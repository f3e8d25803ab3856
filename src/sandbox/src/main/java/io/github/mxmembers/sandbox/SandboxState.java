package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the sandbox holds: users, each API's members (seeded with MX's reference-page examples), API
 * tokens, sessions and the webhooks it would have sent. Every method is synchronized on the state.
 */
final class SandboxState {
  static final Duration API_TOKEN_LIFETIME = Duration.ofMinutes(10);
  static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);

  private final Clock clock;
  private final Map<String, String> userIdsByGuid = new HashMap<>();
  private final Map<String, JsonObject> platformMembers = new HashMap<>();
  private final Map<String, JsonObject> nexusMembers = new HashMap<>();
  private final Map<String, ApiToken> apiTokens = new HashMap<>();
  private final Map<String, SessionState> sessions = new HashMap<>();
  private final List<Webhook> webhooks = new ArrayList<>();
  /** The credential guids each member has (by member guid): updates naming another are refused. */
  private final Map<String, Set<String>> credentialGuids = new HashMap<>();
  /** Each member's aggregation under way (by the member object: each API's member is its own). */
  private final Map<JsonObject, Aggregation> aggregations = new java.util.IdentityHashMap<>();
  /** The challenges a CHALLENGED member must answer. */
  private final Map<JsonObject, JsonArray> challenges = new java.util.IdentityHashMap<>();
  /** The MFA rounds each member has been asked since its credentials last changed. */
  private final Map<JsonObject, Integer> rounds = new java.util.IdentityHashMap<>();
  /** The password each member was last updated with: how MX Bank ends its aggregations. */
  private final Map<JsonObject, String> passwords = new java.util.IdentityHashMap<>();
  /** How long an aggregation takes, on the sandbox's clock. */
  private Duration aggregationTime = DEFAULT_AGGREGATION_TIME;

  /** How long an aggregation takes unless a test says otherwise. */
  static final Duration DEFAULT_AGGREGATION_TIME = Duration.ofSeconds(5);

  /** An aggregation under way: when it ends, and how. */
  private static final class Aggregation {
    final Instant endsAt;
    final String end;
    final String password;

    Aggregation(Instant endsAt, String end, String password) {
      this.endsAt = endsAt;
      this.end = end;
      this.password = password;
    }
  }

  SandboxState(Clock clock) {
    this.clock = clock;
    seed();
  }

  synchronized void seed() {
    userIdsByGuid.clear();
    platformMembers.clear();
    nexusMembers.clear();
    apiTokens.clear();
    sessions.clear();
    webhooks.clear();
    credentialGuids.clear();
    aggregations.clear();
    challenges.clear();
    passwords.clear();
    rounds.clear();
    aggregationTime = DEFAULT_AGGREGATION_TIME;
    userIdsByGuid.put(MxSandbox.USER_GUID, MxSandbox.USER_ID);
    JsonObject platform = example("platform-member.json");
    platformMembers.put(platform.get("guid").getAsString(), platform);
    JsonObject nexus = example("nexus-member.json");
    nexusMembers.put(nexus.get("guid").getAsString(), nexus);
    credentialGuids.put(MxSandbox.MEMBER_GUID, Set.of(MxSandbox.CREDENTIAL_GUID));
  }

  /** True when every credential names a guid the member has. */
  synchronized boolean knowsCredentials(String memberGuid, JsonArray credentials) {
    Set<String> known = credentialGuids.getOrDefault(memberGuid, Set.of());
    for (JsonElement credential : credentials) {
      if (!known.contains(credential.getAsJsonObject().get("guid").getAsString())) {
        return false;
      }
    }
    return true;
  }

  /** The credentials of an update as an array of {@code {guid, value}} strings, or null if not that shape. */
  static JsonArray credentials(JsonElement value) {
    if (!value.isJsonArray()) {
      return null;
    }
    for (JsonElement credential : value.getAsJsonArray()) {
      if (!credential.isJsonObject()
          || !isString(credential.getAsJsonObject().get("guid"))
          || !isString(credential.getAsJsonObject().get("value"))) {
        return null;
      }
    }
    return value.getAsJsonArray();
  }

  private static boolean isString(JsonElement value) {
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
  }

  private static JsonObject example(String name) {
    try (InputStream in = SandboxState.class.getResourceAsStream(name)) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("member");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Now, to the millisecond, as MX's timestamps are. */
  Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** The user's guid for a guid or partner-defined id, or null. */
  synchronized String userGuid(String identifier) {
    if (userIdsByGuid.containsKey(identifier)) {
      return identifier;
    }
    for (Map.Entry<String, String> user : userIdsByGuid.entrySet()) {
      if (identifier.equals(user.getValue())) {
        return user.getKey();
      }
    }
    return null;
  }

  /**
   * Adds a copy of the seeded member under a new guid on both APIs, with the same user and credential
   * guid; its partner-defined id is the guid in lower case.
   *
   * @throws IllegalArgumentException if a member has that guid already
   */
  synchronized void addMember(String guid) {
    if (platformMembers.containsKey(guid)) {
      throw new IllegalArgumentException("the sandbox has a member with that guid already");
    }
    JsonObject platform = example("platform-member.json");
    platform.addProperty("guid", guid);
    platform.addProperty("id", guid.toLowerCase(java.util.Locale.ROOT));
    platformMembers.put(guid, platform);
    JsonObject nexus = example("nexus-member.json");
    nexus.addProperty("guid", guid);
    nexusMembers.put(guid, nexus);
    credentialGuids.put(guid, Set.of(MxSandbox.CREDENTIAL_GUID));
  }

  /** A Platform member of that user by guid or id, or null; its aggregation brought up to now. The live object: hold the lock. */
  JsonObject platformMember(String userGuid, String identifier) {
    JsonObject byGuid = platformMembers.get(identifier);
    if (byGuid != null && userGuid.equals(text(byGuid, "user_guid"))) {
      return progress(byGuid);
    }
    for (JsonObject member : platformMembers.values()) {
      boolean sameUser = userGuid.equals(text(member, "user_guid"));
      if (sameUser && (identifier.equals(text(member, "guid")) || identifier.equals(text(member, "id")))) {
        return progress(member);
      }
    }
    return null;
  }

  /** The Nexus member, or null; its aggregation brought up to now. The live object: hold the lock. */
  JsonObject nexusMember(String guid) {
    JsonObject member = nexusMembers.get(guid);
    return member == null ? null : progress(member);
  }

  /** Ends the member's aggregation if its time has come, as MX Bank would end it. */
  private JsonObject progress(JsonObject member) {
    Aggregation running = aggregations.get(member);
    if (running != null && !now().isBefore(running.endsAt)) {
      aggregations.remove(member);
      member.addProperty("is_being_aggregated", false);
      member.addProperty("connection_status", running.end);
      if (running.end.equals("CONNECTED")) {
        member.addProperty("successfully_aggregated_at", now().toString());
      }
      if (running.end.equals("CHALLENGED")) {
        challenges.put(member, MxBank.challengeFor(running.password, rounds.merge(member, 1, Integer::sum)));
      }
    }
    return member;
  }

  /** The challenges of a CHALLENGED member, or null when it is not challenged. */
  synchronized JsonArray challengesOf(JsonObject member) {
    return "CHALLENGED".equals(text(member, "connection_status")) ? challenges.getOrDefault(member, new JsonArray()) : null;
  }

  /**
   * Answers a CHALLENGED member's challenges: the aggregation resumes (RESUMED), and ends as MX Bank
   * ends it ({@link MxBank#endOfResume}).
   *
   * @return null when done; else why the answers are not taken (400): an answer to a challenge the
   *     member was not asked, or a challenge left unanswered
   */
  synchronized String resume(JsonObject member, JsonArray answers) {
    JsonArray asked = challenges.getOrDefault(member, new JsonArray());
    Set<String> guids = new java.util.HashSet<>();
    for (JsonElement challenge : asked) {
      guids.add(challenge.getAsJsonObject().get("guid").getAsString());
    }
    Set<String> answered = new java.util.HashSet<>();
    for (JsonElement answer : answers) {
      String guid = answer.getAsJsonObject().get("guid").getAsString();
      if (!guids.contains(guid)) {
        return "An answer names a challenge this member was not asked";
      }
      answered.add(guid);
    }
    if (!answered.equals(guids)) {
      return "Every challenge must be answered";
    }
    challenges.remove(member);
    String end = MxBank.endOfResume(answers);
    begin(member, end, end.equals("CHALLENGED") ? "challenge" : passwords.getOrDefault(member, "password"));
    member.addProperty("connection_status", "RESUMED");
    return null;
  }

  /** Puts both APIs' member in a status, as a test wants it; a CHALLENGED one gets a text challenge. */
  synchronized void connectionStatus(String guid, String status, boolean beingAggregated) {
    for (Map<String, JsonObject> members : List.of(platformMembers, nexusMembers)) {
      JsonObject member = members.get(guid);
      if (member == null) {
        throw new IllegalArgumentException("the sandbox has no member " + guid);
      }
      aggregations.remove(member);
      challenges.remove(member);
      member.addProperty("connection_status", status);
      member.addProperty("is_being_aggregated", beingAggregated);
      if ("CHALLENGED".equals(status)) {
        challenges.put(member, MxBank.challengeFor("challenge", rounds.merge(member, 1, Integer::sum)));
      }
    }
  }

  synchronized void aggregationTime(Duration time) {
    this.aggregationTime = time;
  }

  /** Starts an aggregation that ends, after the aggregation time, as {@code end}. */
  private void begin(JsonObject member, String end, String password) {
    member.addProperty("most_recent_job_guid", "JOB-" + UUID.randomUUID());
    member.addProperty("is_being_aggregated", true);
    member.addProperty("aggregated_at", now().toString());
    aggregations.put(member, new Aggregation(now().plus(aggregationTime), end, password));
  }

  synchronized JsonObject platformMemberCopy(String identifier) {
    JsonObject byGuid = platformMembers.get(identifier);
    if (byGuid != null) {
      return progress(byGuid).deepCopy();
    }
    for (JsonObject member : platformMembers.values()) {
      if (identifier.equals(text(member, "guid")) || identifier.equals(text(member, "id"))) {
        return progress(member).deepCopy();
      }
    }
    return null;
  }

  synchronized JsonObject nexusMemberCopy(String guid) {
    JsonObject member = nexusMembers.get(guid);
    return member == null ? null : progress(member).deepCopy();
  }

  /**
   * Applies new credentials: an aggregation starts unless skipped or one is already running (MX
   * starts no second job). Returns true when a job was already running.
   */
  synchronized boolean applyCredentials(JsonObject member, JsonArray credentials, boolean skipAggregation) {
    if (credentials != null && !credentials.isEmpty()) {
      // the member's one credential is MX Bank's password
      passwords.put(member, credentials.get(credentials.size() - 1).getAsJsonObject().get("value").getAsString());
    }
    boolean running = isBeingAggregated(member);
    if (credentials == null || credentials.isEmpty() || skipAggregation || running) {
      return running;
    }
    challenges.remove(member);
    rounds.remove(member);
    String password = passwords.get(member);
    begin(member, MxBank.endOf(password), password);
    member.addProperty("connection_status", "UPDATED");
    return false;
  }

  /** A new aggregation job on the member, unless one is running (MX starts no second job). */
  private void startAggregation(JsonObject member) {
    if (!isBeingAggregated(member)) {
      String password = passwords.getOrDefault(member, "password");
      begin(member, MxBank.endOf(password), password);
    }
  }

  private static boolean isBeingAggregated(JsonObject member) {
    return member.has("is_being_aggregated")
        && !member.get("is_being_aggregated").isJsonNull()
        && member.get("is_being_aggregated").getAsBoolean();
  }

  synchronized void completeAggregation(String guid) {
    for (Map<String, JsonObject> members : List.of(platformMembers, nexusMembers)) {
      JsonObject member = members.get(guid);
      if (member != null) {
        aggregations.remove(member);
        challenges.remove(member);
        member.addProperty("is_being_aggregated", false);
        member.addProperty("connection_status", "CONNECTED");
        member.addProperty("successfully_aggregated_at", now().toString());
      }
    }
  }

  synchronized String issueApiToken(String userGuid) {
    String token = "sandbox-api-token-" + UUID.randomUUID();
    apiTokens.put(token, new ApiToken(userGuid, now()));
    return token;
  }

  /**
   * Spends a one-time API token on a new session; null if the token is unknown, spent or stale.
   * Unless {@code skipAggregation}, an aggregation starts for each of the user's Nexus members not
   * being aggregated already, as MX's verification guide says opening a session does.
   */
  synchronized String openSession(String apiToken, boolean skipAggregation) {
    ApiToken issued = apiTokens.remove(apiToken);
    if (issued == null || !now().isBefore(issued.issuedAt.plus(API_TOKEN_LIFETIME))) {
      return null;
    }
    String token = "sandbox-session-" + UUID.randomUUID();
    sessions.put(token, new SessionState(issued.userGuid, now()));
    if (!skipAggregation) {
      for (JsonObject member : nexusMembers.values()) {
        if (issued.userGuid.equals(text(member, "user_guid"))) {
          startAggregation(member);
        }
      }
    }
    return token;
  }

  /** The open session for this token, or null; the caller checks expiry and marks it used. */
  synchronized SessionState session(String token) {
    return sessions.get(token);
  }

  synchronized void recordWebhook(String memberGuid, String callbackPayload) {
    webhooks.add(new Webhook(memberGuid, callbackPayload));
  }

  synchronized List<Webhook> webhooks() {
    return List.copyOf(webhooks);
  }

  static String text(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static final class ApiToken {
    final String userGuid;
    final Instant issuedAt;

    ApiToken(String userGuid, Instant issuedAt) {
      this.userGuid = userGuid;
      this.issuedAt = issuedAt;
    }
  }

  /** One open session: its user and when it was last used. */
  static final class SessionState {
    final String userGuid;
    Instant lastUsed;

    SessionState(String userGuid, Instant lastUsed) {
      this.userGuid = userGuid;
      this.lastUsed = lastUsed;
    }

    boolean expiredAt(Instant now) {
      return !now.isBefore(lastUsed.plus(SESSION_LIFETIME));
    }
  }
}
