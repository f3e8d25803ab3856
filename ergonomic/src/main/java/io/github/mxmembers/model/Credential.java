package io.github.mxmembers.model;

import io.github.mxmembers.internal.Identifiers;
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
   * Makes a credential.
   *
   * @param guid the credential's MX guid ({@code CRD-...})
   * @param value sent byte for byte as given (spaces included); it must be sendable as UTF-8
   * @return the credential
   * @throws IllegalArgumentException if the guid is not a valid identifier (see {@link
   *     MemberUpdate.Builder#member}), or the value is empty or has an unpaired surrogate; messages
   *     never show the value
   */
  public static Credential of(String guid, String value) {
    return of(guid, value, "guid", "value");
  }

  /**
   * {@link #of(String, String)}, its messages naming the parameters as the caller's method does
   * ({@code challengeGuid}, say); they never show the guid either, which may be a secret typed in
   * the wrong place.
   */
  static Credential of(String guid, String value, String guidName, String valueName) {
    Identifiers.check(guid, guidName);
    Objects.requireNonNull(value, valueName + " == null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(valueName + " must not be empty");
    }
    Identifiers.checkEncodable(value, valueName);
    return new Credential(guid, value);
  }

  /** {@return the credential's MX guid} */
  public String guid() {
    return guid;
  }

  /** {@return the secret value; handle with care, never log it} */
  public String value() {
    return value;
  }

  /** {@return whether {@code o} is a {@code Credential} with the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof Credential
        && ((Credential) o).guid.equals(guid)
        && ((Credential) o).value.equals(value);
  }

  /** {@return a hash of the values, consistent with {@link #equals}} */
  @Override
  public int hashCode() {
    return Objects.hash(guid, value);
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return guid + "=****";
  }
}
