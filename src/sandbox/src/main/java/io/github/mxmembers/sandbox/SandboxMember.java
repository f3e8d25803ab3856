package io.github.mxmembers.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mxmembers.MxApi;
import java.time.Instant;
import java.util.Set;

/**
 * One member as the sandbox holds it, seen through either API: the descriptive fields each API's
 * reference page shows (its own example), the fields updates wrote, and one state of its connection
 * and aggregation that both APIs read. Only {@link SandboxState} changes it, under its lock.
 */
final class SandboxMember {
  final String guid;
  final String userGuid;
  /** The credential guids the member has: an update naming another is refused. */
  final Set<String> credentialGuids;
  private final JsonObject platform;
  private final JsonObject nexus;
  /** The fields updates set, over the examples': each shown on the APIs whose members have it. */
  private final JsonObject written = new JsonObject();

  String connectionStatus;
  boolean beingAggregated;
  /** Set by the first aggregation: until then each API shows its own page's timestamps and job. */
  String aggregatedAt;
  String successfullyAggregatedAt;
  String jobGuid;
  /** The password the member was last updated with: how MX Bank ends its aggregations. */
  String password;
  /** The challenges a CHALLENGED member must answer; null when it has none to answer. */
  JsonArray challenges;
  /** The MFA rounds asked since the credentials last changed. */
  int rounds;
  /** The aggregation under way, or null. */
  Aggregation running;
  /**
   * The {@code X-CALLBACK-PAYLOAD} of the update that started the member's current workflow (its
   * aggregation and resumes), as MX returns it in the Member Data Updated webhooks; null when none.
   */
  String callbackPayload;

  /** An aggregation under way: when it ends on the sandbox's clock, and how. */
  static final class Aggregation {
    final String jobGuid;
    final Instant endsAt;
    final String end;
    final String password;

    Aggregation(String jobGuid, Instant endsAt, String end, String password) {
      this.jobGuid = jobGuid;
      this.endsAt = endsAt;
      this.end = end;
      this.password = password;
    }
  }

  /** A member seeded from the examples, as each API's page shows it: CONNECTED, no aggregation running. */
  SandboxMember(String guid, JsonObject platform, JsonObject nexus, Set<String> credentialGuids) {
    this.guid = guid;
    this.userGuid = text(platform, "user_guid");
    this.platform = platform;
    this.nexus = nexus;
    this.credentialGuids = Set.copyOf(credentialGuids);
    this.connectionStatus = text(platform, "connection_status");
    this.beingAggregated = platform.has("is_being_aggregated") && platform.get("is_being_aggregated").getAsBoolean();
  }

  /** Whether the member has this partner-defined id (Platform). */
  boolean hasId(String id) {
    JsonElement written = this.written.get("id");
    String current = written != null ? written.getAsString() : text(platform, "id");
    return id.equals(current);
  }

  /** Sets a field an update names, as the update sent it. */
  void write(String field, JsonElement value) {
    written.add(field, value.deepCopy());
  }

  /** {@return the member as the API shows it now: a copy} */
  JsonObject view(MxApi api) {
    JsonObject example = api == MxApi.PLATFORM ? platform : nexus;
    JsonObject view = example.deepCopy();
    for (String field : written.keySet()) {
      if (example.has(field)) {
        view.add(field, written.get(field).deepCopy());
      }
    }
    // in place where the example has them: the fields keep their order
    view.addProperty("connection_status", connectionStatus);
    view.addProperty("is_being_aggregated", beingAggregated);
    if (aggregatedAt != null) {
      view.addProperty("aggregated_at", aggregatedAt);
    }
    if (successfullyAggregatedAt != null) {
      view.addProperty("successfully_aggregated_at", successfullyAggregatedAt);
    }
    if (jobGuid != null) {
      view.addProperty("most_recent_job_guid", jobGuid);
    }
    return view;
  }

  static String text(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
