package io.github.mxmembers;

import java.util.Objects;

/** One credential to send: the MX credential guid and its value. The value never appears in {@link #toString()}. */
public final class Credential {
  private final String guid;
  private final String value;

  private Credential(String guid, String value) {
    this.guid = guid;
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException if the guid is blank or the value is empty
   */
  public static Credential of(String guid, String value) {
    Objects.requireNonNull(guid, "credential guid == null");
    Objects.requireNonNull(value, "credential value == null");
    if (guid.isBlank()) {
      throw new IllegalArgumentException("credential guid must not be blank");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException("credential " + guid + ": value must not be empty");
    }
    return new Credential(guid, value);
  }

  public String guid() {
    return guid;
  }

  /** The secret value. Handle with care: never log it. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential
        && ((Credential) o).guid.equals(guid)
        && ((Credential) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(guid, value);
  }

  @Override
  public String toString() {
    return guid + "=****";
  }
}
