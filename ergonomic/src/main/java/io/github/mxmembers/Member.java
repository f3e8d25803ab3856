package io.github.mxmembers;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A member exactly as MX sent it, read the same way from either API. The JSON is kept as it came:
 * {@link #field(String)} and {@link #asJson()} give every field and value MX sent, including fields
 * and enum values newer than this SDK. The typed accessors sit on top of it; fields an API does not
 * send are empty. Immutable.
 */
public final class Member {
  private final JsonObject json;
  private final String guid;
  private final String id;
  private final String userGuid;
  private final String userId;
  private final String name;
  private final String institutionCode;
  private final String institutionGuid;
  private final String connectionStatus;
  private final String connectionStatusMessage;
  private final String aggregatedAt;
  private final String successfullyAggregatedAt;
  private final String mostRecentJobGuid;
  private final String metadata;
  private final Boolean beingAggregated;
  private final Boolean backgroundAggregationDisabled;
  private final Boolean needsUpdatedCredentials;
  private final Boolean oauth;
  private final String oauthWindowUri;
  private final List<String> useCases;

  private Member(Builder b) {
    this.json = b.json;
    this.guid = b.guid;
    this.id = b.id;
    this.userGuid = b.userGuid;
    this.userId = b.userId;
    this.name = b.name;
    this.institutionCode = b.institutionCode;
    this.institutionGuid = b.institutionGuid;
    this.connectionStatus = b.connectionStatus;
    this.connectionStatusMessage = b.connectionStatusMessage;
    this.aggregatedAt = b.aggregatedAt;
    this.successfullyAggregatedAt = b.successfullyAggregatedAt;
    this.mostRecentJobGuid = b.mostRecentJobGuid;
    this.metadata = b.metadata;
    this.beingAggregated = b.beingAggregated;
    this.backgroundAggregationDisabled = b.backgroundAggregationDisabled;
    this.needsUpdatedCredentials = b.needsUpdatedCredentials;
    this.oauth = b.oauth;
    this.oauthWindowUri = b.oauthWindowUri;
    this.useCases = b.useCases == null ? List.of() : b.useCases;
  }

  /** {@return MX's guid for the member ({@code MBR-...})} */
  public Optional<String> guid() {
    return Optional.ofNullable(guid);
  }

  /** {@return Platform: the member's partner-defined id} */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** {@return MX's guid for the member's user ({@code USR-...})} */
  public Optional<String> userGuid() {
    return Optional.ofNullable(userGuid);
  }

  /** {@return Platform: the user's partner-defined id} */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** {@return the member's name, usually the institution's} */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** {@return the code of the member's institution} */
  public Optional<String> institutionCode() {
    return Optional.ofNullable(institutionCode);
  }

  /** {@return MX's guid for the member's institution} */
  public Optional<String> institutionGuid() {
    return Optional.ofNullable(institutionGuid);
  }

  /**
   * {@return the connection status; {@link ConnectionStatus#UNKNOWN} for a value this SDK version
   * does not know, which {@link #connectionStatusAsString()} has as MX sent it}
   */
  public Optional<ConnectionStatus> connectionStatus() {
    return Optional.ofNullable(ConnectionStatus.fromValue(connectionStatus));
  }

  /** {@return the connection status as MX sent it, known to this SDK version or not} */
  public Optional<String> connectionStatusAsString() {
    return Optional.ofNullable(connectionStatus);
  }

  /** {@return MX's message about the connection status, for people} */
  public Optional<String> connectionStatusMessage() {
    return Optional.ofNullable(connectionStatusMessage);
  }

  /**
   * {@return when the member was last aggregated}
   *
   * @throws IllegalStateException if MX sent text that is not an ISO-8601 instant; {@code
   *     field("aggregated_at")} has it as sent
   */
  public Optional<Instant> aggregatedAt() {
    return instant("aggregated_at", aggregatedAt);
  }

  /**
   * {@return when the member was last aggregated successfully}
   *
   * @throws IllegalStateException if MX sent text that is not an ISO-8601 instant; {@code
   *     field("successfully_aggregated_at")} has it as sent
   */
  public Optional<Instant> successfullyAggregatedAt() {
    return instant("successfully_aggregated_at", successfullyAggregatedAt);
  }

  /**
   * Parses a timestamp when it is asked for, not when the member is read: an update MX completed is
   * not turned into an exception by a timestamp format this SDK does not expect.
   */
  private static Optional<Instant> instant(String jsonName, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          jsonName + " is not an ISO-8601 instant; field(\"" + jsonName + "\") has it as MX sent it", e);
    }
  }

  /** {@return MX's guid for the member's most recent job (aggregation), such as the one an update started} */
  public Optional<String> mostRecentJobGuid() {
    return Optional.ofNullable(mostRecentJobGuid);
  }

  /** {@return the member's metadata, free text set by the partner} */
  public Optional<String> metadata() {
    return Optional.ofNullable(metadata);
  }

  /** {@return whether an aggregation of the member is running} */
  public Optional<Boolean> isBeingAggregated() {
    return Optional.ofNullable(beingAggregated);
  }

  /** {@return whether MX's background aggregation of the member is off} */
  public Optional<Boolean> backgroundAggregationDisabled() {
    return Optional.ofNullable(backgroundAggregationDisabled);
  }

  /** {@return whether the member's credentials must be updated before it can aggregate again} */
  public Optional<Boolean> needsUpdatedCredentials() {
    return Optional.ofNullable(needsUpdatedCredentials);
  }

  /** {@return whether the member connects through OAuth} */
  public Optional<Boolean> isOauth() {
    return Optional.ofNullable(oauth);
  }

  /** {@return Platform: where to send the user to finish an OAuth connection} */
  public Optional<String> oauthWindowUri() {
    return Optional.ofNullable(oauthWindowUri);
  }

  /**
   * {@return the use cases, unmodifiable; {@link UseCase#UNKNOWN} for a value this SDK version does
   * not know, which {@link #useCasesAsStrings()} has as MX sent it; empty when MX sent none}
   */
  public List<UseCase> useCases() {
    List<UseCase> typed = new ArrayList<>(useCases.size());
    for (String useCase : useCases) {
      typed.add(UseCase.fromValue(useCase));
    }
    return Collections.unmodifiableList(typed);
  }

  /** {@return the use cases as MX sent them, unmodifiable; empty when MX sent none} */
  public List<String> useCasesAsStrings() {
    return useCases;
  }

  /**
   * Any field of the member by its JSON name, as MX sent it, including fields this SDK has no method
   * for yet.
   *
   * @param jsonName the field's name in MX's JSON, such as {@code "connection_status"}
   * @return a copy of the value; empty when absent or null
   */
  public Optional<JsonElement> field(String jsonName) {
    JsonElement value = json.get(jsonName);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value.deepCopy());
  }

  /**
   * {@return every field of the member as MX sent it, as a new JSON object (a copy: changing it changes nothing here)}
   */
  public JsonObject asJson() {
    return json.deepCopy();
  }

  /** A few identifying fields; the JSON may hold the user's data, so it is not printed. */
  @Override
  public String toString() {
    return "Member{guid="
        + guid
        + ", name="
        + name
        + ", connectionStatus="
        + connectionStatus
        + ", isBeingAggregated="
        + beingAggregated
        + ", mostRecentJobGuid="
        + mostRecentJobGuid
        + '}';
  }

  /** Filled in by the API mappings, by the generated models' field names. */
  static final class Builder {
    private final JsonObject json;
    String guid;
    String id;
    String userGuid;
    String userId;
    String name;
    String institutionCode;
    String institutionGuid;
    String connectionStatus;
    String connectionStatusMessage;
    /** Kept as text: parsed when asked for, so a call does not pay for timestamps it never reads. */
    String aggregatedAt;
    String successfullyAggregatedAt;
    String mostRecentJobGuid;
    String metadata;
    Boolean beingAggregated;
    Boolean backgroundAggregationDisabled;
    Boolean needsUpdatedCredentials;
    Boolean oauth;
    String oauthWindowUri;
    List<String> useCases;

    /** @param json the member object as MX sent it, kept as it is */
    Builder(JsonObject json) {
      this.json = json;
    }

    Member build() {
      return new Member(this);
    }
  }
}
