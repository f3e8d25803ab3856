package io.github.mxmembers.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.model.ResumeRequestBody;
import io.github.mxmembers.generated.platform.model.ChallengeResponse;
import io.github.mxmembers.generated.platform.model.ChallengesResponseBody;
import io.github.mxmembers.generated.platform.model.ConnectionStatus;
import io.github.mxmembers.generated.platform.model.CredentialRequest;
import io.github.mxmembers.generated.platform.model.CredentialsResponseBody;
import io.github.mxmembers.generated.platform.model.MemberResumeRequest;
import io.github.mxmembers.generated.platform.model.MemberResumeRequestBody;
import io.github.mxmembers.generated.platform.model.MemberStatusResponse;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calls around the update (credentials, status, challenges, resume) on both APIs, pinned to MX's
 * pages and to the readings the specs write down where MX's pages leave the shape open.
 */
class WorkflowWireFormatTest {
  private static final String SECRET = "an-mfa-answer-s3cret";

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void platformRequestsGoToMxsPathsWithTheVersionAndPaging() {
    String base = "/users/u%201/members/MBR-1";
    PreparedRequest credentials =
        io.github.mxmembers.generated.platform.api.MembersApi.listMemberCredentialsRequest("v20250224", "u 1", "MBR-1", 2, 1000);
    PreparedRequest status = io.github.mxmembers.generated.platform.api.MembersApi.readMemberStatusRequest("v20250224", "u 1", "MBR-1");
    PreparedRequest challenges =
        io.github.mxmembers.generated.platform.api.MembersApi.listMemberChallengesRequest("v20250224", "u 1", "MBR-1", null, null);

    assertThat(credentials.method()).isEqualTo("GET");
    assertThat(credentials.pathAndQuery()).isEqualTo(base + "/credentials?page=2&records_per_page=1000");
    assertThat(credentials.header("Accept-Version")).isEqualTo("v20250224");
    assertThat(credentials.header("Accept")).isEqualTo("application/json");
    assertThat(credentials.body()).isNull();
    assertThat(status.pathAndQuery()).isEqualTo(base + "/status");
    assertThat(challenges.pathAndQuery()).isEqualTo(base + "/challenges");
  }

  @Test
  void platformResumeIsRootedInMemberAndMasksTheAnswers() {
    MemberResumeRequestBody body =
        new MemberResumeRequestBody()
            .member(new MemberResumeRequest().challenges(List.of(new CredentialRequest().guid("CRD-1").value(SECRET))));

    PreparedRequest resume =
        io.github.mxmembers.generated.platform.api.MembersApi.resumeAggregationRequest("v20250224", "USR-1", "MBR-1", body);

    assertThat(resume.method()).isEqualTo("PUT");
    assertThat(resume.pathAndQuery()).isEqualTo("/users/USR-1/members/MBR-1/resume");
    assertThat(JsonParser.parseString(new String(resume.body(), StandardCharsets.UTF_8)))
        .isEqualTo(JsonParser.parseString("{\"member\":{\"challenges\":[{\"guid\":\"CRD-1\",\"value\":\"" + SECRET + "\"}]}}"));
    assertThat(body.toString()).doesNotContain(SECRET);
    assertThat(resume.toString()).doesNotContain(SECRET);
    // MX's spec says 202; Atrium's page shows 200: both are successes
    String member = "{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"RESUMED\",\"is_being_aggregated\":true}}";
    assertThat(io.github.mxmembers.generated.platform.api.MembersApi.resumeAggregationResponse(202, bytes(member)).getMember().getConnectionStatus())
        .isEqualTo(ConnectionStatus.RESUMED);
    assertThat(io.github.mxmembers.generated.platform.api.MembersApi.resumeAggregationResponse(200, bytes(member)).getMember().getGuid())
        .isEqualTo("MBR-1");
  }

