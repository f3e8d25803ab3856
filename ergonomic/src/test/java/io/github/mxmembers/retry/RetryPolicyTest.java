package io.github.mxmembers.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void backoffDoublesUpToTheCapWithFullJitter() {
    RetryPolicy top = RetryPolicy.builder().jitter(() -> 0.999999).build();
    RetryPolicy half = RetryPolicy.builder().jitter(() -> 0.5).build();

    assertThat(top.delayBefore(2, null, NOW)).isEqualTo(Duration.ofMillis(499));
    assertThat(top.delayBefore(3, null, NOW)).isEqualTo(Duration.ofMillis(999));
    assertThat(top.delayBefore(6, null, NOW)).isEqualTo(Duration.ofMillis(7999));
    assertThat(top.delayBefore(30, null, NOW)).isEqualTo(Duration.ofMillis(7999));
    assertThat(half.delayBefore(3, null, NOW)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void retryAfterDatesAreReadInEachOfRfc9110sThreeFormats() {
    // IMF-fixdate, obsolete RFC 850, and ANSI C's asctime(): all 4 s after NOW
    assertThat(RetryPolicy.parseRetryAfter("Mon, 23 Nov 2026 10:00:04 GMT", NOW)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RetryPolicy.parseRetryAfter("Monday, 23-Nov-26 10:00:04 GMT", NOW)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RetryPolicy.parseRetryAfter("Mon Nov 23 10:00:04 2026", NOW)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isNull();
  }

  @Test
  void aResponseOverTheSizeCapIsNotRetried() throws Exception {
    java.lang.reflect.Constructor<io.github.mxmembers.internal.transport.ResponseTooLargeException> make =
        io.github.mxmembers.internal.transport.ResponseTooLargeException.class.getDeclaredConstructor(int.class, String.class);
    make.setAccessible(true);

    assertThat(RetryPolicy.defaults().isRetryableFailure(make.newInstance(200, "5 MB"), true)).isFalse();
  }

  @Test
  void retryAfterWinsOverBackoffAndIsCapped() {
    RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(10)).build();

    assertThat(policy.delayBefore(2, "3", NOW)).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delayBefore(2, "120", NOW)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.delayBefore(2, "Mon, 23 Nov 2026 10:00:04 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayBefore(2, "Mon, 23 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void unreadableRetryAfterFallsBackToBackoff() {
    assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isNull();
    assertThat(RetryPolicy.parseRetryAfter("-1", NOW)).isNull();
    assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isNull();
  }

  @Test
  void onlyIdempotentRequestsAreRetriedOnceSent() {
    RetryPolicy policy = RetryPolicy.defaults();
    IOException refused = new ConnectException("refused");
    IOException dropped = new NoHttpResponseException("dropped");
    IOException readTimeout = new SocketTimeoutException("read");

    assertThat(policy.isRetryableFailure(refused, false)).isTrue();
    assertThat(policy.isRetryableFailure(dropped, false)).isFalse();
    assertThat(policy.isRetryableFailure(readTimeout, false)).isFalse();
    assertThat(policy.isRetryableFailure(dropped, true)).isTrue();
    assertThat(policy.isRetryableFailure(new SSLHandshakeException("bad cert"), true)).isFalse();
    assertThat(policy.isRetryableStatus(503, true)).isTrue();
    assertThat(policy.isRetryableStatus(503, false)).isFalse();
    assertThat(policy.isRetryableStatus(404, true)).isFalse();
  }

  @Test
  void configurationIsChecked() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(5))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalStateException.class);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.defaults().toBuilder().maxAttempts(2).build().maxAttempts()).isEqualTo(2);
  }
}
