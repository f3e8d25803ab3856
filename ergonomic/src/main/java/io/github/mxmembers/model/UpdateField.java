package io.github.mxmembers.model;

import io.github.mxmembers.MxApi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a member update, one entry each, and the one table that says what each is: the name
 * MX's request gives it, the kind of value it holds, where it goes in the request, and which APIs
 * take it (with why the other does not). {@link MemberUpdate} stores, compares and prints its values
 * by this table; the clients check an update against it before any I/O; both APIs' mappings write
 * the body fields it lists; the command-line tool reads bulk input and makes its options from it. A
 * new MX field is one entry here, its builder method and accessor on {@link MemberUpdate}, and a
 * writer in the mapping of each API that takes it.
 *
 * <p>The names follow MX's pages: {@code background_aggregation_is_disabled}, {@code use_cases} and
 * {@code id} are on the Platform API's update member only; {@code skip_aggregation} and the {@code
 * MX-Skip-Webhook} header on the Nexus API's only; {@code X-CALLBACK-PAYLOAD} is a Platform header.
 */
public enum UpdateField {
  /** The user whose member it is, in the Platform API's path. */
  USER("user", "user", Kind.IDENTIFIER, Role.ADDRESS, Place.PATH, Need.PLATFORM, "the session names the user",
      "Platform: the user's id or guid (USR-...)."),
  /** The member, in the path. */
  MEMBER("member", "member", Kind.IDENTIFIER, Role.ADDRESS, Place.PATH, Need.BOTH, null,
      "The member's id or guid (MBR-...); Nexus: its guid."),
  /** New credential values, each by its credential guid. */
  CREDENTIALS("credentials", "credentials", Kind.CREDENTIALS, Role.CHANGE, Place.BODY, Need.BOTH, null,
      "Credentials to send."),
  /** A new partner-defined id for the member. */
  ID("id", "id", Kind.IDENTIFIER, Role.CHANGE, Place.BODY, Need.PLATFORM, "Nexus members have no partner-defined id",
      "Platform: a new partner-defined id for the member."),
  /** New metadata, opaque text of yours. */
  METADATA("metadata", "metadata", Kind.TEXT, Role.CHANGE, Place.BODY, Need.BOTH, null, "New metadata."),
  /** Whether MX aggregates the member in the background. */
  BACKGROUND_AGGREGATION_DISABLED("background_aggregation_is_disabled", "backgroundAggregationDisabled", Kind.BOOLEAN,
      Role.CHANGE, Place.BODY, Need.PLATFORM, "Nexus update member does not take it",
      "Platform: turn background aggregation off or on."),
  /** What the member's data is used for. */
  USE_CASES("use_cases", "useCases", Kind.USE_CASES, Role.CHANGE, Place.BODY, Need.PLATFORM,
      "Nexus update member does not take it", "Platform; repeatable."),
  /** Text MX echoes back in the webhooks of this change, sent base64-encoded in {@code X-CALLBACK-PAYLOAD}. */
  CALLBACK_PAYLOAD("callback_payload", "callbackPayload", Kind.TEXT, Role.QUALIFIER, Place.HEADER, Need.PLATFORM,
      "X-CALLBACK-PAYLOAD is a Platform API header", "Platform: text MX echoes back in webhooks (sent base64-encoded)."),
  /** Whether a credentials change starts no aggregation. */
  SKIP_AGGREGATION("skip_aggregation", "skipAggregation", Kind.BOOLEAN, Role.QUALIFIER, Place.BODY, Need.NEXUS,
      "skip_aggregation is a Nexus API field", "Nexus: start no aggregation."),
  /** Whether MX sends no webhook for this change, in {@code MX-Skip-Webhook}. */
  SKIP_WEBHOOK("skip_webhook", "skipWebhook", Kind.BOOLEAN, Role.QUALIFIER, Place.HEADER, Need.NEXUS,
      "MX-Skip-Webhook is a Nexus API header", "Nexus: send no webhook.");