  @Test
  void platformCredentialsStatusAndChallengesParseAsMxsSpecHasThem() {
    CredentialsResponseBody credentials =
        io.github.mxmembers.generated.platform.api.MembersApi.listMemberCredentialsResponse(
            200,
            bytes(
                "{\"credentials\":[{\"display_order\":1,\"field_name\":\"LOGIN\",\"field_type\":\"TEXT\",\"guid\":\"CRD-1\","
                    + "\"label\":\"Username\",\"type\":\"TEXT\"}],\"pagination\":{\"current_page\":1,\"per_page\":25,"
                    + "\"total_entries\":1,\"total_pages\":1}}"));
    assertThat(credentials.getCredentials()).singleElement().satisfies(c -> {
      assertThat(c.getGuid()).isEqualTo("CRD-1");
      assertThat(c.getLabel()).isEqualTo("Username");
      assertThat(c.getDisplayOrder()).isEqualTo(1);
    });
    assertThat(credentials.getPagination().getTotalPages()).isEqualTo(1);

    MemberStatusResponse status =
        io.github.mxmembers.generated.platform.api.MembersApi.readMemberStatusResponse(
                200,
                bytes(
                    "{\"member\":{\"aggregated_at\":\"2016-10-13T18:07:57.000Z\",\"connection_status\":\"CHALLENGED\","
                        + "\"guid\":\"MBR-1\",\"is_authenticated\":false,\"is_being_aggregated\":false,"
                        + "\"challenges\":[{\"guid\":\"CRD-2\",\"type\":\"TEXT\",\"label\":\"What city?\"}]}}"))
            .getMember();
    assertThat(status.getConnectionStatus()).isEqualTo(ConnectionStatus.CHALLENGED);
    assertThat(status.getChallenges()).singleElement().extracting(ChallengeResponse::getGuid).isEqualTo("CRD-2");

    ChallengesResponseBody challenges =
        io.github.mxmembers.generated.platform.api.MembersApi.listMemberChallengesResponse(
            200,
            bytes(
                "{\"challenges\":[{\"guid\":\"CRD-3\",\"type\":\"OPTIONS\",\"label\":\"Pick one\",\"options\":[{\"label\":\"Red\","
                    + "\"value\":\"r\"}]},{\"guid\":\"CRD-4\",\"type\":\"IMAGE_OPTIONS\",\"image_options\":[{\"data_uri\":"
                    + "\"data:image/png;base64,iVBO\",\"label\":\"IMAGE_1\",\"value\":\"i1\"}]},{\"guid\":\"CRD-5\",\"type\":"
                    + "\"SOMETHING_NEW\",\"label\":\"?\"}]}"));
    assertThat(challenges.getChallenges()).extracting(ChallengeResponse::getType).containsExactly("OPTIONS", "IMAGE_OPTIONS", "SOMETHING_NEW");
    assertThat(challenges.getChallenges().get(0).getOptions().get(0).getValue()).isEqualTo("r");
    assertThat(challenges.getChallenges().get(1).getImageOptions().get(0).getDataUri()).startsWith("data:image/png");
    // not challenged: MX answers 204, with no body
    assertThat(io.github.mxmembers.generated.platform.api.MembersApi.listMemberChallengesResponse(204, new byte[0])).isNull();
  }

