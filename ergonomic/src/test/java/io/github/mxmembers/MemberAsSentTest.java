package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.internal.transport.HttpTransport;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.UseCase;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/**
 * The member exactly as MX sent it, on both APIs: values MX added after this SDK (a new status, a
 * new use case, a new field, a long number) come back verbatim, with typed accessors on top.
 */
class MemberAsSentTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();

  /** The reference member with a status, a use case and a field this SDK does not know. */
  private static String fromTheFuture(String memberJson) {
    JsonObject body = JsonParser.parseString(memberJson).getAsJsonObject();
    JsonObject member = body.getAsJsonObject("member");
    member.addProperty("connection_status", "QUANTUM_ENTANGLED");
    member.add("use_cases", JsonParser.parseString("[\"PFM\",\"MONEY_MOVEMENT\",\"TELEPORTATION\"]"));
    member.add("revision", JsonParser.parseString("123456789012345678901234567890"));
    member.addProperty("linked_at", "2026-05-01T00:00:00Z");
    return body.toString();
  }

  private Member platformMember(String body) {
    server
        .when(request().withPath(MockMx.MEMBER_PATH))
        .respond(response().withBody(body).withHeader("X-Request-Id", "req-42"));
    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      MemberUpdateResult result = mx.updateMember(MockMx.credentialUpdate());
      assertThat(result.requestId()).contains("req-42");
      return result.member().orElseThrow();
    }
  }

  private Member nexusMember(String body) {
    server.when(request().withPath("/sessions")).respond(response().withBody("{\"session\":{\"token\":\"s\"}}"));
    server.when(request().withPath("/members/MBR-1")).respond(response().withBody(body));
    try (MxNexusClient nexus =
        MxNexusClient.builder().baseUrl(MockMx.url(server)).apiTokenSource(() -> "t").clock(clock).build()) {
      return nexus.updateMember(MemberUpdate.builder().member("MBR-1").metadata("m").build()).member().orElseThrow();
    }
  }

  @Test
  void platformKeepsValuesThisSdkDoesNotKnowVerbatim() {
    assertKeptVerbatim(this::platformMember, MockMx.platformMemberJson());
  }

  @Test
  void nexusKeepsValuesThisSdkDoesNotKnowVerbatim() {
    assertKeptVerbatim(this::nexusMember, MockMx.nexusMemberJson());
  }

  private static void assertKeptVerbatim(Function<String, Member> send, String referenceJson) {
    String sent = fromTheFuture(referenceJson);

    Member member = send.apply(sent);

    assertThat(member.field("connection_status").orElseThrow().getAsString()).isEqualTo("QUANTUM_ENTANGLED");
    assertThat(member.connectionStatus()).contains(ConnectionStatus.UNKNOWN);
    assertThat(member.connectionStatusAsString()).contains("QUANTUM_ENTANGLED");
    assertThat(member.field("use_cases").orElseThrow().toString()).isEqualTo("[\"PFM\",\"MONEY_MOVEMENT\",\"TELEPORTATION\"]");
    assertThat(member.useCases()).containsExactly(UseCase.PFM, UseCase.MONEY_MOVEMENT, UseCase.UNKNOWN);
    assertThat(member.useCasesAsStrings()).containsExactly("PFM", "MONEY_MOVEMENT", "TELEPORTATION");
    assertThat(member.field("revision").orElseThrow().toString()).isEqualTo("123456789012345678901234567890");
    assertThat(member.field("linked_at").orElseThrow().getAsString()).isEqualTo("2026-05-01T00:00:00Z");
    assertThat(member.asJson()).isEqualTo(JsonParser.parseString(sent).getAsJsonObject().getAsJsonObject("member"));
    // typed accessors on top of the same JSON
    assertThat(member.aggregatedAt()).contains(Instant.parse("2016-10-13T18:07:57Z"));
    assertThat(member.successfullyAggregatedAt()).contains(Instant.parse("2016-10-13T17:57:38Z"));
    assertThat(member.guid()).contains("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b");
    assertThat(member.isBeingAggregated()).contains(false);
    // a copy: changing it changes nothing
    member.asJson().addProperty("name", "changed");
    member.field("use_cases").orElseThrow().getAsJsonArray().add("X");
    assertThat(member.name()).isNotEqualTo("changed");
    assertThat(member.useCasesAsStrings()).hasSize(3);
  }

  @Test
  void theReferencePageMemberReadsIntoEveryAccessor() {
    Member member = platformMember(MockMx.platformMemberJson());

    assertThat(member.id()).contains("unique_id");
    assertThat(member.userId()).contains("u-1234");
    assertThat(member.userGuid()).contains("USR-fa7537f3-48aa-a683-a02a-b18940482f54");
    assertThat(member.name()).contains("MX Bank");
    assertThat(member.institutionCode()).contains("mxbank");
    assertThat(member.institutionGuid()).contains("INST-12345678-90ab-cdef-1234-567890abcdef");
    assertThat(member.connectionStatus()).contains(ConnectionStatus.CONNECTED);
    assertThat(member.connectionStatusMessage()).contains("Connected to MX Bank");
    assertThat(member.mostRecentJobGuid()).contains("JOB-12345678-90ab-cdef-1234-567890abcdef");
    assertThat(member.metadata()).contains("\\\"credentials_last_refreshed_at\\\": \\\"2015-10-15\\");
    assertThat(member.backgroundAggregationDisabled()).contains(false);
    assertThat(member.needsUpdatedCredentials()).contains(false);
    assertThat(member.isOauth()).contains(false);
    assertThat(member.oauthWindowUri()).hasValueSatisfying(uri -> assertThat(uri).startsWith("https://mxbank.mx.com/oauth/"));
    assertThat(member.useCases()).containsExactly(UseCase.PFM);
    assertThat(member.field("most_recent_job_detail_code")).isEmpty();
  }

  @Test
  void aFieldOfTheWrongTypeIsAnUnreadableResponseNamingTheField() {
    JsonObject body = JsonParser.parseString(MockMx.platformMemberJson()).getAsJsonObject();
    body.getAsJsonObject("member").addProperty("is_oauth", "SOMETIMES");
    server.when(request().withPath(MockMx.MEMBER_PATH)).respond(response().withBody(body.toString()));

    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxResponseException.class,
              e -> assertThat(e.getMessage()).contains("is_oauth: expected true or false").doesNotContain("SOMETIMES"));
    }
  }

  @Test
  void aTimestampInAnotherFormatFailsOnlyItsAccessorNotTheCompletedUpdate() {
    JsonObject body = JsonParser.parseString(MockMx.platformMemberJson()).getAsJsonObject();
    body.getAsJsonObject("member").addProperty("aggregated_at", "2016-10-13 18:07:57");

    Member member = platformMember(body.toString());

    assertThatThrownBy(member::aggregatedAt)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("aggregated_at is not an ISO-8601 instant; field(\"aggregated_at\") has it as MX sent it");
    assertThat(member.field("aggregated_at").orElseThrow().getAsString()).isEqualTo("2016-10-13 18:07:57");
    assertThat(member.successfullyAggregatedAt()).contains(Instant.parse("2016-10-13T17:57:38Z"));
  }

  @Test
  void theRequestIdIsInTheExceptionMessageAfterTheStatusAndCode() {
    server
        .when(request().withPath(MockMx.MEMBER_PATH))
        .respond(
            response()
                .withStatusCode(409)
                .withHeader("X-Request-Id", "req-7")
                .withBody("{\"error\":{\"code\":4090,\"message\":\"a job is running\"}}"));

    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.getMessage())
                    .isEqualTo(
                        "MX Platform API answered 409 (code 4090, request id req-7) to PUT "
                            + MockMx.MEMBER_PATH
                            + " after 1 attempt: a job is running");
                assertThat(e.requestId()).contains("req-7");
              });
    }
  }

  @Test
  void aBodyOverTheSizeCapFailsTheCallWithoutRetryingOrFillingTheHeap() throws Exception {
    // with a Content-Length over the cap, and streamed without one
    for (long declared : new long[] {HttpTransport.MAX_BODY_BYTES + 1L, 0}) {
      HttpServer huge = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      int[] requests = {0};
      huge.createContext(
          "/",
          exchange -> {
            requests[0]++;
            exchange.sendResponseHeaders(200, declared); // 0: chunked, no Content-Length
            try (OutputStream out = exchange.getResponseBody()) {
              byte[] chunk = new byte[64 * 1024];
              for (int i = 0; i < 80; i++) {
                out.write(chunk);
              }
            } catch (java.io.IOException hungUp) {
              // the client stopped reading: expected
            }
          });
      huge.start();
      try (MxPlatformClient mx =
          MockMx.platform(server, clock).baseUrl("http://127.0.0.1:" + huge.getAddress().getPort()).build()) {
        assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
            .isInstanceOfSatisfying(
                MxResponseException.class,
                e -> {
                  assertThat(e.getMessage()).contains("over the limit of 4194304 bytes");
                  assertThat(e.status()).isEqualTo(200);
                  assertThat(e.attempts()).isEqualTo(1);
                });
      } finally {
        huge.stop(0);
      }
      assertThat(requests[0]).isEqualTo(1);
    }
  }

  @Test
  void nothingIsSentForAnUpdateTheApiRefuses() {
    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      assertThatThrownBy(() -> mx.updateMember(MemberUpdate.builder().member("MBR-1").metadata("m").build()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.retrieveRecordedRequests(request())).isEqualTo(new HttpRequest[0]);
  }
}
