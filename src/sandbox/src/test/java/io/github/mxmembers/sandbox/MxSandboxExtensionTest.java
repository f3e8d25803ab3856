package io.github.mxmembers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.retry.RetryPolicy;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's four styles, each run through the JUnit engine as a user's test class would be:
 * the composed annotation, {@code @ExtendWith}, {@code @RegisterExtension} with a builder, and
 * {@code @Nested} classes sharing the outer sandbox.
 */
class MxSandboxExtensionTest {
  /** Ports of the sandboxes the example classes saw, in order. */
  static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> testClass) {
    PORTS.clear();
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    tests.failed().stream().forEach(failed -> failed.getPayload(Throwable.class).ifPresent(Throwable::printStackTrace));
    return tests;
  }

  private static MemberUpdate credentialUpdate() {
    return MemberUpdate.builder()
        .user(MxSandbox.USER_ID)
        .member(MxSandbox.MEMBER_GUID)
        .credential(MxSandbox.CREDENTIAL_GUID, "n3w-password")
        .build();
  }

  @Test
  void theComposedAnnotationInjectsTheSandboxAndWiredClientsAndClosesTheSandboxAfterTheClass() throws Exception {
    Events tests = run(Declarative.class);

    tests.assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(PORTS).hasSize(3).containsOnly(PORTS.get(0)); // one sandbox for the class
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), PORTS.get(0)).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void extendWithWorksTheSameAndEachTestStartsFromTheSeededState() {
    run(ExtendedWith.class).assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void registerExtensionTakesAClockAndTheFaultsEveryTestStartsWith() {
    run(Programmatic.class).assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void nestedClassesShareTheOuterSandbox() {
    run(WithNested.class).assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(PORTS).hasSize(2).containsOnly(PORTS.get(0));
  }

  @Test
  void theSandboxIsNotThereBeforeTheClassStarts() {
    assertThatThrownBy(() -> MxSandboxExtension.builder().build().sandbox())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no sandbox yet");
  }

  @MxSandboxTest
  static class Declarative {
    @Test
    void platformClient(MxPlatformClient mx, MxSandbox sandbox) {
      PORTS.add(sandbox.port());
      MemberUpdateResult result = mx.updateMember(credentialUpdate());
      assertThat(result.member().orElseThrow().isBeingAggregated()).contains(true);
      assertThat(sandbox.received()).hasSize(1);
    }

    @Test
    void nexusClient(MxNexusClient nexus, MxSandbox sandbox) {
      PORTS.add(sandbox.port());
      nexus.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("m").build());
      assertThat(sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow().get("metadata").getAsString())
          .isEqualTo("m");
    }

    @Test
    void resetBetweenTests(MxSandbox sandbox) {
      PORTS.add(sandbox.port());
      assertThat(sandbox.received()).isEmpty();
      assertThat(sandbox.platformMember(MxSandbox.MEMBER_GUID).orElseThrow().get("is_being_aggregated").getAsBoolean())
          .isFalse();
    }
  }

  @ExtendWith(MxSandboxExtension.class)
  static class ExtendedWith {
    @Test
    void first(MxPlatformClient mx, MxSandbox sandbox) {
      sandbox.failNext(5, 400);
      assertThatThrownBy(() -> mx.updateMember(credentialUpdate())).isInstanceOf(MxApiException.class);
    }

    @Test
    void second(MxPlatformClient mx) {
      // the faults of the first test are gone
      assertThat(mx.updateMember(credentialUpdate()).status()).isEqualTo(200);
    }
  }

  static class Programmatic {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    @RegisterExtension
    static final MxSandboxExtension MX =
        MxSandboxExtension.builder()
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .beforeEachTest(sandbox -> sandbox.failNext(1, 503))
            .build();

    private MxPlatformClient client() {
      return MxPlatformClient.builder()
          .baseUrl(MX.sandbox().baseUrl())
          .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY)
          .retryPolicy(RetryPolicy.none())
          .build();
    }

    @Test
    void everyTestStartsWithTheFault() {
      try (MxPlatformClient mx = client()) {
        assertThatThrownBy(() -> mx.updateMember(credentialUpdate()))
            .isInstanceOfSatisfying(MxApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(mx.updateMember(credentialUpdate()).member().orElseThrow().aggregatedAt()).contains(T0);
      }
    }

    @Test
    void andAgainAfterTheReset() {
      try (MxPlatformClient mx = client()) {
        assertThatThrownBy(() -> mx.updateMember(credentialUpdate())).isInstanceOf(MxApiException.class);
      }
    }
  }

  @MxSandboxTest
  static class WithNested {
    @Test
    void outer(MxSandbox sandbox) {
      PORTS.add(sandbox.port());
    }

    @Nested
    class Inner {
      @Test
      void inner(MxSandbox sandbox) {
        PORTS.add(sandbox.port());
      }
    }
  }
}
