package io.github.mxmembers;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.mockserver.configuration.ConfigurationProperties;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.slf4j.event.Level;

/** A MockServer on a free loopback port, and the fixtures and clients the tests share. */
final class MockMx {
  static final String CLIENT_ID = "client-7";
  static final String API_KEY = "api-KEY-s3cr3t-0001";
  static final String PASSWORD = "bank-PASSWORD-s3cr3t";
  static final String API_TOKEN = "one-time-API-TOKEN-s3cr3t";
  static final String SESSION_TOKEN = "SESSION-TOKEN-s3cr3t-1";
  static final String NEXUS_TYPE = "application/vnd.mx.nexus.v1+json";
  static final String MEMBER_PATH = "/users/USR-1/members/MBR-1";

  static {
    ConfigurationProperties.logLevel(Level.WARN.name());
    ConfigurationProperties.disableSystemOut(true);
  }

  private MockMx() {}

  static ClientAndServer start() {
    return ClientAndServer.startClientAndServer(0);
  }

  static String url(ClientAndServer server) {
    return "http://127.0.0.1:" + server.getPort();
  }

  static String resource(String name) {
    try (InputStream in = MockMx.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String platformMemberJson() {
    return resource("platform-member.json");
  }

  static String nexusMemberJson() {
    return resource("nexus-member.json");
  }

  /** A fixed jitter of 1.0: every wait is the full cap for its attempt. */
  static RetryPolicy fullJitter() {
    return RetryPolicy.builder().jitter(() -> 1.0).build();
  }

  static MxPlatformClient.Builder platform(ClientAndServer server, FakeClock clock) {
    return MxPlatformClient.builder()
        .baseUrl(url(server))
        .credentials(CLIENT_ID, API_KEY)
        .clock(clock)
        .sleeper(new RecordingSleeper(clock))
        .retryPolicy(fullJitter());
  }

  /**
   * A loopback server that answers every request 200 with the Platform member, one byte every
   * {@code millisPerByte} for its first 60 bytes: each read is quick, the whole answer is not.
   */
  static HttpServer trickling(long millisPerByte) throws IOException {
    HttpServer trickle = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    trickle.createContext(
        "/",
        exchange -> {
          byte[] body = platformMemberJson().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
              out.write(body[i]);
              out.flush();
              Thread.sleep(millisPerByte);
            }
          } catch (Exception stopped) {
            // the client hung up: what the tests want
          }
        });
    trickle.start();
    return trickle;
  }

  static MemberUpdate credentialUpdate() {
    return MemberUpdate.builder().user("USR-1").member("MBR-1").credential("CRD-1", PASSWORD).build();
  }

  /**
   * Answers MBR-SLOW after 20 s and {@link #credentialUpdate()}'s member at once with 200, so that
   * a test can hold its one connection busy.
   *
   * @return an update of MBR-SLOW
   */
  static MemberUpdate answerSlowMemberAfter20Seconds(ClientAndServer server) {
    server
        .when(request().withPath("/users/USR-1/members/MBR-SLOW"))
        .respond(response().withDelay(TimeUnit.SECONDS, 20).withBody(platformMemberJson()));
    answerPlatformUpdate(server, 200);
    return credentialUpdate().toBuilder().member("MBR-SLOW").build();
  }

  static void answerPlatformUpdate(ClientAndServer server, int status) {
    server
        .when(request().withMethod("PUT").withPath(MEMBER_PATH))
        .respond(response().withStatusCode(status).withBody(platformMemberJson()));
  }

  static HttpRequest[] received(ClientAndServer server) {
    return server.retrieveRecordedRequests(request());
  }

  static List<String> bodies(ClientAndServer server) {
    return Arrays.stream(received(server))
        .map(HttpRequest::getBodyAsString)
        .collect(Collectors.toList());
  }
}
