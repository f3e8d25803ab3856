package io.github.mxmembers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.transport.RawResponse;
import io.github.mxmembers.retry.RetryPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's steps on their own: the retry step and the waiter over a transport of the test's
 * (answers it scripts, no HTTP), and the watchdog's abort. Waits are recorded, never slept.
 */
class PipelineStepsTest {
  private static final PreparedRequest PUT = PreparedRequest.builder("PUT", "/members/MBR-1").build();
  private final Watchdog watchdog = new Watchdog();
  private final List<Duration> waits = new ArrayList<>();
  private final Deque<Object> answers = new ArrayDeque<>();
  private int sends;

  @AfterEach
  void closeWatchdog() {
    watchdog.close();
  }

  private Pipeline pipeline(RetryPolicy policy) {
    Transport scripted =
        (request, config, timer, extra) -> {
          sends++;
          Object next = answers.removeFirst();
          return next instanceof IOException
              ? CompletableFuture.failedFuture((IOException) next)
              : CompletableFuture.completedFuture(new RawResponse((Integer) next, new Header[0], null));
        };
    return new Pipeline(
        List.of(
            new RetryInterceptor(policy),
            new TransportInterceptor(
                scripted, RequestConfig.DEFAULT, Duration.ofSeconds(30), watchdog, new BasicHeader("User-Agent", "test"))));
  }

  private Call call(RetryPolicy policy) {
    return new Call(MxApi.NEXUS, PUT, Clock.systemUTC(), Duration.ofSeconds(60), policy.maxAttempts(), null, Waiter.blocking(waits::add, watchdog));
  }

  private static RetryPolicy threeAttempts() {
    return RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(100)).jitter(() -> 1.0).build();
  }

  @Test
  void theRetryStepRepeatsAnIdempotentRequestAfter503sWaitingBetweenAttempts() {
    answers.addAll(List.of(503, 503, 200));
    RetryPolicy policy = threeAttempts();

    Response response = pipeline(policy).execute(call(policy), Outgoing.idempotent(PUT)).join();

    assertThat(response.status()).isEqualTo(200);
    assertThat(sends).isEqualTo(3);
    assertThat(waits).hasSize(2).allMatch(wait -> !wait.isNegative() && !wait.isZero());
  }

  @Test
  void theRetryStepNeverRepeatsARequestThatMustGoOnceAfterItMayHaveReachedMx() {
    answers.addAll(List.of(new IOException("connection reset"), 200));
    RetryPolicy policy = threeAttempts();

    CompletableFuture<Response> result = pipeline(policy).execute(call(policy), Outgoing.once(PUT));

    assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(MxTransportException.class);
    assertThat(sends).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aCancelledCallStartsNoAttempt() {
    answers.add(200);
    RetryPolicy policy = threeAttempts();
    Call call = call(policy);
    call.cancel();

    assertThatThrownBy(() -> pipeline(policy).execute(call, Outgoing.idempotent(PUT)).join())
        .isInstanceOf(java.util.concurrent.CancellationException.class);
    assertThat(sends).isZero();
  }

  @Test
  void theWatchdogAbortsAnAttemptAtItsTimeAndNotOnceDisarmed() throws InterruptedException {
    java.util.concurrent.CountDownLatch aborted = new java.util.concurrent.CountDownLatch(1);
    AtomicBoolean spared = new AtomicBoolean();
    // the disarmed one is due first: had it not been disarmed, it would have run before the other
    watchdog.abortAfter(() -> spared.compareAndSet(false, true), Duration.ofMillis(5)).disarm();
    watchdog.abortAfter(() -> {
      aborted.countDown();
      return true;
    }, Duration.ofMillis(30));

    assertThat(aborted.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("aborted at its time").isTrue();
    assertThat(spared).isFalse();
  }
}
