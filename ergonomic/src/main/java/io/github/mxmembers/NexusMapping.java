package io.github.mxmembers;

import io.github.mxmembers.generated.nexus.JSON;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.model.CredentialRequest;
import io.github.mxmembers.generated.nexus.model.MemberResponse;
import io.github.mxmembers.generated.nexus.model.MemberUpdateRequest;
import io.github.mxmembers.generated.nexus.model.MemberUpdateRequestBody;
import io.github.mxmembers.generated.transport.PreparedRequest;
import java.util.ArrayList;
import java.util.List;

/** MemberUpdate to the Nexus API's wire format and back: the only place that knows its models. */
final class NexusMapping {
  private NexusMapping() {}

  /**
   * Checks the update against what the Nexus API has, then prepares the request.
   *
   * @throws IllegalArgumentException naming the field the Nexus API does not have
   */
  static PreparedRequest prepare(MemberUpdate update) {
    rejectIfSet(update.user().isPresent(), "user", "the session names the user");
    rejectIfSet(update.id().isPresent(), "id", "Nexus members have no partner-defined id");
    rejectIfSet(
        update.backgroundAggregationDisabled().isPresent(),
        "backgroundAggregationDisabled",
        "Nexus update member does not take it");
    rejectIfSet(update.useCases().isPresent(), "useCases", "Nexus update member does not take it");
    rejectIfSet(
        update.callbackPayload().isPresent(),
        "callbackPayload",
        "X-CALLBACK-PAYLOAD is a Platform API header");
    MemberUpdateRequest member = new MemberUpdateRequest();
    if (!update.credentials().isEmpty()) {
      List<CredentialRequest> credentials = new ArrayList<>(update.credentials().size());
      for (Credential credential : update.credentials()) {
        credentials.add(new CredentialRequest().guid(credential.guid()).value(credential.value()));
      }
      member.credentials(credentials);
    }
    update.metadata().ifPresent(member::metadata);
    update.skipAggregation().ifPresent(member::skipAggregation);
    if (member.getCredentials() == null && member.getMetadata() == null) {
      throw new IllegalArgumentException(
          "nothing to update on the Nexus API: set a credential or metadata");
    }
    return MembersApi.updateMemberRequest(
        update.member(),
        new MemberUpdateRequestBody().member(member),
        update.skipWebhook().orElse(null),
        null);
  }

  private static void rejectIfSet(boolean set, String field, String why) {
    if (set) {
      throw new IllegalArgumentException(field + ": not a Nexus API field (" + why + ")");
    }
  }

  static Member member(MemberResponse response) {
    if (response == null) {
      return null;
    }
    Member.Builder b = new Member.Builder();
    b.guid = response.getGuid();
    b.userGuid = response.getUserGuid();
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
    if (response.getUseCases() != null) {
      List<UseCase> useCases = new ArrayList<>(response.getUseCases().size());
      for (String useCase : response.getUseCases()) {
        useCases.add(UseCase.fromValue(useCase));
      }
      b.useCases = useCases;
    }
    b.model = response;
    b.gson = JSON.gson();
    return b.build();
  }
}
