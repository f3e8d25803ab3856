package io.github.mxmembers.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One credential a member's institution asks for, as MX's list member credentials call gives it:
 * what to ask the end user ({@link #label()}), in which order ({@link #displayOrder()}), and the guid
 * the answer goes under in an update ({@link #withValue}). Immutable; {@link #builder(String)} makes
 * one, as the SDK does from MX's answer and as a unit test does to stub the SDK.
 *
 * <pre>{@code
 * MemberUpdate.Builder update = MemberUpdate.builder().user(user).member(member);
 * for (RequiredCredential needed : platform.listCredentials(user, member)) {
 *   update.credential(needed.withValue(ask(needed.label())));
 * }
 * }</pre>
 */
public final class RequiredCredential {
  private final String guid;
  private final String label;
  private final String fieldName;
  private final String type;
  private final String fieldType;
  private final Integer displayOrder;

  private RequiredCredential(Builder builder) {
    this.guid = builder.guid;
    this.label = builder.label;
    this.fieldName = builder.fieldName;
    this.type = builder.type;
    this.fieldType = builder.fieldType;
    this.displayOrder = builder.displayOrder;
  }

  /**
   * A new builder for a required credential.
   *
   * @param guid the credential's guid ({@code CRD-...})
   * @return the builder
   */
  public static Builder builder(String guid) {
    return new Builder(Objects.requireNonNull(guid, "guid == null"));
  }

  /** {@return the credential's MX guid ({@code CRD-...}), which an update's credential names} */
  public String guid() {
    return guid;
  }

  /** {@return what to show the end user, such as {@code Username}; empty when MX sent none} */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** {@return the institution's name for the field, such as {@code LOGIN}; not unique} */
  public Optional<String> fieldName() {
    return Optional.ofNullable(fieldName);
  }

  /**
   * {@return what the credential is, as MX names it: on the Platform API its {@code type} (such as
   * {@code LOGIN} or {@code PASSWORD}), on the Nexus API its {@code field_type_name} (such as {@code
   * LOGIN}); empty when MX sent none}
   */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** {@return the position to ask for it in, from 1; empty when MX sent none} */
  public OptionalInt displayOrder() {
    return displayOrder == null ? OptionalInt.empty() : OptionalInt.of(displayOrder);
  }

  /**
   * The answer to this credential, ready for {@link MemberUpdate.Builder#credential(Credential)}.
   *
   * @param value what the end user entered; never printed
   * @return the credential
   * @throws IllegalArgumentException if the value is empty (see {@link Credential#of})
   */
  public Credential withValue(String value) {
    return Credential.of(guid, value);
  }

  /**
   * {@return MX's {@code field_type}, as sent: on the Platform API the kind of input (such as {@code
   * TEXT} or {@code PASSWORD}), on the Nexus API a number (its name is {@link #type()}); empty when MX
   * sent none}
   */
  public Optional<String> fieldType() {
    return Optional.ofNullable(fieldType);
  }

  /**
   * {@return whether the end user's input may be shown as it is typed: only for a {@link #fieldType()}
   * of {@code TEXT}, or, without one, a {@link #type()} of {@code LOGIN} or {@code USERNAME}; every
   * other credential (a password, a field type this SDK does not know, none at all) is asked without
   * echo, since MX's pages list no field types}
   */
  public boolean echoable() {
    if (fieldType != null && !fieldType.chars().allMatch(Character::isDigit)) {
      return fieldType.equalsIgnoreCase("TEXT");
    }
    return type != null && (type.equalsIgnoreCase("LOGIN") || type.equalsIgnoreCase("USERNAME"));
  }

  /** {@return whether {@code o} is a {@code RequiredCredential} with the same values} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RequiredCredential)) {
      return false;
    }
    RequiredCredential other = (RequiredCredential) o;
    return guid.equals(other.guid)
        && Objects.equals(label, other.label)
        && Objects.equals(fieldName, other.fieldName)
        && Objects.equals(type, other.type)
        && Objects.equals(fieldType, other.fieldType)
        && Objects.equals(displayOrder, other.displayOrder);
  }

  /** {@return a hash of the values, consistent with {@link #equals}} */
  @Override
  public int hashCode() {
    return Objects.hash(guid, label, fieldName, type, fieldType, displayOrder);
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "RequiredCredential{guid=" + guid + ", label=" + label + ", fieldName=" + fieldName + ", type=" + type
        + ", fieldType=" + fieldType + ", displayOrder=" + displayOrder + "}";
  }

  /** Builds a {@link RequiredCredential}: the guid is required, every other part optional, as MX's are. */
  public static final class Builder {
    private final String guid;
    private String label;
    private String fieldName;
    private String type;
    private String fieldType;
    private Integer displayOrder;

    private Builder(String guid) {
      this.guid = guid;
    }

    /**
     * Sets what to show the end user.
     *
     * @param label the label, or null
     * @return this builder
     */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    /**
     * Sets the institution's name for the field.
     *
     * @param fieldName the name, or null
     * @return this builder
     */
    public Builder fieldName(String fieldName) {
      this.fieldName = fieldName;
      return this;
    }

    /**
     * Sets the field's type as MX names it.
     *
     * @param type the type, or null
     * @return this builder
     */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /**
     * Sets MX's {@code field_type}, as sent.
     *
     * @param fieldType the field type, or null
     * @return this builder
     */
    public Builder fieldType(String fieldType) {
      this.fieldType = fieldType;
      return this;
    }

    /**
     * Sets the position to ask for it in.
     *
     * @param displayOrder the position, from 1, or null
     * @return this builder
     */
    public Builder displayOrder(Integer displayOrder) {
      this.displayOrder = displayOrder;
      return this;
    }

    /** {@return the required credential} */
    public RequiredCredential build() {
      return new RequiredCredential(this);
    }
  }
}
