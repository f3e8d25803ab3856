package io.github.mxmembers;

import static io.github.mxmembers.MockMx.API_KEY;
import static io.github.mxmembers.MockMx.CLIENT_ID;
import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static io.github.mxmembers.MockMx.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.generated.platform.JSON;
import io.github.mxmembers.generated.platform.api.MembersApi;
import io.github.mxmembers.internal.SdkInfo;
import io.github.mxmembers.internal.client.ClientSettings;
import io.github.mxmembers.model.CallbackPayload;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.UseCase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

class PlatformClientTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();

  @Test
  void sendsPinnedVersionBasicAuthAndTheRootedBody() {
    MockMx.answerPlatformUpdate(server, 200);

    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      mx.updateMember(
          MemberUpdate.builder()
              .user("USR-1")
              .member("MBR-1")
              .credential("CRD-1", PASSWORD)
              .id("unique_id")
              .metadata("m")
              .backgroundAggregationDisabled(true)
              .useCases(UseCase.PFM, UseCase.MONEY_MOVEMENT)
              .build());
    }

    HttpRequest sent = MockMx.received(server)[0];
    assertThat(sent.getMethod().getValue()).isEqualTo("PUT");
    assertThat(sent.getPath().getValue()).isEqualTo(MEMBER_PATH);
    assertThat(sent.getFirstHeader("Accept-Version")).isEqualTo(PlatformApiVersion.latest().value());
    assertThat(sent.getFirstHeader("Accept")).isEqualTo("application/json");
    assertThat(sent.getFirstHeader("Content-Type")).startsWith("application/json");
    assertThat(sent.getFirstHeader("User-Agent"))
        .isEqualTo("mx-members-java/" + SdkInfo.VERSION + " mx-platform/" + PlatformApiVersion.latest());
    assertThat(sent.getFirstHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + API_KEY).getBytes(StandardCharsets.UTF_8)));
    assertThat(sent.containsHeader("X-CALLBACK-PAYLOAD")).isFalse();
    assertThat(JsonParser.parseString(sent.getBodyAsString()))
        .isEqualTo(
            JsonParser.parseString(
                "{\"member\":{\"background_aggregation_is_disabled\":true,"
                    + "\"credentials\":[{\"guid\":\"CRD-1\",\"value\":\""
                    + PASSWORD
                    + "\"}],\"id\":\"unique_id\",\"metadata\":\"m\","
                    + "\"use_cases\":[\"PFM\",\"MONEY_MOVEMENT\"]}}"));
  }

  @Test
  void identifiersArePercentEncodedIntoOnePathSegmentAfterTheBaseUrlsOwnPath() throws Exception {
    // the JDK's own server shows the raw request line (MockServer shows it decoded)
    List<String> rawPaths = new CopyOnWriteArrayList<>();
    HttpServer raw = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    raw.createContext(
        "/",
        exchange -> {
          rawPaths.add(exchange.getRequestURI().getRawPath());
          byte[] body = MockMx.platformMemberJson().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    raw.start();
    String base = "http://127.0.0.1:" + raw.getAddress().getPort();
    try (MxPlatformClient mx = MockMx.platform(server, clock).baseUrl(base).build();
        MxPlatformClient behindAGateway = MockMx.platform(server, clock).baseUrl(base + "/mx%20gw/v1/").build()) {
      MemberUpdate update = MemberUpdate.builder().user("u/1 2").member("m?#%").metadata("x").build();
      mx.updateMember(update);
      behindAGateway.updateMember(update);
    } finally {
      raw.stop(0);
    }

    assertThat(rawPaths)
        .containsExactly("/users/u%2F1%202/members/m%3F%23%25", "/mx%20gw/v1/users/u%2F1%202/members/m%3F%23%25");
  }

  @Test
  void callbackPayloadTravelsBase64EncodedAndDecodesBack() {
    MockMx.answerPlatformUpdate(server, 200);

    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      mx.updateMember(
          MockMx.credentialUpdate().toBuilder().callbackPayload("trace=42 ünïcode").build());
    }

    String header = MockMx.received(server)[0].getFirstHeader("X-CALLBACK-PAYLOAD");
    assertThat(header)
        .isEqualTo(
            Base64.getEncoder().encodeToString("trace=42 ünïcode".getBytes(StandardCharsets.UTF_8)));
    assertThat(CallbackPayload.decodeToString(header)).isEqualTo("trace=42 ünïcode");
  }

  @Test
  void returnsTheMemberAndStatus() {
    MockMx.answerPlatformUpdate(server, 200);

    MemberUpdateResult result;
    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      result = mx.updateMember(MockMx.credentialUpdate());
    }

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.jobAlreadyRunning()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    Member member = result.member().orElseThrow();
    assertThat(member.guid()).contains("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b");
    assertThat(member.userId()).contains("u-1234");
    assertThat(member.connectionStatus()).contains(ConnectionStatus.CONNECTED);
    assertThat(member.isBeingAggregated()).contains(false);
    assertThat(member.useCases()).containsExactly(UseCase.PFM);
    assertThat(member.oauthWindowUri().orElseThrow()).startsWith("https://mxbank.mx.com/oauth");
  }

  @Test
  void status202MeansAJobIsAlreadyRunning() {
    MockMx.answerPlatformUpdate(server, 202);

    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      MemberUpdateResult result = mx.updateMember(MockMx.credentialUpdate());

      assertThat(result.status()).isEqualTo(202);
      assertThat(result.jobAlreadyRunning()).isTrue();
    }
  }

  @Test
  void unknownStatusAndNewFieldsDoNotBreakParsingAndStayReachable() {
    server
        .when(request().withMethod("PUT"))
        .respond(
            response()
                .withStatusCode(200)
                .withBody(
                    "{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"HIBERNATING\","
                        + "\"use_cases\":[\"PFM\",\"TELEPORT\"],\"brand_new\":{\"x\":1}}}"));

    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      Member member = mx.updateMember(MockMx.credentialUpdate()).member().orElseThrow();

      assertThat(member.connectionStatus()).contains(ConnectionStatus.UNKNOWN);
      assertThat(member.useCases()).containsExactly(UseCase.PFM, UseCase.UNKNOWN);
      assertThat(member.field("brand_new").orElseThrow().getAsJsonObject().get("x").getAsInt())
          .isEqualTo(1);
      assertThat(member.field("guid").orElseThrow().getAsString()).isEqualTo("MBR-1");
      assertThat(member.field("missing")).isEmpty();
    }
  }

  @Test
  void theVersionEnumIsTheSpecsVersion() {
    assertThat(PlatformApiVersion.latest().value())
        .isEqualTo(MembersApi.UPDATE_MEMBER_ACCEPT_VERSION_DEFAULT)
        .isEqualTo(JSON.API_VERSION)
        .isEqualTo(System.getProperty("mx.platform.version"));
    assertThat(PlatformApiVersion.fromValue(PlatformApiVersion.latest().value()))
        .isEqualTo(PlatformApiVersion.latest());
    assertThat(SdkInfo.PLATFORM_VERSION).isEqualTo(PlatformApiVersion.latest().value());
  }

  @Test
  void environmentsComeFromTheSpecsServers() {
    assertThat(ClientSettings.server(MxEnvironment.INTEGRATION, JSON.SERVERS)).isEqualTo("https://int-api.mx.com");
    assertThat(ClientSettings.server(MxEnvironment.PRODUCTION, JSON.SERVERS)).isEqualTo("https://api.mx.com");
  }
}
