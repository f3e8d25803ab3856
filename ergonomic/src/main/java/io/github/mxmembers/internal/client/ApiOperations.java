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
import java.util.Objects;

/**
 * One MX API's calls, each an {@link Operation}: the seam between the SDK's behaviour and one API's
 * wire format. {@code PlatformOperations.of(version)} and {@code NexusOperations.INSTANCE} make the two;
 * the four clients, bulk updates and the waiter reach an API only through one of them, so a new MX
 * call is one more operation here and one in each API's class. Immutable.
 */
@InternalApi
public final class ApiOperations {
  private final MxApi api;
  private final Operation<MemberUpdate, MemberUpdateResult> updateMember;
  private final Operation<MemberAddress, Page<RequiredCredential>> listCredentials;
  private final Operation<MemberAddress, Member> readStatus;
  private final Operation<MemberAddress, Page<Challenge>> listChallenges;
  private final Operation<MemberResume, Member> resume;

  /**
   * @param api the API: the Platform API's members are a user's, named with it; a Nexus session is
   *     its user's, and its members are named alone
   */
  public ApiOperations(
      MxApi api,
      Operation<MemberUpdate, MemberUpdateResult> updateMember,
      Operation<MemberAddress, Page<RequiredCredential>> listCredentials,
      Operation<MemberAddress, Member> readStatus,
      Operation<MemberAddress, Page<Challenge>> listChallenges,
      Operation<MemberResume, Member> resume) {
    this.api = api;
    this.updateMember = updateMember;
    this.listCredentials = listCredentials;
    this.readStatus = readStatus;
    this.listChallenges = listChallenges;
    this.resume = resume;
  }

  /** {@return the API} */
  public MxApi api() {
    return api;
  }

  /** {@return update member} */
  public Operation<MemberUpdate, MemberUpdateResult> updateMember() {
    return updateMember;
  }

  /** {@return list member credentials, one page} */
  public Operation<MemberAddress, Page<RequiredCredential>> listCredentials() {
    return listCredentials;
  }

  /** {@return read the member's status (on Nexus, the member)} */
  public Operation<MemberAddress, Member> readStatus() {
    return readStatus;
  }

  /** {@return list member challenges, one page; a 204 is none} */
  public Operation<MemberAddress, Page<Challenge>> listChallenges() {
    return listChallenges;
  }

  /** {@return resume the aggregation with MFA answers; sent once} */
  public Operation<MemberResume, Member> resume() {
    return resume;
  }

  /**
   * The first page of a member's lists on this API.
   *
   * @throws NullPointerException if the member is null
   * @throws IllegalArgumentException if the member is not one of this API's: no user on the Platform
   *     API, a user on Nexus
   */
  public MemberAddress address(MemberRef member) {
    Objects.requireNonNull(member, "member == null");
    if (api == MxApi.PLATFORM && member.user().isEmpty()) {
      throw new IllegalArgumentException("user is required on the Platform API: MemberRef.of(user, member)");
    }
    if (api == MxApi.NEXUS && member.user().isPresent()) {
      throw new IllegalArgumentException("user: the Nexus API has none (a session is its user's): MemberRef.of(member)");
    }
    return MemberAddress.of(member);
  }
}
