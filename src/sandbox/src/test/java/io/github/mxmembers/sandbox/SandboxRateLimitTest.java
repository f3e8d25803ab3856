package io.github.mxmembers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sandbox's rate limit (N requests per second of its clock, then 429) and its latency setting. */
class SandboxRateLimitTest {
  private static final MemberUpdate UPDATE =
      MemberUpdate.builder().user(MxSandbox.USER_ID).member(MxSandbox.MEMBER_GUID).metadata("m").build();

  private static int status(MxPlatformClient mx) {
    try {
      return mx.updateMember(UPDATE).status();
    } catch (MxApiException e) {
      assertThat(e.status()).isEqualTo(429);
      assertThat(e.getMessage()).contains("retry once the rate limit window has expired");
      return e.status();
    }
  }

  private static MxPlatformClient client(MxSandbox sandbox) {
    return MxPlatformClient.builder()
        .baseUrl(sandbox.baseUrl())
        .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Test
  void answersNPerSecondOfItsClockThen429UntilTheNextSecond() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00.100Z"));
    try (MxSandbox sandbox = MxSandbox.start(clock);
        MxPlatformClient mx = client(sandbox)) {
      sandbox.rateLimit(3);

      assertThat(new int[] {status(mx), status(mx), status(mx), status(mx), status(mx)})
          .containsExactly(200, 200, 200, 429, 429);
      assertThat(sandbox.rateLimited()).isEqualTo(2);

      clock.advance(Duration.ofMillis(900)); // the next second of the clock: a new window
      assertThat(status(mx)).isEqualTo(200);

      sandbox.reset();
      for (int i = 0; i < 10; i++) {
        assertThat(status(mx)).isEqualTo(200);
      }
      assertThat(sandbox.rateLimited()).isZero();
    }
  }

  @Test
  void theRetryPolicyWaitsOutTheWindowFromRetryAfter() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00.100Z"));
    try (MxSandbox sandbox = MxSandbox.start(clock);
        MxPlatformClient mx =
            MxPlatformClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY)
                // the sleeper moves the sandbox's clock instead of sleeping
                .sleeper(clock::advance)
                .build()) {
      sandbox.rateLimit(1);
      mx.updateMember(UPDATE);

      assertThat(mx.updateMember(UPDATE).attempts()).isEqualTo(2);
      assertThat(sandbox.rateLimited()).isEqualTo(1);
    }
  }

  @Test
  void latencyDelaysEveryResponseUntilReset() {
    try (MxSandbox sandbox = MxSandbox.start();
        MxPlatformClient mx = client(sandbox)) {
      mx.updateMember(UPDATE); // warm: connection made
      sandbox.latency(Duration.ofMillis(600));
      long started = System.nanoTime();
      mx.updateMember(UPDATE);
      mx.updateMember(UPDATE);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));

      sandbox.reset();
      started = System.nanoTime();
      mx.updateMember(UPDATE);
      // a bound far above a loopback call and far below the latency: not a speed measurement
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(600));
    }
  }
}
