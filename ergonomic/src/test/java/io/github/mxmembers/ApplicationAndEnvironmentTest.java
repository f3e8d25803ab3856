package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.mxmembers.model.MemberUpdate;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application's name in the User-Agent, and credentials from the environment, over loopback HTTP. */
class ApplicationAndEnvironmentTest extends MockMxTest {
  @Test
  void theAppIdFollowsTheSdksProductTokensOnEveryRequest() {
    server.when(request().withPath(MEMBER_PATH)).respond(response().withBody(MockMx.platformMemberJson()));
    try (MxPlatformClient mx =
        MxPlatformClient.builder().baseUrl(MockMx.url(server)).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).appId("acme-repair/2.1").build()) {
      mx.updateMember(MockMx.credentialUpdate());
    }
    assertThat(MockMx.received(server)[0].getFirstHeader("User-Agent")).isEqualTo(VersionInfo.USER_AGENT + " app/acme-repair/2.1");
  }

  @Test
  void withoutAnAppIdTheUserAgentIsTheSdks() {
    server.when(request().withPath(MEMBER_PATH)).respond(response().withBody(MockMx.platformMemberJson()));
    try (MxPlatformAsyncClient mx =
        MxPlatformAsyncClient.builder().baseUrl(MockMx.url(server)).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).build()) {
      mx.updateMember(MockMx.credentialUpdate()).join();
    }
    assertThat(MockMx.received(server)[0].getFirstHeader("User-Agent")).isEqualTo(VersionInfo.USER_AGENT);
  }

  @Test
  void anAppIdThatCouldBreakTheHeaderIsRefusedNamingIt() {
    String[] bad = {"", "x".repeat(MxClientBuilder.MAX_APP_ID_LENGTH + 1), "acme\r\nX-Forged: 1", "acme app", "caf\u00e9", "a(b)", "a\"b"};
    for (String appId : bad) {
      assertThatThrownBy(() -> MxNexusClient.builder().appId(appId))
          .as(appId)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("appId must be");
    }
    assertThat(Internals.settings(MxPlatformClient.builder().appId("x".repeat(MxClientBuilder.MAX_APP_ID_LENGTH))).userAgent()).endsWith("app/" + "x".repeat(50));
  }

  @Test
  void platformCredentialsFromTheEnvironmentAreSentAsBasicAuthAndNeverShown() {
    server.when(request().withPath(MEMBER_PATH)).respond(response().withBody(MockMx.platformMemberJson()));
    MxPlatformClient.Builder builder = MxPlatformClient.builder().baseUrl(MockMx.url(server));
    Internals.platformAuth(builder).credentialsFromEnvironment(Map.of("MX_CLIENT_ID", MockMx.CLIENT_ID, "MX_API_KEY", MockMx.API_KEY));
    try (MxPlatformClient mx = builder.build()) {
      mx.updateMember(MockMx.credentialUpdate());
      assertThat(mx.toString()).doesNotContain(MockMx.API_KEY);
    }
    String basic = Base64.getEncoder().encodeToString((MockMx.CLIENT_ID + ":" + MockMx.API_KEY).getBytes(StandardCharsets.UTF_8));
    assertThat(MockMx.received(server)[0].getFirstHeader("Authorization")).isEqualTo("Basic " + basic);
  }

  @Test
  void aMissingOrBadVariableIsNamedAndItsValueNever() {
    assertThatThrownBy(() -> Internals.platformAuth(MxPlatformClient.builder()).credentialsFromEnvironment(Map.of("MX_CLIENT_ID", "id")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the environment variable MX_API_KEY is not set");
    assertThatThrownBy(() -> Internals.platformAuth(MxPlatformClient.builder()).credentialsFromEnvironment(Map.of("MX_CLIENT_ID", " ", "MX_API_KEY", "k")))
        .hasMessage("the environment variable MX_CLIENT_ID is not set");
    assertThatThrownBy(
            () -> Internals.platformAuth(MxPlatformClient.builder()).credentialsFromEnvironment(Map.of("MX_CLIENT_ID", "id", "MX_API_KEY", "key-SECRET\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from the environment")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> Internals.nexusAuth(MxNexusAsyncClient.builder()).ssoFromEnvironment(Map.of("MX_CLIENT_ID", "id", "MX_API_KEY", "k")))
        .hasMessage("the environment variable MX_USER_ID is not set");
  }

  @Test
  void nexusSsoFromTheEnvironmentFetchesItsTokenWithThoseKeys() {
    server.when(request().withPath("/client-e/users/USR-E/api_token.json")).respond(response().withBody("{\"user\":{\"api_token\":\"tok-1\"}}"));
    server.when(request().withPath("/sessions")).respond(response().withBody("{\"session\":{\"token\":\"s-1\"}}"));
    server.when(request().withMethod("PUT")).respond(response().withBody(MockMx.nexusMemberJson()));
    MxNexusClient.Builder builder = MxNexusClient.builder().baseUrl(MockMx.url(server));
    Internals.nexusAuth(builder)
        .ssoFromEnvironment(Map.of("MX_CLIENT_ID", "client-e", "MX_API_KEY", "key-e", "MX_USER_ID", "USR-E", "MX_SSO_URL", MockMx.url(server)));
    try (MxNexusClient mx = builder.build()) {
      mx.updateMember(MemberUpdate.builder().member("MBR-1").metadata("m").build());
    }
    assertThat(MockMx.received(server)[0].getFirstHeader("MD-API-KEY")).isEqualTo("key-e");
  }
}
