package io.github.mxmembers.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacer on a clock moved by hand. */
class AdaptiveRateTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  /** Sends as fast as the pacer lets: each send waits the slot it reserved. */
  private void sendAndSucceed(AdaptiveRate rate, int sends) {
    for (int i = 0; i < sends; i++) {
      advance(Duration.ofNanos(rate.reserve()));
      rate.succeeded();
    }
  }

  @Test
  void spacesSendsOneOverTheRateApartWithoutBunchingAfterIdleTime() {
    AdaptiveRate rate = new AdaptiveRate(10, now::get);

    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isEqualTo(100_000_000L);
    advance(Duration.ofSeconds(5)); // idle: no burst of saved-up sends
    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isEqualTo(100_000_000L);
  }

  @Test
  void startsSlowlyThenAboutDoublesEachSecondUntilTheFirstThrottle() {
    AdaptiveRate rate = new AdaptiveRate(Double.POSITIVE_INFINITY, now::get);
    assertThat(rate.rate()).isEqualTo(AdaptiveRate.START_RATE);

    sendAndSucceed(rate, (int) AdaptiveRate.START_RATE); // about a second at the start rate, each success adding one

    assertThat(rate.rate()).isEqualTo(2 * AdaptiveRate.START_RATE);
  }

  @Test
  void a429CutsTheRateOncePerWindowThenItGrowsAdditively() {
    AdaptiveRate rate = new AdaptiveRate(200, now::get);

    rate.throttled(429, null);
    rate.throttled(429, null); // same window: answers to sends made before the cut
    double cut = 200 * AdaptiveRate.BETA;
    assertThat(rate.rate()).isEqualTo(cut);

    sendAndSucceed(rate, (int) cut); // a second at that rate: + INCREASE
    assertThat(rate.rate()).isCloseTo(cut + AdaptiveRate.INCREASE, org.assertj.core.data.Offset.offset(0.5));

    advance(AdaptiveRate.WINDOW);
    rate.throttled(429, null);
    assertThat(rate.rate()).isLessThan(cut);
    assertThat(rate.throttles()).isEqualTo(3);
  }

  @Test
  void aThrottleAfterAnOvershootLandsJustUnderWhatMxLetThrough() {
    AdaptiveRate rate = new AdaptiveRate(Double.POSITIVE_INFINITY, now::get);
    sendAndSucceed(rate, 300); // slow start: far past 200 a second
    assertThat(rate.rate()).isGreaterThan(300);
    // for the last two seconds MX let 200 a second through
    advance(AdaptiveRate.WINDOW);
    for (int i = 0; i < 400; i++) {
      advance(Duration.ofMillis(5));
      rate.reserve();
      rate.succeeded();
    }

    rate.throttled(429, null);

    assertThat(rate.rate()).isCloseTo(200 * AdaptiveRate.BETA, org.assertj.core.data.Offset.offset(2.0));
  }

  @Test
  void neverGrowsPastTheCeiling() {
    AdaptiveRate rate = new AdaptiveRate(50, now::get);

    sendAndSucceed(rate, 500);

    assertThat(rate.rate()).isEqualTo(50);
  }

  @Test
  void a503PausesEverySendForItsRetryAfter() {
    AdaptiveRate rate = new AdaptiveRate(100, now::get);

    rate.throttled(503, Duration.ofSeconds(3));

    assertThat(rate.reserve()).isEqualTo(Duration.ofSeconds(3).toNanos());
    assertThat(rate.rate()).isEqualTo(100 * AdaptiveRate.BETA);
  }

  @Test
  void doesNotGrowWhileTheConcurrencyLimitIsWhatHoldsSendsBack() {
    AdaptiveRate rate = new AdaptiveRate(Double.POSITIVE_INFINITY, now::get);
    advance(Duration.ofSeconds(2));
    for (int i = 0; i < 100; i++) {
      advance(Duration.ofMillis(100)); // slower than the pace: never waits on it
      assertThat(rate.reserve()).isZero();
      rate.succeeded();
    }
    assertThat(rate.rate()).isEqualTo(AdaptiveRate.START_RATE);
  }

  @Test
  void refusesACeilingUnderOnePerSecond() {
    assertThatThrownBy(() -> new AdaptiveRate(0.5, now::get)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AdaptiveRate(Double.NaN, now::get)).isInstanceOf(IllegalArgumentException.class);
  }
}
