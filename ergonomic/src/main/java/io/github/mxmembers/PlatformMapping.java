package io.github.mxmembers;

import com.google.gson.JsonObject;
import io.github.mxmembers.generated.platform.api.MembersApi;
import io.github.mxmembers.generated.platform.model.CredentialRequest;
import io.github.mxmembers.generated.platform.model.MemberResponse;
import io.github.mxmembers.generated.platform.model.MemberResponseBody;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequest;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequestBody;
import io.github.mxmembers.generated.transport.PreparedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * MemberUpdate to the Platform API's wire format and back: the only place that knows its models.
 * The member is read by the generated models' field names, so a field MX removes from the spec
 * fails the compilation here, never a silent empty value at run time.
 */
final class PlatformMapping {
  private PlatformMapping() {}

  /**
   * Checks the update against what the Platform API has, then prepares the request.
   *
   * @throws IllegalArgumentException naming the field the Platform API does not have
   */
  static PreparedRequest prepare(MemberUpdate update, PlatformApiVersion version) {
    if (update.skipAggregation().isPresent()) {
      throw new IllegalArgumentException(
          "skipAggregation: the Platform API " + version + " has no skip_aggregation (Nexus only)");
    }
    if (update.skipWebhook().isPresent()) {
      throw new IllegalArgumentException(
          "skipWebhook: the Platform API has no MX-Skip-Webhook (Nexus only)");
    }
    if (update.credentials().isEmpty()
        && update.id().isEmpty()
        && update.metadata().isEmpty()
        && update.backgroundAggregationDisabled().isEmpty()
        && update.useCases().isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to update on the Platform API: set at least one of credential, id, metadata,"
              + " backgroundAggregationDisabled, useCases");
    }
    String user =
        update
            .user()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "user is required for the Platform API: MemberUpdate.builder().user(...)"));
    MemberUpdateRequest member = new MemberUpdateRequest();
    if (!update.credentials().isEmpty()) {
      List<CredentialRequest> credentials = new ArrayList<>(update.credentials().size());
      for (Credential credential : update.credentials()) {
        credentials.add(new CredentialRequest().guid(credential.guid()).value(credential.value()));
      }
      member.credentials(credentials);
    }
    update.id().ifPresent(member::id);
    update.metadata().ifPresent(member::metadata);
    update.backgroundAggregationDisabled().ifPresent(member::backgroundAggregationIsDisabled);
    update.useCases().ifPresent(useCases -> member.useCases(toWire(useCases)));
    return MembersApi.updateMemberRequest(
        version.value(),
        user,
        update.member(),
        new MemberUpdateRequestBody().member(member),
        update.callbackPayload().map(CallbackPayload::encoded).orElse(null));
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
