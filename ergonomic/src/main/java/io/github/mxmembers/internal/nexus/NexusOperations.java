package io.github.mxmembers.internal.nexus;

import com.google.gson.JsonObject;
import io.github.mxmembers.MxApi;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.model.CredentialRequest;
import io.github.mxmembers.generated.nexus.model.MemberResponse;
import io.github.mxmembers.generated.nexus.model.MemberResponseBody;
import io.github.mxmembers.generated.nexus.model.MemberUpdateRequest;
import io.github.mxmembers.generated.nexus.model.MemberUpdateRequestBody;
import io.github.mxmembers.generated.nexus.model.ResumeRequestBody;
import io.github.mxmembers.internal.client.ApiOperations;
import io.github.mxmembers.internal.client.BodyWriters;
import io.github.mxmembers.internal.client.JsonOperation;
import io.github.mxmembers.internal.client.MemberAddress;
import io.github.mxmembers.internal.client.Operation;
import io.github.mxmembers.internal.client.Page;
import io.github.mxmembers.internal.json.MxJson;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.model.UpdateField;
import java.util.List;
import java.util.Map;

/**
 * The Nexus API's calls, and the only place that knows its generated models: update member ({@code
 * PUT /members/{member_guid}}), then the calls around it: the member's required credentials, the
 * member (its status), its MFA challenges, and resuming its aggregation with answers. Every call runs
 * inside the user's session, which the pipeline's auth step adds.
 */
@InternalApi
public final class NexusOperations {
  /** The update's body fields, by the table: each written with the generated model's own setter. */
  private static final BodyWriters<MemberUpdateRequest> BODY =
      new BodyWriters<>(
          MxApi.NEXUS,
          Map.of(
              UpdateField.CREDENTIALS, (member, update) -> member.credentials(wire(update.credentials())),
              UpdateField.METADATA, (member, update) -> member.metadata(update.metadata().orElseThrow()),
              UpdateField.SKIP_AGGREGATION, (member, update) -> member.skipAggregation(update.skipAggregation().orElseThrow())));

  private static final Operation<MemberUpdate, MemberUpdateResult> UPDATE_MEMBER =
      JsonOperation.idempotent(
          "update",
          update -> {
            UpdateField.check(update, MxApi.NEXUS);
            return MembersApi.updateMemberRequest(
                update.member(),
                new MemberUpdateRequestBody().member(BODY.write(new MemberUpdateRequest(), update)),
                update.skipWebhook().orElse(null),
                null);
          },
          MembersApi::updateMemberResponseJson,
          (body, call, response) ->
              MemberUpdateResult.builder()
                  .api(MxApi.NEXUS)
                  .status(response.status())
                  .member(body == null ? null : member(body))
                  .attempts(call.attempts())
                  .requestId(response.requestId())
                  .build());

  /** {@code GET /member/{guid}/credentials} (singular, as MX's page has it), one page. */
  private static final Operation<MemberAddress, Page<RequiredCredential>> LIST_CREDENTIALS =
      JsonOperation.idempotent(
          "member",
          at -> MembersApi.listMemberCredentialsRequest(at.member, at.page, MemberAddress.RECORDS_PER_PAGE),
          MembersApi::listMemberCredentialsResponseJson,
          (body, call, response) -> MxJson.credentials(body, "field_type_name"));

  /** {@code GET /members/{guid}}: the member, whose status fields a wait follows. */
  private static final Operation<MemberAddress, Member> READ_MEMBER =
      JsonOperation.idempotent(
          "member",
          at -> MembersApi.readMemberRequest(at.member),
          MembersApi::readMemberResponseJson,
          (body, call, response) -> member(body));

  /** {@code GET /members/{guid}/challenges}, one page; a 204 or an empty list is no challenges. */
  private static final Operation<MemberAddress, Page<Challenge>> LIST_CHALLENGES =
      JsonOperation.idempotent(
          "member",
          at -> MembersApi.listMemberChallengesRequest(at.member, at.page, MemberAddress.RECORDS_PER_PAGE),
          MembersApi::listMemberChallengesResponseJson,
          (body, call, response) -> MxJson.challenges(body));

  /**
   * {@code PUT /members/{guid}/resume} with top-level {@code challenges}. Sent once, as on Platform:
   * MX answers 405 once the member is no longer challenged, so a repeat of an answer that reached MX
   * would fail where the first succeeded.
   */
  private static final Operation<MemberResume, Member> RESUME =
      JsonOperation.once(
          "resume",
          resume -> {
            if (resume.user().isPresent()) {
              throw new IllegalArgumentException("user: the Nexus API has none (a session is its user's)");
            }
            return MembersApi.resumeAggregationRequest(resume.member(), new ResumeRequestBody().challenges(wire(resume.answers())));
          },
          MembersApi::resumeAggregationResponseJson,
          (body, call, response) -> member(body));

  /** The Nexus API's calls: one set, since the API has no version to pin. */
  public static final ApiOperations INSTANCE =
      new ApiOperations(MxApi.NEXUS, UPDATE_MEMBER, LIST_CREDENTIALS, READ_MEMBER, LIST_CHALLENGES, RESUME);

  private NexusOperations() {}

  /** The member in a response body, by the generated models' field names. */
  public static Member member(JsonObject body) {
    MxJson json = MxJson.rooted(body, MemberResponseBody.SERIALIZED_NAME_MEMBER);
    return Member.builder()
        .json(json.json())
        .guid(json.string(MemberResponse.SERIALIZED_NAME_GUID))
        .userGuid(json.string(MemberResponse.SERIALIZED_NAME_USER_GUID))
        .name(json.string(MemberResponse.SERIALIZED_NAME_NAME))
        .institutionCode(json.string(MemberResponse.SERIALIZED_NAME_INSTITUTION_CODE))
        .institutionGuid(json.string(MemberResponse.SERIALIZED_NAME_INSTITUTION_GUID))
        .connectionStatus(json.string(MemberResponse.SERIALIZED_NAME_CONNECTION_STATUS))
        .connectionStatusMessage(json.string(MemberResponse.SERIALIZED_NAME_CONNECTION_STATUS_MESSAGE))
        .aggregatedAt(json.string(MemberResponse.SERIALIZED_NAME_AGGREGATED_AT))
        .successfullyAggregatedAt(json.string(MemberResponse.SERIALIZED_NAME_SUCCESSFULLY_AGGREGATED_AT))
        .mostRecentJobGuid(json.string(MemberResponse.SERIALIZED_NAME_MOST_RECENT_JOB_GUID))
        .metadata(json.string(MemberResponse.SERIALIZED_NAME_METADATA))
        .beingAggregated(json.bool(MemberResponse.SERIALIZED_NAME_IS_BEING_AGGREGATED))
        .backgroundAggregationDisabled(json.bool(MemberResponse.SERIALIZED_NAME_BACKGROUND_AGGREGATION_IS_DISABLED))
        .needsUpdatedCredentials(json.bool(MemberResponse.SERIALIZED_NAME_NEEDS_UPDATED_CREDENTIALS))
        .oauth(json.bool(MemberResponse.SERIALIZED_NAME_IS_OAUTH))
        .useCases(json.strings(MemberResponse.SERIALIZED_NAME_USE_CASES))
        .build();
  }

  private static List<CredentialRequest> wire(List<Credential> credentials) {
    return BodyWriters.credentials(credentials, (guid, value) -> new CredentialRequest().guid(guid).value(value));
  }
}
