package io.github.mxmembers.internal.client;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.model.MemberRef;

/**
 * Which member, and for a list call which page: the input of the calls around the update. The user is
 * the Platform API's alone; a Nexus session is its user's.
 */
@InternalApi
public final class MemberAddress {
  /** The most records MX gives on one page, asked for so that a list is almost always one call. */
  public static final int RECORDS_PER_PAGE = 1000;
  /** A list of more pages than this is taken for a fault of MX's paging, not read forever. */
  public static final int MAX_PAGES = 1000;

  /** The user, by id or guid; null on the Nexus API. */
  public final String user;
  /** The member, by id or guid. */
  public final String member;
  /** The page, from 1. */
  public final int page;

  private MemberAddress(String user, String member, int page) {
    this.user = user;
    this.member = member;
    this.page = page;
  }

  /** The first page of the member's lists; the reference was checked when it was made. */
  public static MemberAddress of(MemberRef member) {
    return new MemberAddress(member.user().orElse(null), member.member(), 1);
  }

  /** The next page. */
  public MemberAddress next() {
    return new MemberAddress(user, member, page + 1);
  }
}
