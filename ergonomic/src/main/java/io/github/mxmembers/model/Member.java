package io.github.mxmembers.model;

import com.google.gson.JsonArray;
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
 *
 * <p>{@link #builder()} makes one, as the SDK does from MX's answer and as a unit test does to stub
 * the SDK:
 *
 * <pre>{@code
 * Member member = Member.builder()
 *     .guid("MBR-1")
 *     .connectionStatus(ConnectionStatus.CONNECTED)
 *     .beingAggregated(false)
 *     .build();                     // asJson(): {"guid":"MBR-1","connection_status":"CONNECTED",...}
 * }</pre>
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

  /** {@return a new builder, empty} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Member}: the typed fields the accessors return, and the JSON {@link #asJson()}
   * returns. The SDK sets both from MX's answer ({@link #json} with the member object as MX sent it,
   * the typed fields read from it by the API's field names). Without {@link #json}, {@link #build()}
   * writes the typed fields set under MX's names, so that {@code asJson()} and {@code field(...)} agree
   * with the accessors. Timestamps are kept as text, parsed when asked for.
   */
  public static final class Builder {
    private JsonObject json;
    private String guid;
    private String id;
    private String userGuid;
    private String userId;
    private String name;
    private String institutionCode;
    private String institutionGuid;
    private String connectionStatus;
    private String connectionStatusMessage;
    private String aggregatedAt;
    private String successfullyAggregatedAt;
    private String mostRecentJobGuid;
    private String metadata;
    private Boolean beingAggregated;
    private Boolean backgroundAggregationDisabled;
    private Boolean needsUpdatedCredentials;
    private Boolean oauth;
    private String oauthWindowUri;
    private List<String> useCases;

    private Builder() {}

    /**
     * The member object exactly as MX sent it, kept as it is (not copied: the SDK hands over one it
     * parsed and never touches again).
     *
     * @param json the member object; null to have {@link #build()} write one from the typed fields
     * @return this builder
     */
    public Builder json(JsonObject json) {
      this.json = json;
      return this;
    }

    /**
     * Sets MX's guid ({@code guid}).
     *
     * @param guid MX's guid ({@code guid})
     * @return this builder
     */
    public Builder guid(String guid) {
      this.guid = guid;
      return this;
    }

    /**
     * Sets the partner-defined id ({@code id}, Platform).
     *
     * @param id the partner-defined id ({@code id}, Platform)
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the user's guid ({@code user_guid}).
     *
     * @param userGuid the user's guid ({@code user_guid})
     * @return this builder
     */
    public Builder userGuid(String userGuid) {
      this.userGuid = userGuid;
      return this;
    }

    /**
     * Sets the user's partner-defined id ({@code user_id}, Platform).
     *
     * @param userId the user's partner-defined id ({@code user_id}, Platform)
     * @return this builder
     */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /**
     * Sets the member's name ({@code name}).
     *
     * @param name the member's name ({@code name})
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the institution's code ({@code institution_code}).
     *
     * @param institutionCode the institution's code ({@code institution_code})
     * @return this builder
     */
    public Builder institutionCode(String institutionCode) {
      this.institutionCode = institutionCode;
      return this;
    }

    /**
     * Sets the institution's guid ({@code institution_guid}).
     *
     * @param institutionGuid the institution's guid ({@code institution_guid})
     * @return this builder
     */
    public Builder institutionGuid(String institutionGuid) {
      this.institutionGuid = institutionGuid;
      return this;
    }

    /**
     * Sets the connection status as MX sent it.
     *
     * @param connectionStatus the connection status as MX sends it ({@code connection_status}), known
     *     to this SDK or not
     * @return this builder
     */
    public Builder connectionStatus(String connectionStatus) {
      this.connectionStatus = connectionStatus;
      return this;
    }

    /**
     * Sets a connection status this SDK knows.
     *
     * @param connectionStatus the connection status; not {@link ConnectionStatus#UNKNOWN}, which has
     *     no value (give the raw text to {@link #connectionStatus(String)} instead)
     * @return this builder
     * @throws IllegalArgumentException for {@code UNKNOWN}
     */
    public Builder connectionStatus(ConnectionStatus connectionStatus) {
      if (connectionStatus == ConnectionStatus.UNKNOWN) {
        throw new IllegalArgumentException("connectionStatus: UNKNOWN has no value; pass the status as MX sends it");
      }
      this.connectionStatus = connectionStatus == null ? null : connectionStatus.value();
      return this;
    }

    /**
     * Sets MX's message ({@code connection_status_message}).
     *
     * @param connectionStatusMessage MX's message ({@code connection_status_message})
     * @return this builder
     */
    public Builder connectionStatusMessage(String connectionStatusMessage) {
      this.connectionStatusMessage = connectionStatusMessage;
      return this;
    }

    /**
     * Sets when it was last aggregated, ISO-8601 as MX sends it ({@code aggregated_at}).
     *
     * @param aggregatedAt when it was last aggregated, ISO-8601 as MX sends it ({@code aggregated_at})
     * @return this builder
     */
    public Builder aggregatedAt(String aggregatedAt) {
      this.aggregatedAt = aggregatedAt;
      return this;
    }

    /**
     * Sets when the member was last aggregated successfully.
     *
     * @param successfullyAggregatedAt when it was last aggregated successfully, ISO-8601 as MX sends
     *     it ({@code successfully_aggregated_at})
     * @return this builder
     */
    public Builder successfullyAggregatedAt(String successfullyAggregatedAt) {
      this.successfullyAggregatedAt = successfullyAggregatedAt;
      return this;
    }

    /**
     * Sets the most recent job's guid ({@code most_recent_job_guid}).
     *
     * @param mostRecentJobGuid the most recent job's guid ({@code most_recent_job_guid})
     * @return this builder
     */
    public Builder mostRecentJobGuid(String mostRecentJobGuid) {
      this.mostRecentJobGuid = mostRecentJobGuid;
      return this;
    }

    /**
     * Sets the partner's metadata ({@code metadata}).
     *
     * @param metadata the partner's metadata ({@code metadata})
     * @return this builder
     */
    public Builder metadata(String metadata) {
      this.metadata = metadata;
      return this;
    }

    /**
     * Sets whether an aggregation is running ({@code is_being_aggregated}).
     *
     * @param beingAggregated whether an aggregation is running ({@code is_being_aggregated})
     * @return this builder
     */
    public Builder beingAggregated(Boolean beingAggregated) {
      this.beingAggregated = beingAggregated;
      return this;
    }

    /**
     * Sets whether background aggregation is off.
     *
     * @param backgroundAggregationDisabled whether background aggregation is off ({@code
     *     background_aggregation_is_disabled})
     * @return this builder
     */
    public Builder backgroundAggregationDisabled(Boolean backgroundAggregationDisabled) {
      this.backgroundAggregationDisabled = backgroundAggregationDisabled;
      return this;
    }

    /**
     * Sets whether the member needs new credentials.
     *
     * @param needsUpdatedCredentials whether new credentials are needed ({@code needs_updated_credentials})
     * @return this builder
     */
    public Builder needsUpdatedCredentials(Boolean needsUpdatedCredentials) {
      this.needsUpdatedCredentials = needsUpdatedCredentials;
      return this;
    }

    /**
     * Sets whether it connects through OAuth ({@code is_oauth}).
     *
     * @param oauth whether it connects through OAuth ({@code is_oauth})
     * @return this builder
     */
    public Builder oauth(Boolean oauth) {
      this.oauth = oauth;
      return this;
    }

    /**
     * Sets where to finish OAuth ({@code oauth_window_uri}, Platform).
     *
     * @param oauthWindowUri where to finish OAuth ({@code oauth_window_uri}, Platform)
     * @return this builder
     */
    public Builder oauthWindowUri(String oauthWindowUri) {
      this.oauthWindowUri = oauthWindowUri;
      return this;
    }

    /**
     * Sets the use cases.
     *
     * @param useCases the use cases as MX sends them ({@code use_cases}); copied
     * @return this builder
     */
    public Builder useCases(List<String> useCases) {
      this.useCases = useCases == null ? null : List.copyOf(useCases);
      return this;
    }

    /** {@return the member} */
    public Member build() {
      if (json == null) {
        json = new JsonObject();
        put("guid", guid);
        put("id", id);
        put("user_guid", userGuid);
        put("user_id", userId);
        put("name", name);
        put("institution_code", institutionCode);
        put("institution_guid", institutionGuid);
        put("connection_status", connectionStatus);
        put("connection_status_message", connectionStatusMessage);
        put("aggregated_at", aggregatedAt);
        put("successfully_aggregated_at", successfullyAggregatedAt);
        put("most_recent_job_guid", mostRecentJobGuid);
        put("metadata", metadata);
        put("is_being_aggregated", beingAggregated);
        put("background_aggregation_is_disabled", backgroundAggregationDisabled);
        put("needs_updated_credentials", needsUpdatedCredentials);
        put("is_oauth", oauth);
        put("oauth_window_uri", oauthWindowUri);
        if (useCases != null) {
          JsonArray array = new JsonArray();
          useCases.forEach(array::add);
          json.add("use_cases", array);
        }
      }
      return new Member(this);
    }

    private void put(String name, String value) {
      if (value != null) {
        json.addProperty(name, value);
      }
    }

    private void put(String name, Boolean value) {
      if (value != null) {
        json.addProperty(name, value);
      }
    }
  }
}
