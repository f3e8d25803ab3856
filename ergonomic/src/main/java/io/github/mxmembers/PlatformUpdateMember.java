package io.github.mxmembers;

import com.google.gson.JsonObject;
import io.github.mxmembers.generated.platform.api.MembersApi;
import io.github.mxmembers.generated.platform.model.CredentialRequest;
import io.github.mxmembers.generated.platform.model.MemberResponse;
import io.github.mxmembers.generated.platform.model.MemberResponseBody;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequest;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequestBody;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Platform API's update member call, {@code PUT /users/{user}/members/{member}}: a MemberUpdate to
 * the wire format and the member back, the only place that knows those models. The member is read by
 * the generated models' field names, so a field MX removes from the spec fails the compilation here,
 * never a silent empty value at run time.
 */
final class PlatformUpdateMember implements Operation<MemberUpdate, MemberUpdateResult> {
  /** The body fields, by the table: each written with the generated model's own setter. */
  private static final BodyWriters<MemberUpdateRequest> BODY =
      new BodyWriters<>(
          MxApi.PLATFORM,
          Map.of(
              UpdateField.CREDENTIALS, (member, update) -> member.credentials(credentials(update)),
              UpdateField.ID, (member, update) -> member.id(update.id().orElseThrow()),
              UpdateField.METADATA, (member, update) -> member.metadata(update.metadata().orElseThrow()),
              UpdateField.BACKGROUND_AGGREGATION_DISABLED,
                  (member, update) -> member.backgroundAggregationIsDisabled(update.backgroundAggregationDisabled().orElseThrow()),
              UpdateField.USE_CASES, (member, update) -> member.useCases(toWire(update.useCases().orElseThrow()))));

  private final PlatformApiVersion version;

  /** @param version the version the client pins in {@code Accept-Version} */
  PlatformUpdateMember(PlatformApiVersion version) {
    this.version = version;
  }

  /**
   * Checks the update against what the Platform API has, then prepares the request.
   *
   * @throws IllegalArgumentException naming the field the Platform API does not have
   */
  @Override
  public PreparedRequest prepare(MemberUpdate update) {
    Objects.requireNonNull(update, "update == null");
    UpdateField.check(update, MxApi.PLATFORM);
    MemberUpdateRequest member = BODY.write(new MemberUpdateRequest(), update);
    return MembersApi.updateMemberRequest(
        version.value(),
        update.user().orElseThrow(),
        update.member(),
        new MemberUpdateRequestBody().member(member),
        update.callbackPayload().map(CallbackPayload::encoded).orElse(null));
  }

  private static List<CredentialRequest> credentials(MemberUpdate update) {
    List<CredentialRequest> credentials = new ArrayList<>(update.credentials().size());
    for (Credential credential : update.credentials()) {
      credentials.add(new CredentialRequest().guid(credential.guid()).value(credential.value()));
    }
    return credentials;
  }

  private static List<io.github.mxmembers.generated.platform.model.UseCase> toWire(
      List<UseCase> useCases) {
    List<io.github.mxmembers.generated.platform.model.UseCase> wire =
        new ArrayList<>(useCases.size());
    for (UseCase useCase : useCases) {
      wire.add(io.github.mxmembers.generated.platform.model.UseCase.fromValue(useCase.value()));
    }
    return wire;
  }

  @Override
  public MemberUpdateResult read(Call call, PreparedRequest request, Response response) {
    return MemberUpdateResult.read(
        call, request, response, MembersApi::updateMemberResponseJson, PlatformUpdateMember::member);
  }

  /** The member in a response body, by the generated models' field names. */
  static Member member(JsonObject body) {
    MemberJson json = MemberJson.of(body, MemberResponseBody.SERIALIZED_NAME_MEMBER);
    Member.Builder b = new Member.Builder(json.json());
    b.guid = json.string(MemberResponse.SERIALIZED_NAME_GUID);
    b.id = json.string(MemberResponse.SERIALIZED_NAME_ID);
    b.userGuid = json.string(MemberResponse.SERIALIZED_NAME_USER_GUID);
    b.userId = json.string(MemberResponse.SERIALIZED_NAME_USER_ID);
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
    b.oauthWindowUri = json.string(MemberResponse.SERIALIZED_NAME_OAUTH_WINDOW_URI);
    b.useCases = json.strings(MemberResponse.SERIALIZED_NAME_USE_CASES);
    return b.build();
  }
}
