package io.github.mxmembers;

import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.model.CredentialRequest;
import io.github.mxmembers.generated.nexus.model.ResumeRequestBody;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nexus API's calls around the update, each an {@link Operation}: the member's required
 * credentials, the member (its status), its MFA challenges, and resuming its aggregation with answers.
 */
final class NexusWorkflow {
  private NexusWorkflow() {}

  /** {@code GET /member/{guid}/credentials} (singular, as MX's page has it), one page. */
  static final Operation<MemberAddress, Page<RequiredCredential>> LIST_CREDENTIALS =
      new WorkflowOperation<>(
          at -> MembersApi.listMemberCredentialsRequest(at.member, at.page, MemberAddress.RECORDS_PER_PAGE),
          MembersApi::listMemberCredentialsResponseJson,
          body -> WorkflowJson.credentials(body, "field_type_name"),
          false);

  /** {@code GET /members/{guid}}: the member, whose status fields a wait follows. */
  static final Operation<MemberAddress, Member> READ_MEMBER =
      new WorkflowOperation<>(
          at -> MembersApi.readMemberRequest(at.member),
          MembersApi::readMemberResponseJson,
          body -> WorkflowOperation.member(body, NexusUpdateMember::member),
          false);

  /** {@code GET /members/{guid}/challenges}, one page; a 204 or an empty list is no challenges. */
  static final Operation<MemberAddress, Page<Challenge>> LIST_CHALLENGES =
      new WorkflowOperation<>(
          at -> MembersApi.listMemberChallengesRequest(at.member, at.page, MemberAddress.RECORDS_PER_PAGE),
          MembersApi::listMemberChallengesResponseJson,
          WorkflowJson::challenges,
          false);

  /**
   * {@code PUT /members/{guid}/resume} with top-level {@code challenges}. Sent once, as on Platform:
   * MX answers 405 once the member is no longer challenged, so a repeat of an answer that reached MX
   * would fail where the first succeeded.
   */
  static final Operation<MemberResume, Member> RESUME =
      new WorkflowOperation<>(
          resume -> {
            if (resume.user().isPresent()) {
              throw new IllegalArgumentException("user: the Nexus API has none (a session is its user's)");
            }
            return MembersApi.resumeAggregationRequest(resume.member(), new ResumeRequestBody().challenges(answers(resume)));
          },
          MembersApi::resumeAggregationResponseJson,
          body -> WorkflowOperation.member(body, NexusUpdateMember::member),
          true);

  private static List<CredentialRequest> answers(MemberResume resume) {
    List<CredentialRequest> answers = new ArrayList<>(resume.answers().size());
    for (Credential answer : resume.answers()) {
      answers.add(new CredentialRequest().guid(answer.guid()).value(answer.value()));
    }
    return answers;
  }
}