  @Test
  void nexusRequestsUseMxsPathsTheSingularCredentialsPathAndTheNexusMediaType() {
    PreparedRequest credentials = MembersApi.listMemberCredentialsRequest("MBR-1", 1, 1000);
    PreparedRequest member = MembersApi.readMemberRequest("MBR-1");
    PreparedRequest challenges = MembersApi.listMemberChallengesRequest("MBR-1", null, null);
    PreparedRequest resume =
        MembersApi.resumeAggregationRequest(
            "MBR-1",
            new ResumeRequestBody()
                .challenges(List.of(new io.github.mxmembers.generated.nexus.model.CredentialRequest().guid("CRD-1").value(SECRET))));

    assertThat(credentials.pathAndQuery()).isEqualTo("/member/MBR-1/credentials?page=1&records_per_page=1000");
    assertThat(member.method()).isEqualTo("GET");
    assertThat(member.pathAndQuery()).isEqualTo("/members/MBR-1");
    assertThat(challenges.pathAndQuery()).isEqualTo("/members/MBR-1/challenges");
    for (PreparedRequest request : List.of(credentials, member, challenges, resume)) {
      assertThat(request.header("Accept")).isEqualTo("application/vnd.mx.nexus.v1+json");
    }
    assertThat(resume.method()).isEqualTo("PUT");
    assertThat(resume.pathAndQuery()).isEqualTo("/members/MBR-1/resume");
    assertThat(resume.contentType().toString()).isEqualTo("application/vnd.mx.nexus.v1+json");
    // the top-level challenges MX's request table shows, not rooted in member
    assertThat(JsonParser.parseString(new String(resume.body(), StandardCharsets.UTF_8)))
        .isEqualTo(JsonParser.parseString("{\"challenges\":[{\"guid\":\"CRD-1\",\"value\":\"" + SECRET + "\"}]}"));
    assertThat(resume.toString()).doesNotContain(SECRET);
  }

  @Test
  void nexusChallengesAreReadUnderEitherNameAndNoneMeansNone() {
    String list = "[{\"type\":\"TEXT\",\"field_name\":\"What city were you born in?\",\"guid\":\"CRD-22f1b144\",\"label\":\"What city were you born in?\"}]";

    assertThat(MembersApi.listMemberChallengesResponse(200, bytes("{\"challenges\":" + list + "}")).getChallenges())
        .singleElement()
        .extracting(io.github.mxmembers.generated.nexus.model.ChallengeResponse::getGuid)
        .isEqualTo("CRD-22f1b144");
    assertThat(MembersApi.listMemberChallengesResponse(200, bytes("{\"member\":" + list + "}")).getMember())
        .singleElement()
        .extracting(io.github.mxmembers.generated.nexus.model.ChallengeResponse::getLabel)
        .isEqualTo("What city were you born in?");
    assertThat(MembersApi.listMemberChallengesResponse(204, new byte[0])).isNull();
    assertThat(MembersApi.listMemberChallengesResponse(200, bytes("{\"challenges\":[]}")).getChallenges()).isEmpty();
  }

  @Test
  void nexusCredentialsParseAsMxsExampleHasThem() {
    String example =
        "{\"credentials\":[{\"answer_field_type\":null,\"created_at\":\"2016-09-21T22:08:59.000Z\",\"display_name\":null,"
            + "\"display_order\":1,\"editable\":true,\"escaped\":null,\"field_name\":\"LOGIN\",\"field_type\":3,"
            + "\"field_type_name\":\"LOGIN\",\"guid\":\"CRD-9f61fb4c-912c-bd1e-b175-ccc7f0275cc1\",\"institution_guid\":"
            + "\"INS-1572a04c-912b-59bf-5841-332c7dfafaef\",\"label\":\"Username\",\"max_length\":null,\"meta_data\":null,"
            + "\"mfa\":false,\"optional\":false,\"optional_mfa\":null,\"size\":null,\"updated_at\":\"2016-09-21T22:08:59.000Z\","
            + "\"value_identifier\":null,\"value_mask\":null}]}";

    var credential = MembersApi.listMemberCredentialsResponse(200, bytes(example)).getCredentials().get(0);

    assertThat(credential.getGuid()).isEqualTo("CRD-9f61fb4c-912c-bd1e-b175-ccc7f0275cc1");
    assertThat(credential.getLabel()).isEqualTo("Username");
    assertThat(credential.getFieldName()).isEqualTo("LOGIN");
    assertThat(credential.getFieldType()).isEqualTo(3);
    assertThat(credential.getFieldTypeName()).isEqualTo("LOGIN");
    assertThat(credential.getDisplayOrder()).isEqualTo(1);
    assertThat(credential.getAdditionalProperties()).containsKeys("created_at", "value_mask");
    assertThat(MembersApi.readMemberResponse(200, bytes("{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"CONNECTED\"}}"))
            .getMember()
            .getGuid())
        .isEqualTo("MBR-1");
  }
}
