package io.github.mxmembers.webhook;

import static io.github.mxmembers.webhook.WebhookTest.AGGREGATION;
import static io.github.mxmembers.webhook.WebhookTest.CONNECTION_STATUS;
import static io.github.mxmembers.webhook.WebhookTest.PASSWORD;
import static io.github.mxmembers.webhook.WebhookTest.USER;
import static io.github.mxmembers.webhook.WebhookTest.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mxmembers.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver on the JDK's HTTP server, over loopback: what MX is answered, and what reaches the listener. */
class WebhookReceiverTest {
  private final CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().build(); // MX's re-sends are the test's own

  /** What the receiver answered. */
  record Answer(int statusCode, Header[] headers) {
    Optional<String> header(String name) {
      for (Header header : headers) {
        if (header.getName().equalsIgnoreCase(name)) {
          return Optional.of(header.getValue());
        }
      }
      return Optional.empty();
    }
  }

  private Answer send(String method, java.net.URI url, byte[] body, String... headers) throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(method, url);
    for (int i = 0; i < headers.length; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, ContentType.parse("application/json; charset=utf-8")));
    }
    return http.execute(request, response -> new Answer(response.getCode(), response.getHeaders()));
  }
  private final List<WebhookEvent> heard = new CopyOnWriteArrayList<>();
  private WebhookReceiver receiver;
  private WebhookServer server;

  private void serve(WebhookReceiver.Builder builder) {
    receiver = builder.build();
    server = WebhookServer.start(receiver, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/mx/webhooks");
  }

  private void serve() {
    serve(WebhookReceiver.builder().auth(WebhookTest.AUTH).listener(heard::add));
  }

  @AfterEach
  void close() throws IOException {
    http.close();
    if (server != null) {
      server.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private Answer post(String body, String... headers) throws Exception {
    return send("POST", server.url(), body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private Answer postSigned(String body, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = basic(USER, PASSWORD);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return post(body, all);
  }

  @Test
  void answers204AndDeliversEachEventOnceReSendsIncluded() throws Exception {
    serve();
    assertThat(postSigned(CONNECTION_STATUS).statusCode()).isEqualTo(204);
    assertThat(postSigned(AGGREGATION, "X-CALLBACK-PAYLOAD", "YQ==").statusCode()).isEqualTo(204);
    assertThat(postSigned(CONNECTION_STATUS).statusCode()).isEqualTo(204); // MX's re-send
    assertThat(postSigned(AGGREGATION, "X-CALLBACK-PAYLOAD", "YQ==").statusCode()).isEqualTo(204);
    Eventually.until("two events delivered", Duration.ofSeconds(5), () -> receiver.stats().delivered() == 2);
    assertThat(heard).extracting(WebhookEvent::kind)
        .containsExactly(WebhookEvent.Kind.CONNECTION_STATUS, WebhookEvent.Kind.MEMBER_DATA_UPDATED);
    assertThat(receiver.stats().duplicates()).isEqualTo(2);
    assertThat(server.url().toString()).startsWith("http://127.0.0.1:").endsWith("/mx/webhooks");
  }

  @Test
  void wrongOrMissingCredentialsAre401NothingDeliveredNothingOfThemLogged() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      serve();
      assertThat(post(CONNECTION_STATUS).statusCode()).isEqualTo(401);
      assertThat(post(CONNECTION_STATUS, "Authorization", basic(USER, "S3CRETwrong")).statusCode()).isEqualTo(401);
      assertThat(post(CONNECTION_STATUS, "Authorization", basic("S3CRETuser", PASSWORD)).statusCode()).isEqualTo(401);
      assertThat(postSigned(CONNECTION_STATUS).statusCode()).isEqualTo(204);
      Eventually.until("the signed one delivered", Duration.ofSeconds(5), () -> receiver.stats().delivered() == 1);
    } finally {
      System.setErr(originalErr);
    }
    assertThat(heard).hasSize(1);
    assertThat(receiver.stats().unauthorized()).isEqualTo(3);
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("webhook refused with 401").doesNotContain("S3CRET").doesNotContain(PASSWORD)
        .doesNotContain(basic(USER, PASSWORD).substring(6)).doesNotContain("Chase Bank");
  }

  @Test
  void anotherMethodIs405WithAllow() throws Exception {
    serve();
    Answer get = send("GET", server.url(), null, "Authorization", basic(USER, PASSWORD));
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.header("Allow")).contains("POST");
    Answer put = send("PUT", server.url(), CONNECTION_STATUS.getBytes(StandardCharsets.UTF_8), "Authorization", basic(USER, PASSWORD));
    assertThat(put.statusCode()).isEqualTo(405);
    Answer elsewhere = send("POST", server.url().resolve("/other"), "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(heard).isEmpty();
  }

  @Test
  void bodiesThatAreNotAJsonObjectAre400() throws Exception {
    serve();
    for (String body : List.of("", "[]", "7", "not json", "{\"a\":")) {
      assertThat(postSigned(body).statusCode()).as(body).isEqualTo(400);
    }
    Answer latin1 =
        send("POST", server.url(), "{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1), "Authorization", basic(USER, PASSWORD));
    assertThat(latin1.statusCode()).isEqualTo(400);
    assertThat(receiver.stats().malformed()).isEqualTo(6);
    assertThat(heard).isEmpty();
  }

  /** Writes a request by hand; returns the status line, or what ended the connection. */
  private String raw(String head, byte[] body, int bodyBytesToSend) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(body, 0, bodyBytesToSend);
        out.flush();
        socket.shutdownOutput();
      } catch (IOException closedByServer) {
        // the server answered and closed before the rest was sent: read what it said
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      try {
        in.transferTo(response);
      } catch (IOException reset) {
        // closed after answering
      }
      String text = response.toString(StandardCharsets.ISO_8859_1);
      return text.isEmpty() ? "(no response)" : text.substring(0, text.indexOf("\r\n"));
    }
  }

  @Test
  void aTenMegabyteBodyIs413UnreadAndTheConnectionIsNotHeld() throws Exception {
    serve();
    byte[] big = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    String head = "POST /mx/webhooks HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(USER, PASSWORD)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + big.length + "\r\n\r\n";
    assertThat(raw(head, big, big.length)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    assertThat(receiver.stats().tooLarge()).isEqualTo(1);
    assertThat(heard).isEmpty();
  }

  @Test
  void theCoreReadsNoMoreThanTheCapOfABodyWithoutALength() {
    receiver = WebhookReceiver.builder().auth(WebhookTest.AUTH).listener(heard::add).build();
    AtomicLong read = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return ' ';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            read.addAndGet(len);
            return len;
          }
        };
    int status = receiver.handle("POST", WebhookTest.headers(), endless);
    assertThat(status).isEqualTo(413);
    assertThat(read.get()).isEqualTo(256 * 1024 + 1);
  }

  @Test
  void aBodyThatStopsHalfWayIs400AndDeliversNothing() throws Exception {
    serve();
    byte[] body = CONNECTION_STATUS.getBytes(StandardCharsets.UTF_8);
    String head = "POST /mx/webhooks HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(USER, PASSWORD)
        + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    String answered = raw(head, body, body.length / 2);
    assertThat(answered).isIn("HTTP/1.1 400 Bad Request", "(no response)");
    Eventually.until("the half body refused", Duration.ofSeconds(5), () -> receiver.stats().malformed() == 1);
    assertThat(heard).isEmpty();
  }

  @Test
  void aListenerThatThrowsIsLoggedAndTheNextEventsStillArrive() throws Exception {
    List<String> after = new CopyOnWriteArrayList<>();
    serve(
        WebhookReceiver.builder()
            .auth(WebhookTest.AUTH)
            .listener(event -> {
              if (event.kind() == WebhookEvent.Kind.CONNECTION_STATUS) {
                throw new IllegalStateException("listener bug");
              }
            })
            .listener(event -> after.add(event.kind().name())));
    assertThat(postSigned(CONNECTION_STATUS).statusCode()).isEqualTo(204);
    assertThat(postSigned(AGGREGATION).statusCode()).isEqualTo(204);
    Eventually.until("both delivered", Duration.ofSeconds(5), () -> receiver.stats().delivered() == 2);
    assertThat(receiver.stats().listenerFailures()).isEqualTo(1);
    assertThat(after).containsExactly("CONNECTION_STATUS", "MEMBER_DATA_UPDATED"); // the other listener heard both
  }

  @Test
  void aBlockedListenerHoldsNoRequestAndAFullQueueIs503SoMxSendsItAgain() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    serve(
        WebhookReceiver.builder()
            .auth(WebhookTest.AUTH)
            .queueCapacity(1)
            .listener(event -> {
              blocked.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              heard.add(event);
            }));
    assertThat(postSigned(CONNECTION_STATUS).statusCode()).isEqualTo(204); // taken by the listener, which blocks
    assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(postSigned(AGGREGATION).statusCode()).isEqualTo(204); // queued
    String third = CONNECTION_STATUS.replace("CHALLENGED", "DENIED");
    Answer full = postSigned(third);
    assertThat(full.statusCode()).isEqualTo(503);
    assertThat(full.header("Retry-After")).isPresent();
    release.countDown();
    Eventually.until("the two taken delivered", Duration.ofSeconds(5), () -> receiver.stats().delivered() == 2);
    assertThat(postSigned(third).statusCode()).isEqualTo(204); // MX's re-send of the refused one is taken
    Eventually.until("the re-send delivered", Duration.ofSeconds(5), () -> receiver.stats().delivered() == 3);
    assertThat(heard).hasSize(3);
  }

  @Test
  void theWindowIsBoundedInTimeAndCount() {
    Instant[] now = {Instant.parse("2026-12-07T00:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    receiver =
        WebhookReceiver.builder().auth(WebhookTest.AUTH).clock(clock).deduplicationWindow(Duration.ofHours(1), 2)
            .listener(heard::add).build();
    assertThat(handle(CONNECTION_STATUS)).isEqualTo(204);
    assertThat(handle(CONNECTION_STATUS)).isEqualTo(204);
    assertThat(receiver.stats().duplicates()).isEqualTo(1);
    now[0] = now[0].plus(Duration.ofMinutes(61));
    assertThat(handle(CONNECTION_STATUS)).isEqualTo(204); // past the window: delivered again
    assertThat(handle(AGGREGATION)).isEqualTo(204);
    assertThat(handle(AGGREGATION.replace("AGGREGATION", "HISTORY"))).isEqualTo(204); // the oldest key is dropped
    assertThat(handle(CONNECTION_STATUS)).isEqualTo(204);
    assertThat(receiver.stats().accepted()).isEqualTo(5);
    assertThat(receiver.stats().duplicates()).isEqualTo(1);
  }

  private int handle(String json) {
    return receiver.handle("POST", WebhookTest.headers(), new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void closeDeliversWhatWasAcknowledgedThenRefuses() throws Exception {
    serve();
    assertThat(postSigned(CONNECTION_STATUS).statusCode()).isEqualTo(204);
    receiver.close();
    assertThat(heard).hasSize(1);
    assertThat(postSigned(AGGREGATION).statusCode()).isEqualTo(503);
  }

  @Test
  void incompleteConfigurationThrows() {
    assertThatThrownBy(() -> WebhookReceiver.builder().build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("auth");
    assertThatThrownBy(() -> WebhookReceiver.builder().maxBodyBytes(10)).hasMessageContaining("maxBodyBytes");
    assertThatThrownBy(() -> WebhookReceiver.builder().queueCapacity(0)).hasMessageContaining("queueCapacity");
    assertThatThrownBy(() -> WebhookReceiver.builder().deduplicationWindow(Duration.ZERO, 1)).hasMessageContaining("window");
    assertThatThrownBy(() -> WebhookServer.start(WebhookReceiver.builder().auth(WebhookAuth.none()).build(),
        new InetSocketAddress(0), "webhooks")).hasMessageContaining("path");
  }
}
