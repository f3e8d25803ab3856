package io.github.mxmembers.model;

import io.github.mxmembers.internal.Identifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One "update member" call, for either MX API: which member, and what to change.
 *
 * <p>Immutable; build one with {@link #builder()}. Setters check their argument at once: identifiers
 * ({@code user}, {@code member}, {@code id}, credential guids) are non-blank, at most {@value
 * #MAX_IDENTIFIER_LENGTH} characters, free of control characters, and not {@code .} or {@code ..};
 * text (metadata, credential values) must be sendable as UTF-8. The client it is sent with rejects,
 * before any I/O, a field its API does not have (for example {@code skipAggregation} on the Platform
 * API) and an update that changes nothing on that API. {@link #toString()} names the credentials
 * that are set but never shows their values.
 */
public final class MemberUpdate {
  /** The longest identifier accepted (user, member, id, credential guid). MX documents no limit. */
  public static final int MAX_IDENTIFIER_LENGTH = Identifiers.MAX_LENGTH;

  /** Every field set, in the table's order; credentials only when there are some. */
  private final EnumMap<UpdateField, Object> values;

  private MemberUpdate(Builder builder) {
    this.values = new EnumMap<>(builder.values);
    if (!builder.credentials.isEmpty()) {
      values.put(UpdateField.CREDENTIALS, List.copyOf(builder.credentials));
    }
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this update's values, to make a changed copy} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return Platform only: the user's partner-defined id or MX guid ({@code USR-...})} */
  public Optional<String> user() {
    return Optional.ofNullable((String) values.get(UpdateField.USER));
  }

  /** {@return the member: on the Platform API its id or guid, on the Nexus API its MX guid} */
  public String member() {
    return (String) values.get(UpdateField.MEMBER);
  }

  /** {@return the credentials to send, in the order they were added, unmodifiable; empty when none} */
  public List<Credential> credentials() {
    return list(UpdateField.CREDENTIALS);
  }

  /** {@return Platform only: a new partner-defined id for the member} */
  public Optional<String> id() {
    return Optional.ofNullable((String) values.get(UpdateField.ID));
  }

  /** {@return the new metadata, free text sent as it is} */
  public Optional<String> metadata() {
    return Optional.ofNullable((String) values.get(UpdateField.METADATA));
  }

  /** {@return Platform only: whether MX stops aggregating the member in the background} */
  public Optional<Boolean> backgroundAggregationDisabled() {
    return Optional.ofNullable((Boolean) values.get(UpdateField.BACKGROUND_AGGREGATION_DISABLED));
  }

  /** {@return Platform only: the member's new use cases, unmodifiable} */
  public Optional<List<UseCase>> useCases() {
    return has(UpdateField.USE_CASES) ? Optional.of(list(UpdateField.USE_CASES)) : Optional.empty();
  }

  /** {@return Platform only: the payload sent as {@code X-CALLBACK-PAYLOAD} and echoed in webhooks} */
  public Optional<CallbackPayload> callbackPayload() {
    return Optional.ofNullable((CallbackPayload) values.get(UpdateField.CALLBACK_PAYLOAD));
  }

  /** {@return Nexus only: when true, no aggregation starts after the credentials change} */
  public Optional<Boolean> skipAggregation() {
    return Optional.ofNullable((Boolean) values.get(UpdateField.SKIP_AGGREGATION));
  }

  /** {@return Nexus only: when true, MX sends no webhook for this change ({@code MX-Skip-Webhook})} */
  public Optional<Boolean> skipWebhook() {
    return Optional.ofNullable((Boolean) values.get(UpdateField.SKIP_WEBHOOK));
  }

  /**
   * Whether the field is set: for credentials, whether there are any.
   *
   * @param field a field of the table
   * @return true when the update sets it
   */
  public boolean has(UpdateField field) {
    return values.containsKey(field);
  }

  /** A list field's value, unmodifiable; empty when unset. */
  private <T> List<T> list(UpdateField field) {
    Object value = values.get(field);
    if (value == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) value;
    return list;
  }

  /** {@return whether {@code o} is a {@code MemberUpdate} with the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof MemberUpdate && values.equals(((MemberUpdate) o).values);
  }

  /** {@return a hash of the values, consistent with {@link #equals}} */
  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /**
   * Every field set, by its accessor's name, in the order of {@link UpdateField}: text (the
   * metadata) by its length only, credential values as {@code ****}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MemberUpdate{");
    String separator = "";
    for (Map.Entry<UpdateField, Object> entry : values.entrySet()) {
      UpdateField field = entry.getKey();
      sb.append(separator).append(field.javaName()).append('=');
      if (field.kind() == UpdateField.Kind.TEXT && entry.getValue() instanceof String) {
        sb.append('(').append(((String) entry.getValue()).length()).append(" chars)");
      } else {
        sb.append(entry.getValue());
      }
      separator = ", ";
    }
    return sb.append('}').toString();
  }

  /**
   * One field's value as the builder took it, for code that walks the table of fields rather than
   * calling each accessor (a bulk journal's fingerprint, say): a {@code String} for {@link
   * UpdateField.Kind#IDENTIFIER} and {@link UpdateField.Kind#TEXT} (a {@link CallbackPayload} for
   * {@link UpdateField#CALLBACK_PAYLOAD}), a {@code Boolean}, a {@code List<UseCase>} or a {@code
   * List<Credential>}. Credential values are in it: never log it.
   *
   * @param field a field of the table
   * @return the value; empty when the field is not set
   */
  public Optional<Object> value(UpdateField field) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(field, "field == null")));
  }

  /** Builds a {@link MemberUpdate}. Setters check their argument at once; {@link #build()} checks the whole. */
  public static final class Builder {
    private final EnumMap<UpdateField, Object> values = new EnumMap<>(UpdateField.class);
    private final List<Credential> credentials = new ArrayList<>();

    private Builder() {}

    private Builder(MemberUpdate update) {
      this.values.putAll(update.values);
      this.values.remove(UpdateField.CREDENTIALS);
      this.credentials.addAll(update.credentials());
    }

    /**
     * Platform only: the user whose member is updated.
     *
     * @param user the user's partner-defined id or MX guid ({@code USR-...}); at most 256 characters
     * @return this builder
     * @throws IllegalArgumentException if blank, {@code .} or {@code ..}, too long, or holding control characters
     */
    public Builder user(String user) {
      return set(UpdateField.USER, Identifiers.check(user, "user"));
    }

    /**
     * The member to update.
     *
     * @param member the member's partner-defined id or MX guid (Platform), or its MX guid (Nexus); at
     *     most 256 characters
     * @return this builder
     * @throws IllegalArgumentException if blank, {@code .} or {@code ..}, too long, or holding control characters
     */
    public Builder member(String member) {
      return set(UpdateField.MEMBER, Identifiers.check(member, "member"));
    }

    /**
     * Adds a credential; repeat for each one the member requires.
     *
     * @param guid the credential's MX guid ({@code CRD-...}), from the institution's credentials
     * @param value the new value, sent exactly as given and never printed
     * @return this builder
     * @throws IllegalArgumentException if the guid is blank or already added, or the value is empty
     */
    public Builder credential(String guid, String value) {
      return credential(Credential.of(guid, value, "guid", "value"));
    }

    /**
     * Adds a credential made with {@link Credential#of}.
     *
     * @param credential the credential to send
     * @return this builder
     * @throws IllegalArgumentException if a credential with the same guid was already added
     */
    public Builder credential(Credential credential) {
      Objects.requireNonNull(credential, "credential == null");
      for (int i = 0; i < credentials.size(); i++) {
        if (credentials.get(i).guid().equals(credential.guid())) {
          // the guid is not shown: it may be a secret typed in the wrong place
          throw new IllegalArgumentException(
              "credential: the guid of credential " + (credentials.size() + 1) + " is that of credential " + (i + 1)
                  + " (counting from 1): each credential may be set once");
        }
      }
      credentials.add(credential);
      return this;
    }

    /**
     * Platform only: gives the member a new partner-defined id.
     *
     * @param id the new id; at most 256 characters
     * @return this builder
     * @throws IllegalArgumentException if blank, too long, or holding control characters
     */
    public Builder id(String id) {
      return set(UpdateField.ID, Identifiers.check(id, "id"));
    }

    /**
     * Sets the member's metadata: free text, sent as it is.
     *
     * @param metadata the text; it must be sendable as UTF-8 (no unpaired surrogate)
     * @return this builder
     * @throws IllegalArgumentException if it holds an unpaired surrogate
     */
    public Builder metadata(String metadata) {
      Objects.requireNonNull(metadata, "metadata == null");
      Identifiers.checkEncodable(metadata, "metadata");
      return set(UpdateField.METADATA, metadata);
    }

    /**
     * Platform only: turns MX's background aggregation of the member off or on.
     *
     * @param backgroundAggregationDisabled true to stop background aggregation
     * @return this builder
     */
    public Builder backgroundAggregationDisabled(boolean backgroundAggregationDisabled) {
      return set(UpdateField.BACKGROUND_AGGREGATION_DISABLED, backgroundAggregationDisabled);
    }

    /**
     * Platform only: the member's use cases, replacing the ones it has.
     *
     * @param useCases at least one; {@link UseCase#UNKNOWN} cannot be sent
     * @return this builder
     * @throws IllegalArgumentException if empty or holding {@code UNKNOWN}
     */
    public Builder useCases(UseCase... useCases) {
      Objects.requireNonNull(useCases, "useCases == null");
      List<UseCase> list = Arrays.asList(useCases);
      if (list.isEmpty()) {
        throw new IllegalArgumentException("useCases must name at least one use case");
      }
      for (UseCase useCase : list) {
        Objects.requireNonNull(useCase, "useCases element == null");
        if (useCase == UseCase.UNKNOWN) {
          throw new IllegalArgumentException("useCases: UNKNOWN is read-only and cannot be sent");
        }
      }
      return set(UpdateField.USE_CASES, List.copyOf(list));
    }

    /**
     * Platform only: text MX echoes back in the webhooks of this update.
     *
     * @param text UTF-8 text, base64-encoded by the SDK; at most 1024 characters once encoded
     * @return this builder
     * @throws IllegalArgumentException if empty or too long once encoded
     */
    public Builder callbackPayload(String text) {
      return callbackPayload(CallbackPayload.ofText(text));
    }

    /**
     * Platform only: bytes MX echoes back in the webhooks of this update.
     *
     * @param bytes the bytes, base64-encoded by the SDK; at most 1024 characters once encoded
     * @return this builder
     * @throws IllegalArgumentException if empty or too long once encoded
     */
    public Builder callbackPayload(byte[] bytes) {
      return callbackPayload(CallbackPayload.ofBytes(bytes));
    }

    /**
     * Platform only: a payload already made, for instance with {@link CallbackPayload#ofEncoded}.
     *
     * @param payload the payload
     * @return this builder
     */
    public Builder callbackPayload(CallbackPayload payload) {
      return set(UpdateField.CALLBACK_PAYLOAD, Objects.requireNonNull(payload, "callbackPayload == null"));
    }

    /**
     * Nexus only: whether a credentials change starts an aggregation. Do not set it true when
     * answering an MFA challenge.
     *
     * @param skipAggregation true to start no aggregation
     * @return this builder
     */
    public Builder skipAggregation(boolean skipAggregation) {
      return set(UpdateField.SKIP_AGGREGATION, skipAggregation);
    }

    /**
     * Nexus only: whether MX sends a webhook for this change ({@code MX-Skip-Webhook}).
     *
     * @param skipWebhook true to send no webhook
     * @return this builder
     */
    public Builder skipWebhook(boolean skipWebhook) {
      return set(UpdateField.SKIP_WEBHOOK, skipWebhook);
    }

    /**
     * Builds the update. Which fields count as a change depends on the API: the client checks that
     * when the update is sent, before any I/O, and names that API's fields.
     *
     * @return the update
     * @throws IllegalStateException if no member is set, or no field at all is
     */
    public MemberUpdate build() {
      if (!values.containsKey(UpdateField.MEMBER)) {
        throw new IllegalStateException("member is required");
      }
      if (credentials.isEmpty() && values.keySet().stream().allMatch(field -> field.role() == UpdateField.Role.ADDRESS)) {
        throw new IllegalStateException("nothing to update: only the member is set");
      }
      return new MemberUpdate(this);
    }

    private Builder set(UpdateField field, Object value) {
      values.put(field, value);
      return this;
    }
  }
}
