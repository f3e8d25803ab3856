package io.github.mxmembers.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import io.github.mxmembers.webhook.ConnectionStatusChanged;
import io.github.mxmembers.webhook.MemberDataUpdated;
import io.github.mxmembers.webhook.WebhookEvent;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A real application over real HTTP on a random port, as an application's own {@code @SpringBootTest}
 * would run it: update through the client bean, the sandbox's webhooks reaching the mounted endpoint
 * with the right credentials and published as application events, the wait they wake, the
 * observations of the calls; the endpoint refusing wrong credentials with 401.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mx.members.sandbox.enabled=true",
      "mx.members.webhooks.enabled=true",
      "mx.members.webhooks.username=mx-hooks",
      "mx.members.webhooks.password=S3CREThookPW",
      "mx.members.platform.client-id=client-1",
      "mx.members.platform.api-key=S3CRETpropKEY",
      "management.endpoints.web.exposure.include=env,configprops"
    })
class WebhooksInAnApplicationTest {
  @SpringBootApplication
  static class Application {
    final List<WebhookEvent> heard = new CopyOnWriteArrayList<>();

    @EventListener
    void on(WebhookEvent event) {
      heard.add(event);
    }

    @Bean
    TestObservationRegistry observationRegistry() {
      return TestObservationRegistry.create();
    }
  }

  @Autowired MxPlatformClient mx;
  @Autowired MxSandbox sandbox;
  @Autowired Application application;
  @Autowired TestObservationRegistry observations;

  @Value("${local.server.port}")
  int port;

  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void anUpdateItsWebhooksAsApplicationEventsAndTheWaitTheyWake() throws Exception {
    sandbox.aggregationTime(Duration.ofSeconds(1));
    mx.updateMember(MemberUpdate.builder().user(MxSandbox.USER_ID).member(MxSandbox.MEMBER_GUID)
        .credential(MxSandbox.CREDENTIAL_GUID, "challenge").callbackPayload("order-7").build());

    AggregationOutcome outcome = mx.waitForAggregation(MxSandbox.USER_ID, MxSandbox.MEMBER_GUID, AggregationWait.withWebhooks());

    assertThat(outcome.kind()).isEqualTo(AggregationOutcome.Kind.NEEDS_ANSWERS);
    assertThat(outcome.polls()).as("woken by the webhook, not the 30 s failsafe").isEqualTo(2);
    assertThat(outcome.waited()).isLessThan(Duration.ofSeconds(15));
    sandbox.awaitWebhook(d -> d.kind() == WebhookEvent.Kind.CONNECTION_STATUS && d.delivered(), Duration.ofSeconds(10));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (application.heard.stream().noneMatch(e -> e instanceof ConnectionStatusChanged) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(application.heard).anyMatch(e -> e instanceof ConnectionStatusChanged);
    assertThat(application.heard).filteredOn(e -> e.kind() == WebhookEvent.Kind.MEMBER).first()
        .satisfies(member -> assertThat(member.callbackPayload().orElseThrow().text()).contains("order-7"));
    assertThat(sandbox.webhooks()).allMatch(d -> d.url().toString().equals("http://127.0.0.1:" + port + "/mx/webhooks"));
    assertThat(context.getBeansOfType(io.github.mxmembers.micrometer.MxObservations.class)).as("instrumentation beans").hasSize(1);
    assertThat(context.getBeansOfType(io.micrometer.observation.ObservationRegistry.class)).as("registries").hasSize(1);
    TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo("mx.members.call")
        .that().hasLowCardinalityKeyValue("mx.operation", "update_member");
    assertThat(application.heard).noneMatch(e -> e instanceof MemberDataUpdated && e.memberGuid().isEmpty());
  }

  @Test
  void thePropertyDumpsShowTheKeyAndPasswordMasked() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String endpoint : List.of("/actuator/env", "/actuator/configprops")) {
      HttpResponse<String> dump = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(dump.statusCode()).as(endpoint).isEqualTo(200);
      assertThat(dump.body()).as(endpoint).contains("mx.members").doesNotContain("S3CRETpropKEY").doesNotContain("S3CREThookPW");
    }
  }

  @Test
  void theMountedEndpointRefusesWrongCredentialsWith401AndAnotherMethodWith405() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI endpoint = URI.create("http://127.0.0.1:" + port + "/mx/webhooks");
    String body = "{\"type\":\"CONNECTION_STATUS\",\"action\":\"CHANGED\",\"member_guid\":\"MBR-1\",\"connection_status\":\"DENIED\"}";
    HttpResponse<Void> wrong = http.send(HttpRequest.newBuilder(endpoint)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("mx-hooks:wrong".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<Void> right = http.send(HttpRequest.newBuilder(endpoint)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("mx-hooks:S3CREThookPW".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<Void> get = http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.discarding());

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(right.statusCode()).isEqualTo(204);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
  }
}
