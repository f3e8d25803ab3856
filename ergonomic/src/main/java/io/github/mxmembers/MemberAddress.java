package io.github.mxmembers;

/**
 * Which member, and for a list call which page: the input of the calls around the update. The user is the
 * Platform API's alone; a Nexus session is its user's.
 */
final class MemberAddress {
  /** The most records MX gives on one page, asked for so that a list is almost always one call. */
  static final int RECORDS_PER_PAGE = 1000;
  /** A list of more pages than this is taken for a fault of MX's paging, not read forever. */
  static final int MAX_PAGES = 1000;

  final String user;
  final String member;
  final int page;

  private MemberAddress(String user, String member, int page) {
    this.user = user;
    this.member = member;
    this.page = page;
  }

  /**
   * The first page of a Platform member's list.
   *
   * @throws IllegalArgumentException naming {@code user} or {@code member} if either is not a valid identifier
   */
  static MemberAddress platform(String user, String member) {
    return new MemberAddress(Identifiers.check(user, "user"), Identifiers.check(member, "member"), 1);
  }

  /**
   * The first page of a Nexus member's list.
   *
   * @throws IllegalArgumentException naming {@code member} if it is not a valid identifier
   */
  static MemberAddress nexus(String member) {
    return new MemberAddress(null, Identifiers.check(member, "member"), 1);
  }

  MemberAddress next() {
    return new MemberAddress(user, member, page + 1);
  }
}