  /** The kinds of value a field holds. */
  public enum Kind {
    /** An identifier: non-blank, at most {@value MemberUpdate#MAX_IDENTIFIER_LENGTH} characters, printed as is. */
    IDENTIFIER,
    /** Text of the caller's, printed by its length only. */
    TEXT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One or more {@link UseCase}s; as text, names separated by {@code ;}. */
    USE_CASES,
    /** {@link Credential}s; no text form: values never travel as plain options or cells. */
    CREDENTIALS
  }

  /** What a field does to the update. */
  public enum Role {
    /** Says which member: required, changes nothing. */
    ADDRESS,
    /** Changes the member: an update needs at least one the API takes. */
    CHANGE,
    /** Says how the change is made (a webhook's payload, whether to aggregate): never a change alone. */
    QUALIFIER
  }

  /** Where a field goes in the request. */
  public enum Place {
    /** The URL path. */
    PATH,
    /** The JSON body's {@code member} object. */
    BODY,
    /** An HTTP header. */
    HEADER
  }

  /** Which APIs take a field. */
  private enum Need {
    PLATFORM,
    NEXUS,
    BOTH
  }

  /** Every field, in order, copied once: {@code values()} copies the array on each call, and checks run per update. */
  private static final UpdateField[] FIELDS = values();

  private final String wireName;
  private final String javaName;
  private final Kind kind;
  private final Role role;
  private final Place place;
  private final Set<MxApi> apis;
  private final String whyNot;
  private final String description;

  UpdateField(String wireName, String javaName, Kind kind, Role role, Place place, Need need, String whyNot, String description) {
    this.wireName = wireName;
    this.javaName = javaName;
    this.kind = kind;
    this.role = role;
    this.place = place;
    this.apis =
        need == Need.BOTH ? EnumSet.allOf(MxApi.class) : EnumSet.of(need == Need.PLATFORM ? MxApi.PLATFORM : MxApi.NEXUS);
    this.whyNot = whyNot;
    this.description = description;
  }

  /** {@return the name in MX's request and in bulk input files, such as {@code use_cases}} */
  public String wireName() {
    return wireName;
  }

  /** {@return the name of the accessor on {@link MemberUpdate}, such as {@code useCases}} */
  public String javaName() {
    return javaName;
  }

  /** {@return the name of the command-line option, such as {@code --use-cases}} */
  public String optionName() {
    return "--" + javaName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }

  /** {@return the kind of value} */
  public Kind kind() {
    return kind;
  }

  /** {@return what the field does to the update} */
  public Role role() {
    return role;
  }

  /** {@return where the field goes in the request} */
  public Place place() {
    return place;
  }

  /** {@return one sentence for help texts, starting with the API when only one takes the field} */
  public String description() {
    return description;
  }

  /**
   * Whether an API takes the field.
   *
   * @param api the API
   * @return true if its update member call has the field
   */
  public boolean acceptedBy(MxApi api) {
    return apis.contains(api);
  }

  /**
   * The field with this wire name.
   *
   * @param wireName such as {@code skip_webhook}
   * @return the field, or null if no field has that name
   */
  public static UpdateField fromWireName(String wireName) {
    for (UpdateField field : FIELDS) {
      if (field.wireName.equals(wireName)) {
        return field;
      }
    }
    return null;
  }

