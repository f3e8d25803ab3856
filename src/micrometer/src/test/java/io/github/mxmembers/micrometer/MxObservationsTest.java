package io.github.mxmembers.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.retry.RetryPolicy;
import io.github.mxmembers.sandbox.ManualClock;
import io.github.mxmembers.sandbox.MxSandbox;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The observations and meters of real calls to the sandbox over loopback: names, keys and counts as
 * documented, for a call with one retry, a 429 and a session renewal, and no secret anywhere.
 */
class MxObservationsTest {
  private static final String PASSWORD = "S3CRETmicrometerPW";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final MxSandbox sandbox = MxSandbox.start(clock);

  @AfterEach
  void close() {
    sandbox.close();
  }

  private MxPlatformClient platform(MxObservations observations) {
    return MxPlatformClient.builder()
        .baseUrl(sandbox.baseUrl())
        .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY)
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(duration -> {})
        .callListener(observations)
        .build();
  }

  private static MemberUpdate update() {
    return MemberUpdate.builder().user(MxSandbox.USER_ID).member(MxSandbox.MEMBER_GUID).credential(MxSandbox.CREDENTIAL_GUID, PASSWORD).build();
  }

  @Test
  void aCallWithOneRetryIsOneCallObservationAndTwoAttemptsWithTheDocumentedKeys() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    sandbox.failNext(1, 503);
    try (MxPlatformClient mx = platform(MxObservations.builder(observations).build())) {
      mx.updateMember(update());
    }

    assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(DefaultMxObservationConvention.CALL, 1)
        .hasNumberOfObservationsWithNameEqualTo(DefaultMxObservationConvention.ATTEMPT, 2)
        .hasObservationWithNameEqualTo(DefaultMxObservationConvention.CALL)
        .that()
        .hasBeenStarted()
        .hasBeenStopped()
        .hasContextualNameEqualTo("mx platform update_member")
        .hasLowCardinalityKeyValue("mx.api", "platform")
        .hasLowCardinalityKeyValue("mx.operation", "update_member")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasLowCardinalityKeyValue("http.status", "200")
        .hasHighCardinalityKeyValue("mx.attempts", "2")
        .hasHighCardinalityKeyValue("mx.request", "PUT /users/" + MxSandbox.USER_ID + "/members/" + MxSandbox.MEMBER_GUID);
  }

  /** Every observation context, once stopped. */
  private static final class Stopped implements ObservationHandler<Observation.Context> {
    final List<Observation.Context> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onStop(Observation.Context context) {
      contexts.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }

  @Test
  void eachAttemptIsAChildOfItsCallWithItsOwnStatus() {
    Stopped stopped = new Stopped();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(stopped);
    sandbox.failNext(1, 503);
    try (MxPlatformClient mx = platform(MxObservations.builder(observations).build())) {
      mx.updateMember(update());
    }
    List<Observation.Context> attempts =
        stopped.contexts.stream().filter(c -> c.getName().equals(DefaultMxObservationConvention.ATTEMPT)).collect(Collectors.toList());
    assertThat(attempts).extracting(c -> c.getLowCardinalityKeyValue("http.status").getValue()).containsExactly("503", "200");
    assertThat(attempts).extracting(c -> c.getHighCardinalityKeyValue("mx.attempt").getValue()).containsExactly("1", "2");
    Observation.Context call = stopped.contexts.stream().filter(c -> c.getName().equals(DefaultMxObservationConvention.CALL)).findFirst().orElseThrow();
    assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.getParentObservation().getContextView()).isSameAs(call));
  }

  @Test
  void theMetersCountRetriesThrottlingAndCallsInFlightWithLowCardinalityTagsOnly() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    sandbox.failNext(1, 503);
    try (MxPlatformClient mx = platform(MxObservations.builder(observations).meterRegistry(meters).build())) {
      mx.updateMember(update());
      sandbox.rateLimitNext(1, 0);
      mx.updateMember(update());
    }

    // two calls: the second answered 202 (MX: a job was running already), each a SUCCESS
    assertThat(meters.get("mx.members.call").tag("mx.operation", "update_member").tag("outcome", "SUCCESS").timers())
        .extracting(io.micrometer.core.instrument.Timer::count).containsExactlyInAnyOrder(1L, 1L);
    assertThat(meters.get("mx.members.attempt").tag("http.status", "503").timer().count()).isEqualTo(1);
    assertThat(meters.get("mx.members.attempt").tag("http.status", "429").timer().count()).isEqualTo(1);
    assertThat(meters.get("mx.members.retries").tag("reason", "503").counter().count()).isEqualTo(1);
    assertThat(meters.get("mx.members.retries").tag("reason", "429").counter().count()).isEqualTo(1);
    assertThat(meters.get("mx.members.throttled").tag("mx.operation", "update_member").counter().count()).isEqualTo(1);
    assertThat(meters.get("mx.members.calls.in.flight").tag("mx.api", "platform").gauge().value()).isZero();
    for (Meter meter : meters.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(tag.getValue()).as(meter.getId().getName() + " " + tag.getKey())
            .doesNotContain(MxSandbox.MEMBER_GUID).doesNotContain(MxSandbox.USER_ID).doesNotContain("sandbox-");
      }
    }
    assertThat(secretsIn(meters)).isEmpty();
  }

  @Test
  void aNexusSessionRenewalIsCounted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MxObservations instrumentation = MxObservations.builder(ObservationRegistry.create()).meterRegistry(meters).build();
    try (MxNexusClient mx = MxNexusClient.builder().baseUrl(sandbox.baseUrl()).ssoBaseUrl(sandbox.baseUrl())
        .sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID).sleeper(d -> {}).callListener(instrumentation).build()) {
      mx.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("one").build());
      clock.advance(Duration.ofMinutes(31)); // the sandbox's session lapses; the client's clock has not moved
      mx.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("two").build());
    }
    assertThat(meters.get("mx.members.session.renewals").tag("mx.api", "nexus").tag("reason", "expired").counter().count()).isEqualTo(1);
    assertThat(meters.get("mx.members.calls.in.flight").tag("mx.api", "nexus").gauge().value()).isZero();
    assertThat(secretsIn(meters)).isEmpty();
  }

  @Test
  void noSecretInAnyObservationKey() {
    Stopped stopped = new Stopped();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(stopped);
    sandbox.failNext(1, 503);
    try (MxPlatformClient mx = platform(MxObservations.builder(observations).build())) {
      mx.updateMember(update());
    }
    List<String> values = new ArrayList<>();
    stopped.contexts.forEach(context -> {
      context.getAllKeyValues().forEach(keyValue -> values.add(keyValue.getValue()));
      values.add(String.valueOf(context.getContextualName()));
    });
    assertThat(values).isNotEmpty().noneMatch(value -> value.contains(PASSWORD) || value.contains(MxSandbox.API_KEY));
  }

  @Test
  void operationsAreNamedFromTheRequestLineWithoutIds() {
    assertThat(Operations.of("PUT /users/u-1/members/MBR-1")).isEqualTo("update_member");
    assertThat(Operations.of("PUT /members/MBR-1")).isEqualTo("update_member");
    assertThat(Operations.of("GET /members/MBR-1")).isEqualTo("read_status");
    assertThat(Operations.of("GET /users/u-1/members/MBR-1/status")).isEqualTo("read_status");
    assertThat(Operations.of("GET /users/u-1/members/MBR-1/credentials?page=1&records_per_page=1000")).isEqualTo("list_credentials");
    assertThat(Operations.of("GET /member/MBR-1/credentials")).isEqualTo("list_credentials");
    assertThat(Operations.of("GET /members/MBR-1/challenges")).isEqualTo("list_challenges");
    assertThat(Operations.of("PUT /members/MBR-1/resume")).isEqualTo("resume");
    assertThat(Operations.of("POST /sessions")).isEqualTo("open_session");
    assertThat(Operations.of("GET /client-7/users/USR-1/api_token.json")).isEqualTo("api_token");
    assertThat(Operations.of("DELETE /somewhere")).isEqualTo("other");
  }

  private static List<String> secretsIn(MeterRegistry meters) {
    List<String> found = new ArrayList<>();
    for (Meter meter : meters.getMeters()) {
      String id = meter.getId().toString();
      if (id.contains(PASSWORD) || id.contains(MxSandbox.API_KEY) || id.contains("sandbox-session")) {
        found.add(id);
      }
    }
    return found;
  }
}
