package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.MxApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the sandbox holds: users, members (seeded with MX's reference-page examples; each one member,
 * which both APIs show), API tokens, sessions and the log of what happened. A member's connection
 * status moves in one place ({@link #move}), which publishes it; aggregations end at their time on the
 * sandbox's clock ({@link #catchUp}, run before every request and query and by {@link MxSandbox}'s
 * timer whether or not anyone asks). Every method is synchronized on the state.
 */
final class SandboxState {
  static final Duration API_TOKEN_LIFETIME = Duration.ofMinutes(10);
  static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);
  /** How long an aggregation takes unless a test says otherwise. */
  static final Duration DEFAULT_AGGREGATION_TIME = Duration.ofSeconds(5);

  private final Clock clock;
  /** Told when an aggregation is scheduled: the timer may have to wake sooner. */
  private final Runnable scheduled;
  private final Map<String, String> userIdsByGuid = new HashMap<>();
  private final Map<String, SandboxMember> members = new LinkedHashMap<>();
  private final Map<String, ApiToken> apiTokens = new HashMap<>();
  private final Map<String, SessionState> sessions = new HashMap<>();
  /** The log: appended under this state's lock, read and awaited under its own. */
  private final List<SandboxEvent> events = new ArrayList<>();
  private Duration aggregationTime = DEFAULT_AGGREGATION_TIME;
  /** Hears each event as it is published, under the state's lock: must only queue, never do I/O. */
  private volatile Consumer<SandboxEvent> subscriber = event -> {};

  SandboxState(Clock clock, Runnable scheduled) {
    this.clock = clock;
    this.scheduled = scheduled;
    seed();
  }

  /** Who hears each event as it is published (the webhook sender); one at a time. */
  void subscribe(Consumer<SandboxEvent> subscriber) {
    this.subscriber = subscriber;
  }

  synchronized void seed() {
    userIdsByGuid.clear();
    members.clear();
    apiTokens.clear();
    sessions.clear();
    synchronized (events) {
      events.clear();
    }
    aggregationTime = DEFAULT_AGGREGATION_TIME;
    userIdsByGuid.put(MxSandbox.USER_GUID, MxSandbox.USER_ID);
    JsonObject platform = example("platform-member.json");
    members.put(MxSandbox.MEMBER_GUID, new SandboxMember(MxSandbox.MEMBER_GUID, platform, example("nexus-member.json"), Set.of(MxSandbox.CREDENTIAL_GUID)));
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
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---- time

  /**
   * Ends every aggregation whose time has come, in the order they end, as MX Bank would end it.
   *
   * @return when the next running aggregation ends, or null when none is running
   */
  synchronized Instant catchUp() {
    Instant now = now();
    while (true) {
      SandboxMember due = null;
      for (SandboxMember member : members.values()) {
        if (member.running != null && (due == null || member.running.endsAt.isBefore(due.running.endsAt))) {
          due = member;
        }
      }
      if (due == null) {
        return null;
      }
      if (now.isBefore(due.running.endsAt)) {
        return due.running.endsAt;
      }
      end(due);
    }
  }

  private void end(SandboxMember member) {
    SandboxMember.Aggregation ended = member.running;
    member.running = null;
    if (ended.end.equals("CONNECTED")) {
      member.successfullyAggregatedAt = ended.endsAt.toString();
    }
    if (ended.end.equals("CHALLENGED")) {
      member.challenges = MxBank.challengeFor(ended.password, ++member.rounds);
    }
    move(member, ended.end, false, ended.endsAt);
    publish(SandboxEvent.Type.AGGREGATION_ENDED, member, ended.endsAt, ended.jobGuid, null, member.callbackPayload, false);
  }

  /**
   * Starts an aggregation, in {@code status} while it runs, that ends after the aggregation time as
   * {@code end}.
   */
  private void begin(SandboxMember member, String status, String end, String password) {
    Instant now = now();
    String job = "JOB-" + UUID.randomUUID();
    member.jobGuid = job;
    member.aggregatedAt = now.toString();
    member.running = new SandboxMember.Aggregation(job, now.plus(aggregationTime), end, password);
    move(member, status, true, now);
    publish(SandboxEvent.Type.AGGREGATION_STARTED, member, now, job, null, null, false);
    scheduled.run();
  }

  /** The one place a member's connection status and aggregating flag change: a change is published. */
  private void move(SandboxMember member, String status, boolean aggregating, Instant at) {
    boolean changed = !status.equals(member.connectionStatus) || aggregating != member.beingAggregated;
    member.connectionStatus = status;
    member.beingAggregated = aggregating;
    if (changed) {
      publish(SandboxEvent.Type.STATUS_CHANGED, member, at, null, null, null, false);
    }
  }

  private void publish(
      SandboxEvent.Type type, SandboxMember member, Instant at, String job, MxApi api, String callbackPayload, boolean skipWebhook) {
    SandboxEvent event;
    synchronized (events) {
      event =
          new SandboxEvent(
              events.size() + 1, type, at, member.guid, member.userGuid, member.connectionStatus, member.beingAggregated,
              job, api, callbackPayload, skipWebhook);
      events.add(event);
      events.notifyAll();
    }
    subscriber.accept(event);
  }

  /** {@return every event so far, oldest first} */
  List<SandboxEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /**
   * The first event of the log that matches, waiting for it (real time) up to {@code timeout}.
   *
   * @return the event, or null when none came in time
   */
  SandboxEvent awaitEvent(Predicate<SandboxEvent> matching, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      for (int seen = 0; ; ) {
        for (; seen < events.size(); seen++) {
          if (matching.test(events.get(seen))) {
            return events.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        events.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  synchronized void aggregationTime(Duration time) {
    this.aggregationTime = time;
  }

  // ---- users and members

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
   * Adds a copy of the seeded member under a new guid, with the same user and credential guid; its
   * partner-defined id is the guid in lower case.
   *
   * @throws IllegalArgumentException if a member has that guid already
   */
  synchronized void addMember(String guid) {
    if (members.containsKey(guid)) {
      throw new IllegalArgumentException("the sandbox has a member with that guid already");
    }
    JsonObject platform = example("platform-member.json");
    platform.addProperty("guid", guid);
    platform.addProperty("id", guid.toLowerCase(Locale.ROOT));
    JsonObject nexus = example("nexus-member.json");
    nexus.addProperty("guid", guid);
    SandboxMember member = new SandboxMember(guid, platform, nexus, Set.of(MxSandbox.CREDENTIAL_GUID));
    members.put(guid, member);
    publish(SandboxEvent.Type.MEMBER_CREATED, member, now(), null, null, null, false);
  }

  /** The member by guid, or null. */
  synchronized SandboxMember member(String guid) {
    return members.get(guid);
  }

  /** A Platform member of that user by guid or partner-defined id, or null. */
  synchronized SandboxMember platformMember(String userGuid, String identifier) {
    SandboxMember byGuid = members.get(identifier);
    if (byGuid != null) {
      return userGuid.equals(byGuid.userGuid) ? byGuid : null;
    }
    for (SandboxMember member : members.values()) {
      if (userGuid.equals(member.userGuid) && member.hasId(identifier)) {
        return member;
      }
    }
    return null;
  }

  /** The member as the API shows it now, by guid (or, on Platform, partner-defined id) of any user; null if none. */
  synchronized JsonObject view(MxApi api, String identifier) {
    catchUp();
    SandboxMember member = members.get(identifier);
    if (member == null && api == MxApi.PLATFORM) {
      for (SandboxMember each : members.values()) {
        if (each.hasId(identifier)) {
          member = each;
        }
      }
    }
    return member == null ? null : member.view(api);
  }

  /** True when every credential names a guid the member has. */
  static boolean knowsCredentials(SandboxMember member, JsonArray credentials) {
    for (JsonElement credential : credentials) {
      if (!member.credentialGuids.contains(credential.getAsJsonObject().get("guid").getAsString())) {
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

  // ---- what the APIs do to a member

  /**
   * Applies an update: the fields it writes, then new credentials, which start an aggregation unless
   * skipped or one is already running (MX starts no second job); published as one {@link
   * SandboxEvent.Type#MEMBER_UPDATED}.
   *
   * @param fields the member fields the update writes, as sent
   * @param credentials the credentials, or null when the update has none
   * @return true when a job was already running
   */
  synchronized boolean update(
      SandboxMember member,
      MxApi api,
      Map<String, JsonElement> fields,
      JsonArray credentials,
      boolean skipAggregation,
      String callbackPayload,
      boolean skipWebhook) {
    fields.forEach(member::write);
    member.callbackPayload = callbackPayload;
    publish(SandboxEvent.Type.MEMBER_UPDATED, member, now(), null, api, callbackPayload, skipWebhook);
    if (credentials != null && !credentials.isEmpty()) {
      // the member's one credential is MX Bank's password
      member.password = credentials.get(credentials.size() - 1).getAsJsonObject().get("value").getAsString();
    }
    boolean running = member.running != null;
    if (credentials == null || credentials.isEmpty() || skipAggregation || running) {
      return running;
    }
    member.challenges = null;
    member.rounds = 0;
    begin(member, "UPDATED", MxBank.endOf(member.password), member.password);
    return false;
  }

  /** The challenges of a CHALLENGED member, or null when it is not challenged. */
  synchronized JsonArray challengesOf(SandboxMember member) {
    return "CHALLENGED".equals(member.connectionStatus)
        ? (member.challenges == null ? new JsonArray() : member.challenges.deepCopy())
        : null;
  }

  /**
   * Answers a CHALLENGED member's challenges: the aggregation resumes (RESUMED), and ends as MX Bank
   * ends it ({@link MxBank#endOfResume}).
   *
   * @return null when done; else why the answers are not taken (400): an answer to a challenge the
   *     member was not asked, or a challenge left unanswered
   */
  synchronized String resume(SandboxMember member, JsonArray answers) {
    Set<String> asked = new HashSet<>();
    for (JsonElement challenge : member.challenges == null ? new JsonArray() : member.challenges) {
      asked.add(challenge.getAsJsonObject().get("guid").getAsString());
    }
    Set<String> answered = new HashSet<>();
    for (JsonElement answer : answers) {
      String guid = answer.getAsJsonObject().get("guid").getAsString();
      if (!asked.contains(guid)) {
        return "An answer names a challenge this member was not asked";
      }
      answered.add(guid);
    }
    if (!answered.equals(asked)) {
      return "Every challenge must be answered";
    }
    member.challenges = null;
    String end = MxBank.endOfResume(answers);
    begin(member, "RESUMED", end, end.equals("CHALLENGED") ? "challenge" : member.password == null ? "password" : member.password);
    return null;
  }

  /** Puts a member in a status, as a test wants it; a CHALLENGED one gets a text challenge. */
  synchronized void connectionStatus(String guid, String status, boolean beingAggregated) {
    SandboxMember member = members.get(guid);
    if (member == null) {
      throw new IllegalArgumentException("the sandbox has no member " + guid);
    }
    member.running = null;
    member.challenges = "CHALLENGED".equals(status) ? MxBank.challengeFor("challenge", ++member.rounds) : null;
    move(member, status, beingAggregated, now());
  }

  /** Ends the member's aggregation now, connected; nothing when there is no such member. */
  synchronized void completeAggregation(String guid) {
    SandboxMember member = members.get(guid);
    if (member != null) {
      SandboxMember.Aggregation running = member.running;
      member.running = null;
      member.challenges = null;
      member.successfullyAggregatedAt = now().toString();
      move(member, "CONNECTED", false, now());
      if (running != null) {
        publish(SandboxEvent.Type.AGGREGATION_ENDED, member, now(), running.jobGuid, null, member.callbackPayload, false);
      }
    }
  }

  // ---- tokens and sessions

  synchronized String issueApiToken(String userGuid) {
    String token = "sandbox-api-token-" + UUID.randomUUID();
    apiTokens.put(token, new ApiToken(userGuid, now()));
    return token;
  }

  /**
   * Spends a one-time API token on a new session; null if the token is unknown, spent or stale.
   * Unless {@code skipAggregation}, an aggregation starts for each of the user's members not being
   * aggregated already, as MX's verification guide says opening a session does.
   */
  synchronized String openSession(String apiToken, boolean skipAggregation) {
    ApiToken issued = apiToken == null ? null : apiTokens.remove(apiToken);
    if (issued == null || !now().isBefore(issued.issuedAt.plus(API_TOKEN_LIFETIME))) {
      return null;
    }
    String token = "sandbox-session-" + UUID.randomUUID();
    sessions.put(token, new SessionState(issued.userGuid, now()));
    if (!skipAggregation) {
      for (SandboxMember member : members.values()) {
        if (issued.userGuid.equals(member.userGuid) && member.running == null) {
          String password = member.password == null ? "password" : member.password;
          begin(member, member.connectionStatus, MxBank.endOf(password), password);
        }
      }
    }
    return token;
  }

  /**
   * The user of the session this token opened, marking it used; or why it is refused: null for an
   * unknown token, and {@link #EXPIRED} for one past its 30 idle minutes.
   */
  synchronized String sessionUser(String token) {
    SessionState session = token == null ? null : sessions.get(token);
    if (session == null) {
      return null;
    }
    if (!now().isBefore(session.lastUsed.plus(SESSION_LIFETIME))) {
      return EXPIRED;
    }
    session.lastUsed = now();
    return session.userGuid;
  }

  /** What {@link #sessionUser} says of a session that lapsed. */
  static final String EXPIRED = "";

  private static final class ApiToken {
    final String userGuid;
    final Instant issuedAt;

    ApiToken(String userGuid, Instant issuedAt) {
      this.userGuid = userGuid;
      this.issuedAt = issuedAt;
    }
  }

  /** One open session: its user and when it was last used. */
  private static final class SessionState {
    final String userGuid;
    Instant lastUsed;

    SessionState(String userGuid, Instant lastUsed) {
      this.userGuid = userGuid;
      this.lastUsed = lastUsed;
    }
  }
}
