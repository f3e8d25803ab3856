package io.github.mxmembers;

import io.github.mxmembers.AggregationOutcome.EndUserAction;
import io.github.mxmembers.AggregationOutcome.Kind;
import io.github.mxmembers.internal.pipeline.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an aggregation to end, by reading the member's status through the client's own pipeline
 * (each read a call, heard by the listener, under the nearer of the call timeout and the wait's
 * deadline) and waiting between reads as the client waits before a retry: on the calling thread for
 * a sync client, on the timer for an async one, which then holds no thread between reads.
 *
 * <p>What a status read says follows MX's pages and MX's own Connect widget ({@code pollers.js}):
 * {@code CHALLENGED} needs answers at once; {@code CONNECTED} is done once the member is no longer
 * being aggregated; any other status while the member is being aggregated, and the transient {@code
 * CREATED}, {@code UPDATED}, {@code DELAYED}, {@code RESUMED} and {@code RECONNECTED}, keep the wait
 * going; the end-user-actionable statuses MX lists need the end user; anything else, a status this
 * SDK does not know included, ends the wait with its raw value.
 */
final class AggregationWaiter {
  private AggregationWaiter() {}

  /** What one status read says. */
  enum Step {
    KEEP_WAITING,
    CONNECTED,
    NEEDS_ANSWERS,
    NEEDS_END_USER,
    ENDED
  }

  static Step classify(Member member) {
    String status = member.connectionStatusAsString().map(s -> s.toUpperCase(Locale.ROOT)).orElse("");
    boolean aggregating = member.isBeingAggregated().orElse(false);
    if (status.equals("CHALLENGED")) {
      return Step.NEEDS_ANSWERS;
    }
    if (aggregating) {
      return Step.KEEP_WAITING; // CONNECTED too: MX is still syncing; an error status may yet change
    }
    switch (status) {
      case "CONNECTED":
        return Step.CONNECTED;
      case "CREATED":
      case "UPDATED":
      case "DELAYED":
      case "RESUMED":
      case "RECONNECTED":
        return Step.KEEP_WAITING;
      default:
        return action(status) != null ? Step.NEEDS_END_USER : Step.ENDED;
    }
  }

  /** What the end user must do for an end-user-actionable status; null for any other. */
  static EndUserAction action(String status) {
    switch (status) {
      case "DENIED":
      case "PREVENTED":
      case "IMPAIRED":
      case "IMPORTED":
        return EndUserAction.NEW_CREDENTIALS;
      case "REJECTED":
      case "EXPIRED":
        return EndUserAction.ANSWER_AGAIN;
      case "LOCKED":
      case "IMPEDED":
        return EndUserAction.ACT_AT_INSTITUTION;
      case "PENDING":
        return EndUserAction.FINISH_OAUTH;
      default:
        return null;
    }
  }

  /** The wait, on the calling thread. */
  static AggregationOutcome await(
      OperationRunner calls,
      Operation<MemberAddress, Member> read,
      Operation<MemberAddress, Page<Challenge>> challenges,
      MemberAddress at,
      AggregationWait wait) {
    Clock clock = calls.runtime().clock();
    Instant started = clock.instant();
    Instant deadline = started.plus(wait.timeout());
    Duration interval = wait.interval();
    for (int polls = 1; ; polls++) {
      Member member = calls.send(read, at, Duration.between(clock.instant(), deadline));
      wait.heard(member);
      Step step = classify(member);
      if (step != Step.KEEP_WAITING) {
        List<Challenge> asked = step == Step.NEEDS_ANSWERS ? calls.sendAll(challenges, at) : List.of();
        return outcome(step, member, asked, polls, Duration.between(started, clock.instant()));
      }
      if (!clock.instant().plus(interval).isBefore(deadline)) {
        return new AggregationOutcome(Kind.TIMED_OUT, member, List.of(), null, polls, Duration.between(started, clock.instant()));
      }
      try {
        calls.runtime().waiter().delay(interval, Duration.between(clock.instant(), deadline)).join();
      } catch (CompletionException e) {
        if (Futures.unwrap(e) instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          throw new CancellationException("the wait for " + at.member + "'s aggregation was interrupted after " + polls + " status reads");
        }
        throw Futures.rethrow(e);
      }
      interval = wait.after(interval);
    }
  }

