package io.github.mxmembers;

import com.google.gson.JsonObject;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.model.CredentialRequest;
import io.github.mxmembers.generated.nexus.model.MemberResponse;
import io.github.mxmembers.generated.nexus.model.MemberResponseBody;
import io.github.mxmembers.generated.nexus.model.MemberUpdateRequest;
import io.github.mxmembers.generated.nexus.model.MemberUpdateRequestBody;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Nexus API's update member call, {@code PUT /members/{member_guid}}: a MemberUpdate to the wire
 * format and the member back, the only place that knows those models.
 */
final class NexusUpdateMember implements Operation<MemberUpdate, MemberUpdateResult> {
  static final NexusUpdateMember INSTANCE = new NexusUpdateMember();

  /** The body fields, by the table: each written with the generated model's own setter. */
  private static final BodyWriters<MemberUpdateRequest> BODY =
      new BodyWriters<>(
          MxApi.NEXUS,
          Map.of(
              UpdateField.CREDENTIALS, (member, update) -> member.credentials(credentials(update)),
              UpdateField.METADATA, (member, update) -> member.metadata(update.metadata().orElseThrow()),
              UpdateField.SKIP_AGGREGATION, (member, update) -> member.skipAggregation(update.skipAggregation().orElseThrow())));

  private NexusUpdateMember() {}

  /**
   * Checks the update against what the Nexus API has, then prepares the request.
   *
   * @throws IllegalArgumentException naming the field the Nexus API does not have
   */
  @Override
  public PreparedRequest prepare(MemberUpdate update) {
    Objects.requireNonNull(update, "update == null");
    UpdateField.check(update, MxApi.NEXUS);
    MemberUpdateRequest member = BODY.write(new MemberUpdateRequest(), update);
    return MembersApi.updateMemberRequest(
        update.member(),
        new MemberUpdateRequestBody().member(member),
        update.skipWebhook().orElse(null),
        null);
  }

  private static List<CredentialRequest> credentials(MemberUpdate update) {
    List<CredentialRequest> credentials = new ArrayList<>(update.credentials().size());
    for (Credential credential : update.credentials()) {
      credentials.add(new CredentialRequest().guid(credential.guid()).value(credential.value()));
    }
    return credentials;
  }

  @Override
  public MemberUpdateResult read(Call call, PreparedRequest request, Response response) {
    return MemberUpdateResult.read(
        call, request, response, MembersApi::updateMemberResponseJson, NexusUpdateMember::member);
  }

  /** The member in a response body, by the generated models' field names. */
  static Member member(JsonObject body) {
    MemberJson json = MemberJson.of(body, MemberResponseBody.SERIALIZED_NAME_MEMBER);
    Member.Builder b = new Member.Builder(json.json());
    b.guid = json.string(MemberResponse.SERIALIZED_NAME_GUID);
    b.userGuid = json.string(MemberResponse.SERIALIZED_NAME_USER_GUID);
    b.name = json.string(MemberResponse.SERIALIZED_NAME_NAME);
    b.institutionCode = json.string(MemberResponse.SERIALIZED_NAME_INSTITUTION_CODE);
    b.institutionGuid = json.string(MemberResponse.SERIALIZED_NAME_INSTITUTION_GUID);
    b.connectionStatus = json.string(MemberResponse.SERIALIZED_NAME_CONNECTION_STATUS);
    b.connectionStatusMessage = json.string(MemberResponse.SERIALIZED_NAME_CONNECTION_STATUS_MESSAGE);
    b.aggregatedAt = json.string(MemberResponse.SERIALIZED_NAME_AGGREGATED_AT);
    b.successfullyAggregatedAt = json.string(MemberResponse.SERIALIZED_NAME_SUCCESSFULLY_AGGREGATED_AT);
    b.mostRecentJobGuid = json.string(MemberResponse.SERIALIZED_NAME_MOST_RECENT_JOB_GUID);
    b.metadata = json.string(MemberResponse.SERIALIZED_NAME_METADATA);
    b.beingAggregated = json.bool(MemberResponse.SERIALIZED_NAME_IS_BEING_AGGREGATED);
    b.backgroundAggregationDisabled = json.bool(MemberResponse.SERIALIZED_NAME_BACKGROUND_AGGREGATION_IS_DISABLED);
    b.needsUpdatedCredentials = json.bool(MemberResponse.SERIALIZED_NAME_NEEDS_UPDATED_CREDENTIALS);
    b.oauth = json.bool(MemberResponse.SERIALIZED_NAME_IS_OAUTH);
    b.useCases = json.strings(MemberResponse.SERIALIZED_NAME_USE_CASES);
    return b.build();
  }
}
