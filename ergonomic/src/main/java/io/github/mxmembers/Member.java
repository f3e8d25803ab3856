package io.github.mxmembers;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.util.List;
import java.util.Optional;

/**
 * A member as MX returned it, read the same way from either API. Fields an API does not send are
 * empty. {@link #field(String)} reaches any field by its JSON name, including ones MX added after
 * this SDK version.
 */
public final class Member {
  private final String guid;
  private final String id;
  private final String userGuid;
  private final String userId;
  private final String name;
  private final String institutionCode;
  private final String institutionGuid;
  private final ConnectionStatus connectionStatus;
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
  private final List<UseCase> useCases;
  private final Object model;
  private final Gson gson;

  Member(Builder b) {
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
    this.useCases = b.useCases == null ? List.of() : List.copyOf(b.useCases);
    this.model = b.model;
    this.gson = b.gson;
  }

  /** MX's guid for the member ({@code MBR-...}). */
  public Optional<String> guid() {
    return Optional.ofNullable(guid);
  }

  /** Platform: the partner-defined id. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  public Optional<String> userGuid() {
    return Optional.ofNullable(userGuid);
  }

  /** Platform: the user's partner-defined id. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public Optional<String> institutionCode() {
    return Optional.ofNullable(institutionCode);
  }

  public Optional<String> institutionGuid() {
    return Optional.ofNullable(institutionGuid);
  }

  /** {@link ConnectionStatus#UNKNOWN} for a value this SDK version does not know. */
  public Optional<ConnectionStatus> connectionStatus() {
    return Optional.ofNullable(connectionStatus);
  }

  public Optional<String> connectionStatusMessage() {
    return Optional.ofNullable(connectionStatusMessage);
  }

  /** ISO-8601 timestamp of the last aggregation. */
  public Optional<String> aggregatedAt() {
    return Optional.ofNullable(aggregatedAt);
  }

  /** ISO-8601 timestamp of the last successful aggregation. */
  public Optional<String> successfullyAggregatedAt() {
    return Optional.ofNullable(successfullyAggregatedAt);
  }

  public Optional<String> mostRecentJobGuid() {
    return Optional.ofNullable(mostRecentJobGuid);
  }

  public Optional<String> metadata() {
    return Optional.ofNullable(metadata);
  }

  public Optional<Boolean> isBeingAggregated() {
    return Optional.ofNullable(beingAggregated);
  }

  public Optional<Boolean> backgroundAggregationDisabled() {
    return Optional.ofNullable(backgroundAggregationDisabled);
  }

  public Optional<Boolean> needsUpdatedCredentials() {
    return Optional.ofNullable(needsUpdatedCredentials);
  }

  public Optional<Boolean> isOauth() {
    return Optional.ofNullable(oauth);
  }

  /** Platform: where to send the user to finish an OAuth connection. */
  public Optional<String> oauthWindowUri() {
    return Optional.ofNullable(oauthWindowUri);
  }

  /** Unknown values read as {@link UseCase#UNKNOWN}; empty when MX sent none. */
  public List<UseCase> useCases() {
    return useCases;
  }

  /**
   * Any field of the member by its JSON name, as MX sent it, including fields this SDK has no
   * method for yet.
   */
  public Optional<JsonElement> field(String jsonName) {
    JsonElement value = asJson().get(jsonName);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
  }

  /** Every field of the member as MX sent it, as a new JSON object. */
  public com.google.gson.JsonObject asJson() {
    return gson.toJsonTree(model).getAsJsonObject();
  }

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

  /** Filled in by the API mappings. */
  static final class Builder {
    String guid;
    String id;
    String userGuid;
    String userId;
    String name;
    String institutionCode;
    String institutionGuid;
    ConnectionStatus connectionStatus;
    String connectionStatusMessage;
    String aggregatedAt;
    String successfullyAggregatedAt;
    String mostRecentJobGuid;
    String metadata;
    Boolean beingAggregated;
    Boolean backgroundAggregationDisabled;
    Boolean needsUpdatedCredentials;
    Boolean oauth;
    String oauthWindowUri;
    List<UseCase> useCases;
    Object model;
    Gson gson;

    Member build() {
      return new Member(this);
    }
  }
}
