package io.github.mxmembers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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

  private final String user;
  private final String member;
  private final List<Credential> credentials;
  private final String id;
  private final String metadata;
  private final Boolean backgroundAggregationDisabled;
  private final List<UseCase> useCases;
  private final CallbackPayload callbackPayload;
  private final Boolean skipAggregation;
  private final Boolean skipWebhook;

  private MemberUpdate(Builder builder) {
    this.user = builder.user;
    this.member = builder.member;
    this.credentials = Collections.unmodifiableList(new ArrayList<>(builder.credentials));
    this.id = builder.id;
    this.metadata = builder.metadata;
    this.backgroundAggregationDisabled = builder.backgroundAggregationDisabled;
    this.useCases = builder.useCases == null ? null : List.copyOf(builder.useCases);
    this.callbackPayload = builder.callbackPayload;
    this.skipAggregation = builder.skipAggregation;
    this.skipWebhook = builder.skipWebhook;
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
    return Optional.ofNullable(user);
  }

  /** {@return the member: on the Platform API its id or guid, on the Nexus API its MX guid} */
  public String member() {
    return member;
  }

  /** {@return the credentials to send, in the order they were added, unmodifiable; empty when none} */
  public List<Credential> credentials() {
    return credentials;
  }

  /** {@return Platform only: a new partner-defined id for the member} */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** {@return the new metadata, free text sent as it is} */
  public Optional<String> metadata() {
    return Optional.ofNullable(metadata);
  }

  /** {@return Platform only: whether MX stops aggregating the member in the background} */
  public Optional<Boolean> backgroundAggregationDisabled() {
    return Optional.ofNullable(backgroundAggregationDisabled);
  }

  /** {@return Platform only: the member's new use cases, unmodifiable} */
  public Optional<List<UseCase>> useCases() {
    return Optional.ofNullable(useCases);
  }

  /** {@return Platform only: the payload sent as {@code X-CALLBACK-PAYLOAD} and echoed in webhooks} */
  public Optional<CallbackPayload> callbackPayload() {
    return Optional.ofNullable(callbackPayload);
  }

  /** {@return Nexus only: when true, no aggregation starts after the credentials change} */
  public Optional<Boolean> skipAggregation() {
    return Optional.ofNullable(skipAggregation);
  }

  /** {@return Nexus only: when true, MX sends no webhook for this change ({@code MX-Skip-Webhook})} */
  public Optional<Boolean> skipWebhook() {
    return Optional.ofNullable(skipWebhook);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MemberUpdate)) {
      return false;
    }
    MemberUpdate other = (MemberUpdate) o;
    return Objects.equals(user, other.user)
        && member.equals(other.member)
        && credentials.equals(other.credentials)
        && Objects.equals(id, other.id)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(backgroundAggregationDisabled, other.backgroundAggregationDisabled)
        && Objects.equals(useCases, other.useCases)
        && Objects.equals(callbackPayload, other.callbackPayload)
        && Objects.equals(skipAggregation, other.skipAggregation)
        && Objects.equals(skipWebhook, other.skipWebhook);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        user,
        member,
        credentials,
        id,
        metadata,
        backgroundAggregationDisabled,
        useCases,
        callbackPayload,
        skipAggregation,
        skipWebhook);
  }

  /** Names and flags only: credential values are shown as {@code ****}, metadata by length. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MemberUpdate{");
    if (user != null) {
      sb.append("user=").append(user).append(", ");
    }
    sb.append("member=").append(member);
    if (!credentials.isEmpty()) {
      sb.append(", credentials=").append(credentials);
    }
    appendIfSet(sb, "id", id);
    if (metadata != null) {
      sb.append(", metadata=(").append(metadata.length()).append(" chars)");
    }
    appendIfSet(sb, "backgroundAggregationDisabled", backgroundAggregationDisabled);
    appendIfSet(sb, "useCases", useCases);
    appendIfSet(sb, "callbackPayload", callbackPayload);
    appendIfSet(sb, "skipAggregation", skipAggregation);
    appendIfSet(sb, "skipWebhook", skipWebhook);
    return sb.append('}').toString();
  }

  private static void appendIfSet(StringBuilder sb, String name, Object value) {
    if (value != null) {
      sb.append(", ").append(name).append('=').append(value);
    }
  }

  /** Builds a {@link MemberUpdate}. Setters check their argument at once; {@link #build()} checks the whole. */
  public static final class Builder {
    private String user;
    private String member;
    private final List<Credential> credentials = new ArrayList<>();
    private String id;
    private String metadata;
    private Boolean backgroundAggregationDisabled;
    private List<UseCase> useCases;
    private CallbackPayload callbackPayload;
    private Boolean skipAggregation;
    private Boolean skipWebhook;

    private Builder() {}

    private Builder(MemberUpdate update) {
      this.user = update.user;
      this.member = update.member;
      this.credentials.addAll(update.credentials);
      this.id = update.id;
      this.metadata = update.metadata;
      this.backgroundAggregationDisabled = update.backgroundAggregationDisabled;
      this.useCases = update.useCases;
      this.callbackPayload = update.callbackPayload;
      this.skipAggregation = update.skipAggregation;
      this.skipWebhook = update.skipWebhook;
    }

    /**
     * Platform only: the user whose member is updated.
     *
     * @param user the user's partner-defined id or MX guid ({@code USR-...}); at most 256 characters
     * @return this builder
     * @throws IllegalArgumentException if blank, {@code .} or {@code ..}, too long, or holding control characters
     */
    public Builder user(String user) {
      this.user = Identifiers.check(user, "user");
      return this;
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
      this.member = Identifiers.check(member, "member");
      return this;
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
      return credential(Credential.of(guid, value));
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
      for (Credential existing : credentials) {
        if (existing.guid().equals(credential.guid())) {
          throw new IllegalArgumentException("credential " + credential.guid() + " is set twice");
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
      this.id = Identifiers.check(id, "id");
      return this;
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
      this.metadata = metadata;
      return this;
    }

    /**
     * Platform only: turns MX's background aggregation of the member off or on.
     *
     * @param backgroundAggregationDisabled true to stop background aggregation
     * @return this builder
     */
    public Builder backgroundAggregationDisabled(boolean backgroundAggregationDisabled) {
      this.backgroundAggregationDisabled = backgroundAggregationDisabled;
      return this;
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
      this.useCases = List.copyOf(list);
      return this;
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
      this.callbackPayload = Objects.requireNonNull(payload, "callbackPayload == null");
      return this;
    }

    /**
     * Nexus only: whether a credentials change starts an aggregation. Do not set it true when
     * answering an MFA challenge.
     *
     * @param skipAggregation true to start no aggregation
     * @return this builder
     */
    public Builder skipAggregation(boolean skipAggregation) {
      this.skipAggregation = skipAggregation;
      return this;
    }

    /**
     * Nexus only: whether MX sends a webhook for this change ({@code MX-Skip-Webhook}).
     *
     * @param skipWebhook true to send no webhook
     * @return this builder
     */
    public Builder skipWebhook(boolean skipWebhook) {
      this.skipWebhook = skipWebhook;
      return this;
    }

    /**
     * Builds the update. Which fields count as a change depends on the API: the client checks that
     * when the update is sent, before any I/O, and names that API's fields.
     *
     * @return the update
     * @throws IllegalStateException if no member is set, or no field at all is
     */
    public MemberUpdate build() {
      if (member == null) {
        throw new IllegalStateException("member is required");
      }
      if (credentials.isEmpty()
          && id == null
          && metadata == null
          && backgroundAggregationDisabled == null
          && useCases == null
          && callbackPayload == null
          && skipAggregation == null
          && skipWebhook == null) {
        throw new IllegalStateException("nothing to update: only the member is set");
      }
      return new MemberUpdate(this);
    }
  }
}
