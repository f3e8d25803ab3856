package io.github.mxmembers.internal.client;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.RequiredCredential;

/**
 * One MX API's calls, each an {@link Operation}: the seam between the SDK's behaviour and one API's
 * wire format. {@code PlatformOperations} (for a pinned version) and {@code NexusOperations} are the
 * two; the four clients, bulk updates and the waiter reach an API only through one of them, so a new
 * MX call is one more operation here and in each API's class.
 */
@InternalApi
public interface ApiOperations {
  /** {@return the API} */
  MxApi api();

  /** {@return update member} */
  Operation<MemberUpdate, MemberUpdateResult> updateMember();

  /** {@return list member credentials, one page} */
  Operation<MemberAddress, Page<RequiredCredential>> listCredentials();

  /** {@return read the member's status (on Nexus, the member)} */
  Operation<MemberAddress, Member> readStatus();

  /** {@return list member challenges, one page; a 204 is none} */
  Operation<MemberAddress, Page<Challenge>> listChallenges();

  /** {@return resume the aggregation with MFA answers; sent once} */
  Operation<MemberResume, Member> resume();

  /**
   * The first page of a member's lists on this API.
   *
   * @throws NullPointerException if the member is null
   * @throws IllegalArgumentException if the member is not one of this API's: no user on the Platform
   *     API, a user on Nexus
   */
  MemberAddress address(MemberRef member);
}
