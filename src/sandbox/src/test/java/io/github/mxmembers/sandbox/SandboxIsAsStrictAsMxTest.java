package io.github.mxmembers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.PlatformApiVersion;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox answers as MX does where a looser fake would let a wrong request through. */
class SandboxIsAsStrictAsMxTest {
  private static final String MEMBER_PATH =
      "/users/" + MxSandbox.USER_ID + "/members/" + MxSandbox.MEMBER_GUID;
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((MxSandbox.CLIENT_ID + ":" + MxSandbox.API_KEY).getBytes(StandardCharsets.UTF_8));
  private static final String CREDENTIAL_BODY =
      "{\"member\":{\"credentials\":[{\"guid\":\"" + MxSandbox.CREDENTIAL_GUID + "\",\"value\":\"p\"}]}}";

  private final MxSandbox sandbox = MxSandbox.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private HttpRequest.Builder platformPut(String body) {
    return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + MEMBER_PATH))
        .PUT(HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", BASIC)
        .header("Accept-Version", PlatformApiVersion.latest().value())
        .header("Accept", "application/json")
        .header("Content-Type", "application/json; charset=UTF-8");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aWellFormedPlatformUpdateIsApplied() throws Exception {
    HttpResponse<String> response = send(platformPut(CREDENTIAL_BODY));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("member").get("is_being_aggregated").getAsBoolean())
        .isTrue();
  }

  @Test
  void aContentTypeThatOnlyStartsLikeJsonIsRefusedWith415() throws Exception {
    assertThat(send(platformPut(CREDENTIAL_BODY).setHeader("Content-Type", "application/jsonx")).statusCode())
        .isEqualTo(415);
  }

  @Test
  void anAcceptWithoutJsonIsRefusedWith406() throws Exception {
    assertThat(send(platformPut(CREDENTIAL_BODY).setHeader("Accept", "application/xml")).statusCode()).isEqualTo(406);
    assertThat(send(platformPut(CREDENTIAL_BODY).setHeader("Accept", "application/xml, */*;q=0.1")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anUnknownCredentialGuidIsRefusedWith422AndStartsNothing() throws Exception {
    HttpResponse<String> response = send(platformPut(CREDENTIAL_BODY.replace(MxSandbox.CREDENTIAL_GUID, "CRD-not-this-members")));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(sandbox.platformMember(MxSandbox.MEMBER_GUID).orElseThrow().get("is_being_aggregated").getAsBoolean())
        .isFalse();
    assertThat(sandbox.events()).noneMatch(e -> e.type() == SandboxEvent.Type.MEMBER_UPDATED);
  }

  @Test
  void credentialsOfAnotherShapeAreRefusedWith400() throws Exception {
    assertThat(send(platformPut("{\"member\":{\"credentials\":[{\"guid\":1}]}}")).statusCode()).isEqualTo(400);
  }

  @Test
  void anEmptyCallbackPayloadIsRefused() throws Exception {
    assertThat(send(platformPut(CREDENTIAL_BODY).header("X-CALLBACK-PAYLOAD", "")).statusCode()).isEqualTo(400);
  }

  @Test
  void sessionsAndNexusUpdatesRequireTheNexusMediaType() throws Exception {
    String token = sandbox.issueApiToken(MxSandbox.USER_GUID);
    HttpRequest.Builder openSession =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sessions"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .header("MD-API-TOKEN", token);

    assertThat(send(openSession.copy().header("Accept", "application/json")).statusCode()).isEqualTo(406);
    HttpResponse<String> opened = send(openSession.copy().header("Accept", "application/vnd.mx.nexus.v1+json"));
    assertThat(opened.statusCode()).isEqualTo(200);
    String session =
        JsonParser.parseString(opened.body()).getAsJsonObject().getAsJsonObject("session").get("token").getAsString();

    HttpRequest.Builder update =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/members/" + MxSandbox.MEMBER_GUID))
            .PUT(HttpRequest.BodyPublishers.ofString("{\"member\":{\"metadata\":\"m\"}}"))
            .header("MD-SESSION-TOKEN", session)
            .header("Accept", "application/vnd.mx.nexus.v1+json");
    assertThat(send(update.copy().header("Content-Type", "application/json")).statusCode()).isEqualTo(415);
    assertThat(send(update.copy().header("Content-Type", "application/vnd.mx.nexus.v1+json")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void openingASessionAggregatesTheUsersMembersUnlessTheBodySkipsIt() throws Exception {
    String seededJob = sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow().get("most_recent_job_guid").getAsString();
    // both readings of MX's "body should contain skip_aggregation:true" are taken
    for (String skipping : new String[] {"{\"skip_aggregation\":true}", "{\"session\":{\"skip_aggregation\":true}}"}) {
      assertThat(send(openSession(skipping)).statusCode()).isEqualTo(200);
      assertThat(sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow().get("most_recent_job_guid").getAsString())
          .as(skipping)
          .isEqualTo(seededJob);
    }

    assertThat(send(openSession(null)).statusCode()).isEqualTo(200);

    JsonObject member = sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow();
    assertThat(member.get("is_being_aggregated").getAsBoolean()).isTrue();
    assertThat(member.get("most_recent_job_guid").getAsString()).isNotEqualTo(seededJob);
    for (String aggregating : new String[] {"{}", "{\"skip_aggregation\":false}", "{\"skip_aggregation\":\"true\"}"}) {
      sandbox.reset();
      assertThat(send(openSession(aggregating)).statusCode()).isEqualTo(200);
      assertThat(sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow().get("most_recent_job_guid").getAsString())
          .as(aggregating)
          .isNotEqualTo(seededJob);
    }
  }

  private HttpRequest.Builder openSession(String body) {
    return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sessions"))
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("MD-API-TOKEN", sandbox.issueApiToken(MxSandbox.USER_GUID))
        .header("Accept", "application/vnd.mx.nexus.v1+json")
        .header("Content-Type", "application/vnd.mx.nexus.v1+json");
  }

  @Test
  void everyRequestIsRecordedWithItsQuery() throws Exception {
    send(platformPut(CREDENTIAL_BODY).uri(URI.create(sandbox.baseUrl() + MEMBER_PATH + "?a=b%20c")));

    RecordedRequest received = sandbox.received().get(0);
    assertThat(received.toString()).isEqualTo("PUT " + MEMBER_PATH);
    assertThat(received.queryParameter("a")).contains("b c");
    assertThat(received.header("accept-version")).contains(PlatformApiVersion.latest().value());
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
      assertThat(loopback.isConnected()).isTrue();
    }
    List<InetAddress> others = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
          others.add(address);
        }
      }
    }
    for (InetAddress address : others) {
      assertThatThrownBy(() -> connect(address, sandbox.port())).as(address.toString()).isInstanceOf(ConnectException.class);
    }
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
    }
  }
}
