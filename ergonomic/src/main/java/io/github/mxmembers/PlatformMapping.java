package io.github.mxmembers;

import io.github.mxmembers.generated.platform.JSON;
import io.github.mxmembers.generated.platform.api.MembersApi;
import io.github.mxmembers.generated.platform.model.CredentialRequest;
import io.github.mxmembers.generated.platform.model.MemberResponse;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequest;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequestBody;
import io.github.mxmembers.generated.transport.PreparedRequest;
import java.util.ArrayList;
import java.util.List;

/** MemberUpdate to the Platform API's wire format and back: the only place that knows its models. */
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
      wire.add(io.github.mxmembers.generated.platform.model.UseCase.fromValue(useCase.name()));
    }
    return wire;
  }

  static Member member(MemberResponse response) {
    if (response == null) {
      return null;
    }
    Member.Builder b = new Member.Builder();
    b.guid = response.getGuid();
    b.id = response.getId();
    b.userGuid = response.getUserGuid();
    b.userId = response.getUserId();
    b.name = response.getName();
    b.institutionCode = response.getInstitutionCode();
    b.institutionGuid = response.getInstitutionGuid();
    b.connectionStatus =
        response.getConnectionStatus() == null
            ? null
            : ConnectionStatus.fromValue(response.getConnectionStatus().getValue());
    b.connectionStatusMessage = response.getConnectionStatusMessage();
    b.aggregatedAt = response.getAggregatedAt();
    b.successfullyAggregatedAt = response.getSuccessfullyAggregatedAt();
    b.mostRecentJobGuid = response.getMostRecentJobGuid();
    b.metadata = response.getMetadata();
    b.beingAggregated = response.getIsBeingAggregated();
    b.backgroundAggregationDisabled = response.getBackgroundAggregationIsDisabled();
    b.needsUpdatedCredentials = response.getNeedsUpdatedCredentials();
    b.oauth = response.getIsOauth();
    b.oauthWindowUri = response.getOauthWindowUri();
    if (response.getUseCases() != null) {
      List<UseCase> useCases = new ArrayList<>(response.getUseCases().size());
      for (io.github.mxmembers.generated.platform.model.UseCase useCase : response.getUseCases()) {
        useCases.add(useCase == null ? UseCase.UNKNOWN : UseCase.fromValue(useCase.getValue()));
      }
      b.useCases = useCases;
    }
    b.model = response;
    b.gson = JSON.gson();
    return b.build();
  }
}
