package io.github.mxmembers.internal.platform;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.generated.platform.api.MembersApi;
import io.github.mxmembers.generated.platform.model.CredentialRequest;
import io.github.mxmembers.generated.platform.model.MemberResponse;
import io.github.mxmembers.generated.platform.model.MemberResponseBody;
import io.github.mxmembers.generated.platform.model.MemberResumeRequest;
import io.github.mxmembers.generated.platform.model.MemberResumeRequestBody;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequest;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequestBody;
import io.github.mxmembers.internal.client.ApiOperations;
import io.github.mxmembers.internal.client.BodyWriters;
import io.github.mxmembers.internal.client.JsonOperation;
import io.github.mxmembers.internal.client.MemberAddress;
import io.github.mxmembers.internal.client.Operation;
import io.github.mxmembers.internal.client.Page;
import io.github.mxmembers.internal.json.MxJson;
import io.github.mxmembers.model.CallbackPayload;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.model.UpdateField;
import io.github.mxmembers.model.UseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Platform API's calls for one pinned version, and the only place that knows its generated
 * models: update member ({@code PUT /users/{user}/members/{member}}), then the calls around it: the
 * member's required credentials, its status, its MFA challenges, and resuming its aggregation with
 * answers. The member is read by the generated models' field names, so a field MX removes from the
 * spec fails the compilation here, never a silent empty value at run time.
 */
@InternalApi
public final class PlatformOperations {
  /** The update's body fields, by the table: each written with the generated model's own setter. */
  private static final BodyWriters<MemberUpdateRequest> BODY =
      new BodyWriters<>(
          MxApi.PLATFORM,
          Map.of(
              UpdateField.CREDENTIALS, (member, update) -> member.credentials(wire(update.credentials())),
              UpdateField.ID, (member, update) -> member.id(update.id().orElseThrow()),
              UpdateField.METADATA, (member, update) -> member.metadata(update.metadata().orElseThrow()),
              UpdateField.BACKGROUND_AGGREGATION_DISABLED,
                  (member, update) -> member.backgroundAggregationIsDisabled(update.backgroundAggregationDisabled().orElseThrow()),
              UpdateField.USE_CASES, (member, update) -> member.useCases(wireUseCases(update.useCases().orElseThrow()))));

  private PlatformOperations() {}

  /**
   * The Platform API's calls, pinned to a version.
   *
   * @param version the version every request pins in {@code Accept-Version}
   */
  public static ApiOperations of(PlatformApiVersion version) {
    String pinned = version.value();
    Operation<MemberUpdate, MemberUpdateResult> updateMember =
        JsonOperation.idempotent(
            "update",
            update -> {
              UpdateField.check(update, MxApi.PLATFORM);
              return MembersApi.updateMemberRequest(
                  pinned,
                  update.user().orElseThrow(),
                  update.member(),
                  new MemberUpdateRequestBody().member(BODY.write(new MemberUpdateRequest(), update)),
                  update.callbackPayload().map(CallbackPayload::encoded).orElse(null));
            },
            MembersApi::updateMemberResponseJson,
            (body, call, response) ->
                MemberUpdateResult.builder()
                    .api(MxApi.PLATFORM)
                    .status(response.status())
                    .member(body == null ? null : member(body))
                    .attempts(call.attempts())
                    .requestId(response.requestId())
                    .build());
    Operation<MemberAddress, Page<RequiredCredential>> listCredentials =
        JsonOperation.idempotent(
            "member",
            at -> MembersApi.listMemberCredentialsRequest(pinned, at.user, at.member, at.page, MemberAddress.RECORDS_PER_PAGE),
            MembersApi::listMemberCredentialsResponseJson,
            (body, call, response) -> MxJson.credentials(body, "type"));
    // the member's status fields (connection status, aggregated at, being aggregated;
    // is_authenticated, has_processed_* and the challenges in its raw JSON)
    Operation<MemberAddress, Member> readStatus =
        JsonOperation.idempotent(
            "member",
            at -> MembersApi.readMemberStatusRequest(pinned, at.user, at.member),
            MembersApi::readMemberStatusResponseJson,
            (body, call, response) -> member(body));
    // a 204 is no challenges
    Operation<MemberAddress, Page<Challenge>> listChallenges =
        JsonOperation.idempotent(
            "member",
            at -> MembersApi.listMemberChallengesRequest(pinned, at.user, at.member, at.page, MemberAddress.RECORDS_PER_PAGE),
            MembersApi::listMemberChallengesResponseJson,
            (body, call, response) -> MxJson.challenges(body));
    // rooted in member; sent once: a repeat after the first may have reached MX could answer a
    // one-time code twice, or meet a member no longer challenged and fail where the first succeeded
    Operation<MemberResume, Member> resume =
        JsonOperation.once(
            "resume",
            answers -> {
              String user = answers.user().orElseThrow(() -> new IllegalArgumentException("user is required on the Platform API"));
              return MembersApi.resumeAggregationRequest(
                  pinned,
                  user,
                  answers.member(),
                  new MemberResumeRequestBody().member(new MemberResumeRequest().challenges(wire(answers.answers()))));
            },
            MembersApi::resumeAggregationResponseJson,
            (body, call, response) -> member(body));
    return new ApiOperations(MxApi.PLATFORM, updateMember, listCredentials, readStatus, listChallenges, resume);
  }

  /** The member in a response body, by the generated models' field names. */
  public static Member member(com.google.gson.JsonObject body) {
    MxJson json = MxJson.rooted(body, MemberResponseBody.SERIALIZED_NAME_MEMBER);
    return Member.builder()
        .json(json.json())
        .guid(json.string(MemberResponse.SERIALIZED_NAME_GUID))
        .id(json.string(MemberResponse.SERIALIZED_NAME_ID))
        .userGuid(json.string(MemberResponse.SERIALIZED_NAME_USER_GUID))
        .userId(json.string(MemberResponse.SERIALIZED_NAME_USER_ID))
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
        .oauthWindowUri(json.string(MemberResponse.SERIALIZED_NAME_OAUTH_WINDOW_URI))
        .useCases(json.strings(MemberResponse.SERIALIZED_NAME_USE_CASES))
        .build();
  }

  private static List<CredentialRequest> wire(List<Credential> credentials) {
    return BodyWriters.credentials(credentials, (guid, value) -> new CredentialRequest().guid(guid).value(value));
  }

  private static List<io.github.mxmembers.generated.platform.model.UseCase> wireUseCases(List<UseCase> useCases) {
    List<io.github.mxmembers.generated.platform.model.UseCase> wire = new ArrayList<>(useCases.size());
    for (UseCase useCase : useCases) {
      wire.add(io.github.mxmembers.generated.platform.model.UseCase.fromValue(useCase.value()));
    }
    return wire;
  }
}
