package io.github.mxmembers.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mxmembers.generated.platform.JSON;
import io.github.mxmembers.generated.platform.api.MembersApi;
import io.github.mxmembers.generated.platform.model.ConnectionStatus;
import io.github.mxmembers.generated.platform.model.CredentialRequest;
import io.github.mxmembers.generated.platform.model.ErrorResponseBody;
import io.github.mxmembers.generated.platform.model.MemberResponse;
import io.github.mxmembers.generated.platform.model.MemberResponseBody;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequest;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequestBody;
import io.github.mxmembers.generated.platform.model.UseCase;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the generated Platform models to MX's reference page for v20250224. */
class PlatformWireFormatTest {
  private static final String SECRET = "s3cr3t-bank-password";

  @Test
  void referencePageRequestSerialisesToTheSameJson() {
    MemberUpdateRequestBody body =
        new MemberUpdateRequestBody()
            .member(
                new MemberUpdateRequest()
                    .backgroundAggregationIsDisabled(false)
                    .credentials(
                        List.of(
                            new CredentialRequest()
                                .guid("CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f")
                                .value("password")))
                    .id("unique_id")
                    .metadata("\\\"credentials_last_refreshed_at\\\": \\\"2015-10-15\\")
                    .useCases(List.of(UseCase.PFM)));

    String json = new String(JSON.toBytes(body), StandardCharsets.UTF_8);

    assertThat(JsonParser.parseString(json))
        .isEqualTo(Fixtures.json("platform-update-member-request.json"));
  }

  @Test
  void referencePageResponseParsesWithEveryFieldPopulated() {
    JsonObject page = Fixtures.json("platform-update-member-response.json");

    MemberResponseBody parsed =
        MembersApi.updateMemberResponse(200, page.toString().getBytes(StandardCharsets.UTF_8));
    MemberResponse member = parsed.getMember();

    // every field on the page is a declared field: none fell through to additional properties
    assertThat(member.getAdditionalProperties()).isEmpty();
    assertThat(member.getConnectionStatus()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(member.getGuid()).isEqualTo("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b");
    assertThat(member.getUserId()).isEqualTo("u-1234");
    assertThat(member.getInstitutionGuid()).isEqualTo("INST-12345678-90ab-cdef-1234-567890abcdef");
    assertThat(member.getNeedsUpdatedCredentials()).isFalse();
    assertThat(member.getUseCases()).containsExactly(UseCase.PFM);
    assertThat(member.getError()).isEmpty();
    // and every field maps back to the same name and type
    assertThat(JsonParser.parseString(JSON.gson().toJson(parsed)))
        .isEqualTo(Fixtures.withoutNulls(page));
  }

  @Test
  void unknownFieldAndUnknownConnectionStatusParse() {
    String json =
        "{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"HIBERNATING\","
            + "\"brand_new_field\":{\"nested\":[1,2]},\"error\":{}},\"meta\":1}";

    MemberResponseBody parsed =
        MembersApi.updateMemberResponse(200, json.getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.getMember().getConnectionStatus())
        .isEqualTo(ConnectionStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(parsed.getMember().getAdditionalProperty("brand_new_field").toString())
        .isEqualTo("{\"nested\":[1,2]}");
    assertThat(parsed.getAdditionalProperty("meta").getAsInt()).isEqualTo(1);
  }

  @Test
  void nullConnectionStatusStaysNull() {
    MemberResponseBody parsed =
        MembersApi.updateMemberResponse(
            200, "{\"member\":{\"connection_status\":null}}".getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.getMember().getConnectionStatus()).isNull();
  }

  @Test
  void emptySuccessBodyIsNull() {
    assertThat(MembersApi.updateMemberResponse(204, new byte[0])).isNull();
    assertThat(MembersApi.updateMemberResponse(202, new byte[0])).isNull();
  }

  @Test
  void malformedBodyIsAParseError() {
    assertThatThrownBy(
            () -> MembersApi.updateMemberResponse(200, "<html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JsonParseException.class);
  }

  @Test
  void errorBodyIsPermissive() {
    ErrorResponseBody error =
        JSON.fromBytes(
            "{\"error\":{\"message\":\"nope\",\"status\":\"not_found\",\"extra\":true},\"x\":[]}"
                .getBytes(StandardCharsets.UTF_8),
            ErrorResponseBody.class);

    assertThat(error.getError().getMessage()).isEqualTo("nope");
    assertThat(error.getError().getAdditionalProperty("extra").getAsBoolean()).isTrue();
  }

  @Test
  void toStringNeverShowsTheCredentialValue() {
    CredentialRequest credential = new CredentialRequest().guid("CRD-1").value(SECRET);
    MemberUpdateRequestBody body =
        new MemberUpdateRequestBody()
            .member(new MemberUpdateRequest().credentials(List.of(credential)));
    MemberResponseBody response =
        JSON.fromBytes(
            Fixtures.resource("platform-update-member-response.json")
                .getBytes(StandardCharsets.UTF_8),
            MemberResponseBody.class);

    assertThat(credential.toString()).doesNotContain(SECRET).contains("CRD-1").contains("****");
    assertThat(body.toString()).doesNotContain(SECRET);
    assertThat(response.toString()).contains("MBR-7c6f361b").doesNotContain(SECRET);
  }

  @Test
  void requestCarriesVersionPayloadAndEncodedPath() {
    PreparedRequest request =
        MembersApi.updateMemberRequest(
            MembersApi.UPDATE_MEMBER_ACCEPT_VERSION_DEFAULT,
            "u/1 2",
            "MBR-1",
            new MemberUpdateRequestBody().member(new MemberUpdateRequest().id("x")),
            "aGk=");

    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.pathAndQuery()).isEqualTo("/users/u%2F1%202/members/MBR-1");
    assertThat(request.header("Accept-Version")).isEqualTo(System.getProperty("mx.platform.version"));
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.header("X-CALLBACK-PAYLOAD")).isEqualTo("aGk=");
    assertThat(request.contentType().getMimeType()).isEqualTo("application/json");
    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"member\":{\"id\":\"x\"}}");
    assertThat(MembersApi.UPDATE_MEMBER_AUTH_HEADER).isEqualTo("Authorization");
  }

  @Test
  void specStatesTheServersAndVersion() {
    assertThat(JSON.SERVERS).containsExactly("https://int-api.mx.com", "https://api.mx.com");
    assertThat(JSON.API_VERSION).isEqualTo(MembersApi.UPDATE_MEMBER_ACCEPT_VERSION_DEFAULT);
  }
}
