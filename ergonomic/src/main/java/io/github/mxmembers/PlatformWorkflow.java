package io.github.mxmembers;

import io.github.mxmembers.generated.platform.api.MembersApi;
import io.github.mxmembers.generated.platform.model.CredentialRequest;
import io.github.mxmembers.generated.platform.model.MemberResumeRequest;
import io.github.mxmembers.generated.platform.model.MemberResumeRequestBody;
import java.util.ArrayList;
import java.util.List;

/**
 * The Platform API's calls around the update, each an {@link Operation}: the member's required
 * credentials, its status, its MFA challenges, and resuming its aggregation with answers.
 */
final class PlatformWorkflow {
  private PlatformWorkflow() {}

  /** {@code GET /users/{user}/members/{member}/credentials}, one page. */
  static Operation<MemberAddress, Page<RequiredCredential>> listCredentials(PlatformApiVersion version) {
    return new WorkflowOperation<>(
        at -> MembersApi.listMemberCredentialsRequest(version.value(), at.user, at.member, at.page, MemberAddress.RECORDS_PER_PAGE),
        MembersApi::listMemberCredentialsResponseJson,
        body -> WorkflowJson.credentials(body, "type"),
        false);
  }

  /**
   * {@code GET /users/{user}/members/{member}/status}: the member's status fields (connection status,
   * aggregated at, being aggregated; {@code is_authenticated}, {@code has_processed_*} and the
   * challenges in its raw JSON).
   */
  static Operation<MemberAddress, Member> readStatus(PlatformApiVersion version) {
    return new WorkflowOperation<>(
        at -> MembersApi.readMemberStatusRequest(version.value(), at.user, at.member),
        MembersApi::readMemberStatusResponseJson,
        body -> WorkflowOperation.member(body, PlatformUpdateMember::member),
        false);
  }

  /** {@code GET /users/{user}/members/{member}/challenges}, one page; a 204 is no challenges. */
  static Operation<MemberAddress, Page<Challenge>> listChallenges(PlatformApiVersion version) {
    return new WorkflowOperation<>(
        at -> MembersApi.listMemberChallengesRequest(version.value(), at.user, at.member, at.page, MemberAddress.RECORDS_PER_PAGE),
        MembersApi::listMemberChallengesResponseJson,
        WorkflowJson::challenges,
        false);
  }

  /**
   * {@code PUT /users/{user}/members/{member}/resume}, rooted in {@code member}. Sent once: a repeat
   * after the first may have reached MX could answer a one-time code twice, or meet a member no
   * longer challenged and fail where the first succeeded; it is retried only if it was never sent.
   */
  static Operation<MemberResume, Member> resume(PlatformApiVersion version) {
    return new WorkflowOperation<>(
        resume -> {
          String user = resume.user().orElseThrow(() -> new IllegalArgumentException("user is required on the Platform API"));
          return MembersApi.resumeAggregationRequest(
              version.value(), user, resume.member(), new MemberResumeRequestBody().member(new MemberResumeRequest().challenges(answers(resume))));
        },
        MembersApi::resumeAggregationResponseJson,
        body -> WorkflowOperation.member(body, PlatformUpdateMember::member),
        true);
  }

  private static List<CredentialRequest> answers(MemberResume resume) {
    List<CredentialRequest> answers = new ArrayList<>(resume.answers().size());
    for (Credential answer : resume.answers()) {
      answers.add(new CredentialRequest().guid(answer.guid()).value(answer.value()));
    }
    return answers;
  }
}
