package io.github.mxmembers.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.generated.nexus.JSON;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.api.SessionsApi;
import io.github.mxmembers.generated.nexus.model.ApiTokenResponseBody;
import io.github.mxmembers.generated.nexus.model.ConnectionStatus;
import io.github.mxmembers.generated.nexus.model.CredentialRequest;
import io.github.mxmembers.generated.nexus.model.ErrorResponseBody;
import io.github.mxmembers.generated.nexus.model.MemberResponse;
import io.github.mxmembers.generated.nexus.model.MemberResponseBody;
import io.github.mxmembers.generated.nexus.model.MemberUpdateRequest;
import io.github.mxmembers.generated.nexus.model.MemberUpdateRequestBody;
import io.github.mxmembers.generated.nexus.model.SessionRequestBody;
import io.github.mxmembers.generated.nexus.model.SessionResponseBody;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the generated Nexus models to MX's reference page and notes. */
class NexusWireFormatTest {
  private static final String SECRET = "s3cr3t-bank-password";
  private static final String MEDIA_TYPE = "application/vnd.mx.nexus.v1+json";

  @Test
  void referencePageResponseParsesWithEveryFieldPopulated() {
    JsonObject page = Fixtures.json("nexus-update-member-response.json");

    MemberResponseBody parsed =
        MembersApi.updateMemberResponse(200, page.toString().getBytes(StandardCharsets.UTF_8));
    MemberResponse member = parsed.getMember();

    assertThat(member.getAdditionalProperties()).isEmpty();
    assertThat(member.getConnectionStatus()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(member.getIsUserCreated()).isTrue();
    assertThat(member.getInstitutionCode()).isEqualTo("chase");
    assertThat(member.getExternalGuid()).isNull();
    assertThat(member.getUseCases()).containsExactly("PFM");
    assertThat(JsonParser.parseString(JSON.gson().toJson(parsed)))
        .isEqualTo(Fixtures.withoutNulls(page));
  }

  @Test
  void notesFieldsParse() {
    String json =
        "{\"member\":{\"connection_status_id\":6,\"revision\":3,\"is_manual\":false,"
            + "\"needs_updated_credentials\":true,\"connection_status_message\":\"m\","
            + "\"connection_status\":\"SOMETHING_NEW\"}}";

    MemberResponse member =
        MembersApi.updateMemberResponse(200, json.getBytes(StandardCharsets.UTF_8)).getMember();

    assertThat(member.getAdditionalProperties()).isEmpty();
    assertThat(member.getConnectionStatusId()).isEqualTo(6);
    assertThat(member.getRevision()).isEqualTo(3);
    assertThat(member.getNeedsUpdatedCredentials()).isTrue();
    assertThat(member.getConnectionStatus()).isEqualTo(ConnectionStatus.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void rootedRequestWithSkipAggregationAndWebhookHeader() {
    MemberUpdateRequestBody body =
        new MemberUpdateRequestBody()
            .member(
                new MemberUpdateRequest()
                    .credentials(List.of(new CredentialRequest().guid("CRD-1").value("pw")))
                    .skipAggregation(true));

    PreparedRequest request = MembersApi.updateMemberRequest("MBR-1", body, true, null);

    assertThat(request.pathAndQuery()).isEqualTo("/members/MBR-1");
    assertThat(request.header("MX-Skip-Webhook")).isEqualTo("true");
    assertThat(request.header("Accept")).isEqualTo(MEDIA_TYPE);
    assertThat(request.contentType().toString()).isEqualTo(MEDIA_TYPE);
    assertThat(JsonParser.parseString(new String(request.body(), StandardCharsets.UTF_8)))
        .isEqualTo(
            JsonParser.parseString(
                "{\"member\":{\"credentials\":[{\"guid\":\"CRD-1\",\"value\":\"pw\"}],"
                    + "\"skip_aggregation\":true}}"));
    assertThat(MembersApi.UPDATE_MEMBER_AUTH_HEADER).isEqualTo("MD-SESSION-TOKEN");
  }

  @Test
  void skipWebhookParameterGoesInTheQuery() {
    PreparedRequest request =
        MembersApi.updateMemberRequest(
            "MBR-1",
            new MemberUpdateRequestBody().member(new MemberUpdateRequest().metadata("m")),
            null,
            true);

    assertThat(request.pathAndQuery()).isEqualTo("/members/MBR-1?skip_webhook=true");
  }

  @Test
  void sessionExchangeAndSsoCall() {
    PreparedRequest session = SessionsApi.createSessionRequest(null);
    PreparedRequest skipping = SessionsApi.createSessionRequest(new SessionRequestBody().skipAggregation(true));
    PreparedRequest apiToken = SessionsApi.readApiTokenRequest("client 1", "u/1");

    assertThat(session.method()).isEqualTo("POST");
    assertThat(session.pathAndQuery()).isEqualTo("/sessions");
    assertThat(session.body()).as("no body at all when none is given").isNull();
    assertThat(new String(skipping.body(), StandardCharsets.UTF_8)).isEqualTo("{\"skip_aggregation\":true}");
    assertThat(skipping.contentType().toString()).isEqualTo("application/vnd.mx.nexus.v1+json");
    assertThat(SessionsApi.CREATE_SESSION_AUTH_HEADER).isEqualTo("MD-API-TOKEN");
    assertThat(apiToken.pathAndQuery()).isEqualTo("/client%201/users/u%2F1/api_token.json");
    assertThat(apiToken.header("Accept")).isEqualTo("application/vnd.moneydesktop.sso.v3");
    assertThat(SessionsApi.READ_API_TOKEN_AUTH_HEADER).isEqualTo("MD-API-KEY");
    assertThat(SessionsApi.READ_API_TOKEN_SERVERS)
        .containsExactly("https://int-sso.moneydesktop.com", "https://sso.moneydesktop.com");
    assertThat(JSON.SERVERS)
        .containsExactly("https://int-data.moneydesktop.com", "https://data.moneydesktop.com");
  }

  @Test
  void errorCarriesCodeAndMessage() {
    ErrorResponseBody error =
        JSON.fromBytes(
            "{\"error\":{\"code\":4011,\"message\":\"Session expired\"}}"
                .getBytes(StandardCharsets.UTF_8),
            ErrorResponseBody.class);

    assertThat(error.getError().getCode()).isEqualTo(4011);
    assertThat(error.getError().getMessage()).isEqualTo("Session expired");
  }

  @Test
  void toStringNeverShowsCredentialOrTokens() {
    MemberUpdateRequestBody body =
        new MemberUpdateRequestBody()
            .member(
                new MemberUpdateRequest()
                    .credentials(List.of(new CredentialRequest().guid("CRD-1").value(SECRET))));
    SessionResponseBody session =
        JSON.fromBytes(
            "{\"session\":{\"token\":\"tok-SECRET-1\"}}".getBytes(StandardCharsets.UTF_8),
            SessionResponseBody.class);
    ApiTokenResponseBody apiToken =
        JSON.fromBytes(
            "{\"user\":{\"api_token\":\"api-SECRET-2\"}}".getBytes(StandardCharsets.UTF_8),
            ApiTokenResponseBody.class);

    assertThat(body.toString()).doesNotContain(SECRET);
    assertThat(session.getSession().getToken()).isEqualTo("tok-SECRET-1");
    assertThat(session.toString()).doesNotContain("tok-SECRET-1");
    assertThat(apiToken.getUser().getApiToken()).isEqualTo("api-SECRET-2");
    assertThat(apiToken.toString()).doesNotContain("api-SECRET-2");
  }
}