  /**
   * Sets this field on a builder from its text form: an identifier or text as it is; a boolean as
   * {@code true} or {@code false}; use cases as names separated by {@code ;} (case and spaces around
   * each ignored). Each value goes through the builder's own method and its checks.
   *
   * @param builder the update being built
   * @param text the value as text
   * @return the builder
   * @throws IllegalArgumentException naming the field (by its wire name), never quoting the value,
   *     if the text is no value of the field's kind, or the field has no text form ({@link
   *     Kind#CREDENTIALS})
   */
  public MemberUpdate.Builder setText(MemberUpdate.Builder builder, String text) {
    Objects.requireNonNull(builder, "builder == null");
    Objects.requireNonNull(text, wireName + " == null");
    switch (kind) {
      case BOOLEAN:
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException(wireName + ": expected true or false");
        }
        return set(builder, Boolean.parseBoolean(text));
      case USE_CASES:
        return set(builder, useCases(text));
      case CREDENTIALS:
        throw new IllegalArgumentException(wireName + ": has no text form (credential values are never plain text here)");
      default:
        return set(builder, text);
    }
  }

  private List<UseCase> useCases(String text) {
    List<UseCase> useCases = new ArrayList<>();
    for (String name : text.split(";", -1)) {
      UseCase useCase = UseCase.fromValue(name.trim().toUpperCase(Locale.ROOT));
      if (useCase == null || useCase == UseCase.UNKNOWN) {
        throw new IllegalArgumentException(wireName + ": expected " + String.join(", ", sendable()));
      }
      useCases.add(useCase);
    }
    return useCases;
  }

  /** The use cases an update can send: every one the spec has, never {@link UseCase#UNKNOWN}. */
  private static List<String> sendable() {
    List<String> names = new ArrayList<>();
    for (UseCase useCase : UseCase.values()) {
      if (useCase != UseCase.UNKNOWN) {
        names.add(useCase.value());
      }
    }
    return names;
  }

  /** Calls the builder method of this field with a value of its kind. */
  @SuppressWarnings("unchecked")
  private MemberUpdate.Builder set(MemberUpdate.Builder builder, Object value) {
    switch (this) {
      case USER:
        return builder.user((String) value);
      case MEMBER:
        return builder.member((String) value);
      case ID:
        return builder.id((String) value);
      case METADATA:
        return builder.metadata((String) value);
      case BACKGROUND_AGGREGATION_DISABLED:
        return builder.backgroundAggregationDisabled((Boolean) value);
      case USE_CASES:
        return builder.useCases(((List<UseCase>) value).toArray(new UseCase[0]));
      case CALLBACK_PAYLOAD:
        return builder.callbackPayload((String) value);
      case SKIP_AGGREGATION:
        return builder.skipAggregation((Boolean) value);
      case SKIP_WEBHOOK:
        return builder.skipWebhook((Boolean) value);
      default:
        throw new IllegalArgumentException(wireName + ": has no text form");
    }
  }

  /**
   * Checks an update against what the API takes, before any I/O: the client an update is sent with
   * calls it, and a program that builds updates for one API may call it to refuse a bad one early.
   *
   * @param update the update
   * @param api the API it is for
   * @throws IllegalArgumentException naming the first field set that the API does not take, and
   *     why; or, when no field the API takes changes the member, the fields that would
   */
  public static void check(MemberUpdate update, MxApi api) {
    Objects.requireNonNull(update, "update == null");
    Objects.requireNonNull(api, "api == null");
    boolean changes = false;
    for (UpdateField field : FIELDS) {
      if (!update.has(field)) {
        continue;
      }
      if (!field.acceptedBy(api)) {
        throw new IllegalArgumentException(field.javaName + ": not " + article(api) + " field (" + field.whyNot + ")");
      }
      changes |= field.role == Role.CHANGE;
    }
    if (!changes) {
      List<String> changing = new ArrayList<>();
      List<String> qualifying = new ArrayList<>();
      for (UpdateField field : FIELDS) {
        if (field.acceptedBy(api) && field.role != Role.ADDRESS) {
          (field.role == Role.CHANGE ? changing : qualifying).add(field.javaName);
        }
      }
      throw new IllegalArgumentException(
          "nothing to update on the " + shortName(api) + ": set at least one of " + String.join(", ", changing)
              + " (" + String.join(" and ", qualifying) + (qualifying.size() == 1 ? " only qualifies" : " only qualify")
              + " an update)");
    }
    if (api == MxApi.PLATFORM && !update.has(USER)) {
      throw new IllegalArgumentException("user is required for the Platform API: MemberUpdate.builder().user(...)");
    }
  }

  private static String shortName(MxApi api) {
    return api == MxApi.PLATFORM ? "Platform API" : "Nexus API";
  }

  private static String article(MxApi api) {
    return "a " + shortName(api);
  }
}
