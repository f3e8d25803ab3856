package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code mx-members webhooks listen} taking webhooks MX's documentation shows, posted as curl would,
 * and {@code update-member --wait} showing the embedded sandbox's webhooks beside its status reads.
 */
class CliWebhooksTest {
  private static final String USER = "mx-hooks";
  private static final String PASSWORD = "S3CRETlistenPASSWORD";
  private static final Map<String, String> ENV = Map.of("MX_WEBHOOK_USERNAME", USER, "MX_WEBHOOK_PASSWORD", PASSWORD);
  /** MX's Connection Status webhook page, its example. */
  private static final String CONNECTION_STATUS =
      "{\"action\":\"CHANGED\",\"connection_status\":\"CHALLENGED\",\"connection_status_id\":3,"
          + "\"connection_status_message\":\"To authenticate your connection to Chase Bank, please answer the following challenge(s).\","
          + "\"member_guid\":\"MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a\",\"type\":\"CONNECTION_STATUS\","
          + "\"user_guid\":\"USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e\"}";
  /** MX's Balance webhook page, its example. */
  private static final String BALANCE =
      "{\"action\":\"member_data_updated\",\"completed_at\":1531947410,\"completed_on\":\"2018-07-18\","
          + "\"member_guid\":\"MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a\",\"type\":\"BALANCE\","
          + "\"user_guid\":\"USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e\"}";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Posts as {@code curl -u USER:PASSWORD --data ...} does, once the listener is up. */
  private int post(int port, String user, String password, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mx/webhooks"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (java.net.ConnectException notYetListening) {
        if (System.nanoTime() > deadline) {
          throw notYetListening;
        }
        Thread.sleep(20);
      }
    }
  }

  @Test
  void listenPrintsEachVerifiedWebhookOnceAndNothingForWrongCredentials() throws Exception {
    int port = freePort();
    CompletableFuture<CliRun> listening =
        CompletableFuture.supplyAsync(
            () -> CliRun.run(ENV, new byte[0], false, "webhooks", "listen", "--port", String.valueOf(port), "--max-events", "2"));

    assertThat(post(port, USER, PASSWORD, CONNECTION_STATUS)).isEqualTo(204);
    assertThat(post(port, USER, PASSWORD, CONNECTION_STATUS)).isEqualTo(204); // MX's re-send
    assertThat(post(port, USER, "wrong", CONNECTION_STATUS.replace("CHALLENGED", "DENIED"))).isEqualTo(401);
    assertThat(post(port, null, null, CONNECTION_STATUS.replace("CHALLENGED", "LOCKED"))).isEqualTo(401);
    assertThat(post(port, USER, PASSWORD, BALANCE, "X-CALLBACK-PAYLOAD", "dGlja2V0PTQy")).isEqualTo(204);

    CliRun run = listening.get(20, TimeUnit.SECONDS);
    assertThat(run.code).as(run.all()).isZero();
    assertThat(run.out.lines()).containsExactly(
        "CONNECTION_STATUS CHALLENGED member=MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a user=USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e",
        "MEMBER_DATA_UPDATED BALANCE member=MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a user=USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e"
            + " callback_payload=ticket=42");
    assertThat(run.err).contains("listening for MX webhooks at http://127.0.0.1:" + port + "/mx/webhooks");
    assertThat(run.all()).doesNotContain(PASSWORD).doesNotContain("wrong").doesNotContain("DENIED").doesNotContain("LOCKED");
  }

  @Test
  void listenJsonIsOneObjectPerLine() throws Exception {
    int port = freePort();
    CompletableFuture<CliRun> listening =
        CompletableFuture.supplyAsync(
            () -> CliRun.run(ENV, new byte[0], false, "webhooks", "listen", "--port", String.valueOf(port), "--json", "--max-events", "1"));

    assertThat(post(port, USER, PASSWORD, CONNECTION_STATUS, "X-CALLBACK-PAYLOAD", "813e50bd-4a7e-4517-b6bb-9eef65a68cbd")).isEqualTo(204);

    CliRun run = listening.get(20, TimeUnit.SECONDS);
    List<String> lines = run.out.lines().toList();
    assertThat(lines).hasSize(1);
    JsonObject event = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    assertThat(event.get("kind").getAsString()).isEqualTo("CONNECTION_STATUS");
    assertThat(event.get("member_guid").getAsString()).isEqualTo("MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a");
    assertThat(event.get("callback_payload").getAsString()).isEqualTo("813e50bd-4a7e-4517-b6bb-9eef65a68cbd");
    assertThat(event.has("callback_text")).as("MX's example value is not base64").isFalse();
    assertThat(event.get("deduplication_key").getAsString()).startsWith("sha256:");
    assertThat(event.getAsJsonObject("body").get("connection_status_id").getAsInt()).isEqualTo(3);
  }

  @Test
  void tenMegabytesUnderA64MegabyteHeapAre413WithNoOutOfMemoryAndTheNextWebhookIsTaken() throws Exception {
    int port = freePort();
    List<String> command = new java.util.ArrayList<>(List.of(
        java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), io.github.mxmembers.cli.MxMembersCli.class.getName(),
        "webhooks", "listen", "--port", String.valueOf(port), "--max-events", "2"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(ENV);
    Process listener = builder.start();
    try {
      byte[] tenMegabytes = new byte[10 * 1024 * 1024];
      java.util.Arrays.fill(tenMegabytes, (byte) ' ');
      // with its length: refused from the header; without (chunked): refused once 256 KiB are read
      assertThat(post(port, USER, PASSWORD, "{}")).as("listening").isEqualTo(204);
      assertThat(rawStatusLine(port, tenMegabytes)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
      HttpRequest chunked =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mx/webhooks"))
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(tenMegabytes)))
              .build();
      int status;
      try {
        status = http.send(chunked, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException closedWhileSending) {
        status = -1; // the server answered and closed before the client finished writing: its log says why
      }
      assertThat(status).isIn(413, -1);
      // a new client: the server closed the connection it answered 413 on, and the JDK's client may reuse it
      assertThat(HttpClient.newHttpClient().send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mx/webhooks"))
                  .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                  .POST(HttpRequest.BodyPublishers.ofString(CONNECTION_STATUS)).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode())
          .isEqualTo(204);
      assertThat(listener.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = new String(listener.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(listener.exitValue()).as(output).isZero();
      assertThat(output).contains("OTHER").contains("CONNECTION_STATUS CHALLENGED").doesNotContain("OutOfMemoryError")
          .contains("webhook refused with 413: Content-Length 10485760 is over the 262144-byte cap")
          .contains("webhook refused with 413: its body is over the 262144-byte cap");
    } finally {
      listener.destroyForcibly();
    }
  }

  /** Posts a body with its Content-Length by hand; the status line, read even if the server closed before all was sent. */
  private static String rawStatusLine(int port, byte[] body) throws IOException {
    try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      String head = "POST /mx/webhooks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
          + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
      try {
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
      } catch (IOException closedByServer) {
        // it answered and closed without reading the rest: read what it said
      }
      java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(response);
      } catch (IOException reset) {
        // closed after answering
      }
      String text = response.toString(StandardCharsets.US_ASCII);
      return text.isEmpty() ? "(no response)" : text.substring(0, text.indexOf("\r\n"));
    }
  }

  @Test
  void listenWithoutCredentialsIsRefusedNamingTheVariables() {
    CliRun run = CliRun.run(Map.of(), new byte[0], false, "webhooks", "listen", "--port", "8080");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("MX_WEBHOOK_USERNAME").contains("MX_WEBHOOK_PASSWORD");
    CliRun blank = CliRun.run(Map.of("MX_WEBHOOK_USERNAME", " ", "MX_WEBHOOK_PASSWORD", PASSWORD), new byte[0], false,
        "webhooks", "listen", "--port", "8080");
    assertThat(blank.code).isEqualTo(2);
    assertThat(blank.all()).contains("username").doesNotContain(PASSWORD);
    CliRun badPort = CliRun.run(ENV, new byte[0], false, "webhooks", "listen", "--port", "70000");
    assertThat(badPort.code).isEqualTo(2);
    assertThat(badPort.err).contains("--port");
  }

  @Test
  void updateMemberWaitShowsTheSandboxsWebhooksBesideItsStatusReads() {
    CliRun run = CliRun.run(Map.of(), "CRD-mxbank-text-1=correct\n".getBytes(StandardCharsets.UTF_8), true,
        "update-member", "--user", "u-1234", "--member", "MBR-7c6f361b-e582-15b6-60c0-358f12466b4b",
        "--credential", "CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f=challenge", "--wait", "--answers-stdin");
    assertThat(run.code).as(run.all()).isZero();
    assertThat(run.err).contains("mx-members: webhook CONNECTION_STATUS CHALLENGED member=MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
        .contains("mx-members: webhook MEMBER_DATA_UPDATED AGGREGATION");
    assertThat(run.out).contains("Webhooks received from the sandbox")
        .contains("  MEMBER updated member=MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
        .contains("  CONNECTION_STATUS CHALLENGED")
        .contains("  MEMBER_DATA_UPDATED AGGREGATION");

    CliRun json = CliRun.run(Map.of(), new byte[0], false,
        "update-member", "--api", "nexus", "--member", "MBR-7c6f361b-e582-15b6-60c0-358f12466b4b",
        "--credential", "CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f=n3w", "--wait", "--json");
    JsonArray webhooks = JsonParser.parseString(json.out).getAsJsonObject().getAsJsonArray("webhooks");
    assertThat(webhooks).extracting(w -> w.getAsJsonObject().get("kind").getAsString())
        .containsExactly("MEMBER", "MEMBER_DATA_UPDATED");
  }
}
