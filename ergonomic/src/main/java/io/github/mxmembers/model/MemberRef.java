package io.github.mxmembers.model;

import io.github.mxmembers.internal.Identifiers;
import java.util.Objects;
import java.util.Optional;

/**
 * Which member a call is about, for either API: on the Platform API a user and a member (each by
 * your id or MX's guid), on the Nexus API a member's guid alone (a session is its user's). What the
 * API-neutral {@link io.github.mxmembers.MxClient} calls take; the API clients' own methods take the
 * identifiers themselves. Immutable; checked as it is made, as {@link MemberUpdate.Builder#member}
 * checks an identifier.
 */
public final class MemberRef {
  private final String user;
  private final String member;

  private MemberRef(String user, String member) {
    this.user = user;
    this.member = member;
  }

  /**
   * A Platform API member.
   *
   * @param user the user, by your id or MX's guid ({@code USR-...})
   * @param member the member, by your id or MX's guid ({@code MBR-...})
   * @return the reference
   * @throws IllegalArgumentException naming {@code user} or {@code member} if either is not a valid identifier
   */
  public static MemberRef of(String user, String member) {
    return new MemberRef(Identifiers.check(user, "user"), Identifiers.check(member, "member"));
  }

  /**
   * A Nexus API member: the session's user's.
   *
   * @param member the member's guid ({@code MBR-...})
   * @return the reference
   * @throws IllegalArgumentException naming {@code member} if it is not a valid identifier
   */
  public static MemberRef of(String member) {
    return new MemberRef(null, Identifiers.check(member, "member"));
  }

  /** {@return the user, on the Platform API; empty on the Nexus API} */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** {@return the member} */
  public String member() {
    return member;
  }

  /** {@return whether {@code o} is a {@code MemberRef} to the same user and member} */
  @Override
  public boolean equals(Object o) {
    return o instanceof MemberRef && Objects.equals(user, ((MemberRef) o).user) && member.equals(((MemberRef) o).member);
  }

  /** {@return a hash of the user and member, consistent with {@link #equals}} */
  @Override
  public int hashCode() {
    return Objects.hash(user, member);
  }

  /** {@return the user and member, as {@code user/member} on the Platform API and the member on the Nexus API} */
  @Override
  public String toString() {
    return user == null ? member : user + "/" + member;
  }
}