  /** The wait, holding no thread between reads; cancelling the future stops it and the read under way. */
  static CompletableFuture<AggregationOutcome> start(
      OperationRunner calls,
      Operation<MemberAddress, Member> read,
      Operation<MemberAddress, Page<Challenge>> challenges,
      MemberAddress at,
      AggregationWait wait) {
    Clock clock = calls.runtime().clock();
    Instant started = clock.instant();
    Async async = new Async(calls, read, challenges, at, wait, clock, started, started.plus(wait.timeout()));
    async.poll(1, wait.interval(), calls.start(read, at, wait.timeout())); // bad input throws here, before I/O
    return async.result;
  }

  /** One async wait's state; each step runs when the one before has completed. */
  private static final class Async {
    final CompletableFuture<AggregationOutcome> result = new CompletableFuture<>();
    private final OperationRunner calls;
    private final Operation<MemberAddress, Member> read;
    private final Operation<MemberAddress, Page<Challenge>> challenges;
    private final MemberAddress at;
    private final AggregationWait wait;
    private final Clock clock;
    private final Instant started;
    private final Instant deadline;

    Async(
        OperationRunner calls,
        Operation<MemberAddress, Member> read,
        Operation<MemberAddress, Page<Challenge>> challenges,
        MemberAddress at,
        AggregationWait wait,
        Clock clock,
        Instant started,
        Instant deadline) {
      this.calls = calls;
      this.read = read;
      this.challenges = challenges;
      this.at = at;
      this.wait = wait;
      this.clock = clock;
      this.started = started;
      this.deadline = deadline;
    }

    /** Follows one status read; {@code interval} is the wait before the next. */
    void poll(int polls, Duration interval, CompletableFuture<Member> reading) {
      result.whenComplete((done, failure) -> reading.cancel(true)); // a cancelled wait cancels its read
      reading.whenComplete(
          (member, failure) -> {
            if (failure != null) {
              result.completeExceptionally(Futures.unwrap(failure));
              return;
            }
            try {
              wait.heard(member);
              Step step = classify(member);
              if (step == Step.NEEDS_ANSWERS) {
                calls.startAll(challenges, at)
                    .whenComplete(
                        (asked, failed) -> {
                          if (failed != null) {
                            result.completeExceptionally(Futures.unwrap(failed));
                          } else {
                            result.complete(outcome(step, member, asked, polls, waited()));
                          }
                        });
                return;
              }
              if (step != Step.KEEP_WAITING) {
                result.complete(outcome(step, member, List.of(), polls, waited()));
                return;
              }
              if (!clock.instant().plus(interval).isBefore(deadline)) {
                result.complete(new AggregationOutcome(Kind.TIMED_OUT, member, List.of(), null, polls, waited()));
                return;
              }
              calls.runtime()
                  .waiter()
                  .delay(interval, Duration.between(clock.instant(), deadline))
                  .whenComplete(
                      (ignored, waitFailed) -> {
                        if (result.isDone()) {
                          return; // cancelled while waiting
                        }
                        if (waitFailed != null) {
                          Throwable cause = Futures.unwrap(waitFailed);
                          if (cause instanceof TimeoutException) {
                            result.complete(new AggregationOutcome(Kind.TIMED_OUT, member, List.of(), null, polls, waited()));
                          } else {
                            result.completeExceptionally(cause);
                          }
                          return;
                        }
                        try {
                          poll(polls + 1, wait.after(interval), calls.start(read, at, Duration.between(clock.instant(), deadline)));
                        } catch (RuntimeException e) {
                          result.completeExceptionally(e);
                        }
                      });
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          });
    }

    private Duration waited() {
      return Duration.between(started, clock.instant());
    }
  }

  private static AggregationOutcome outcome(Step step, Member member, List<Challenge> asked, int polls, Duration waited) {
    switch (step) {
      case CONNECTED:
        return new AggregationOutcome(Kind.CONNECTED, member, List.of(), null, polls, waited);
      case NEEDS_ANSWERS:
        return new AggregationOutcome(Kind.NEEDS_ANSWERS, member, asked, null, polls, waited);
      case NEEDS_END_USER:
        String status = member.connectionStatusAsString().orElse("").toUpperCase(Locale.ROOT);
        return new AggregationOutcome(Kind.NEEDS_END_USER, member, List.of(), action(status), polls, waited);
      default:
        return new AggregationOutcome(Kind.ENDED, member, List.of(), null, polls, waited);
    }
  }
}
