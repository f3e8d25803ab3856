package io.github.mxmembers.internal.waiter;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.internal.client.ApiOperations;
import io.github.mxmembers.internal.client.Calls;
import io.github.mxmembers.internal.client.Loop;
import io.github.mxmembers.internal.client.MemberAddress;
import io.github.mxmembers.internal.pipeline.Futures;
import io.github.mxmembers.internal.pipeline.Waiter;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationOutcome.EndUserAction;
import io.github.mxmembers.waiter.AggregationOutcome.Kind;
import io.github.mxmembers.waiter.AggregationWait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for an aggregation to end, by reading the member's status through the client's own pipeline
 * (each read a call, heard by the listener, under the nearer of the call timeout and the wait's
 * deadline) and pausing between reads as the client waits before a retry: on the calling thread for
 * a sync client, on the timer for an async one, which then holds no thread. One {@link Loop}, one
 * step per status read, for both flavours. A pause ends early when the wait is woken ({@link #wake}),
 * but never sooner than {@link AggregationWait#MIN_INTERVAL} after the read before it.
 *
 * <p>What a status read says follows MX's pages and MX's own Connect widget ({@code pollers.js}),
 * decided for each {@link ConnectionStatus} by {@link #decided}.
 */
@InternalApi
public final class AggregationWaiter {
  /** What one status read says. */
  public enum Step {
    KEEP_WAITING,
    CONNECTED,
    NEEDS_ANSWERS,
    NEEDS_END_USER,
    ENDED,
    /**
     * A status the spec lists that no one has decided on yet: a constant a regenerated spec added.
     * {@code AggregationWaiterTest} fails until {@link #decided} names it; until then it is read as
     * a status this SDK does not know.
     */
    UNDECIDED
  }

  private final Calls calls;
  private final ApiOperations operations;
  /** The waits under way, for {@link #wake}. */
  private final Set<Wait> waits = ConcurrentHashMap.newKeySet();
  /** MX's 3 s between two status reads of a member, across this client's waits. */
  private final ReadRhythm rhythm = new ReadRhythm();

  public AggregationWaiter(Calls calls, ApiOperations operations) {
    this.calls = calls;
    this.operations = operations;
  }

  /**
   * What a status means to a wait, for every status the spec lists. {@code CHALLENGED} needs answers
   * at once; {@code CONNECTED} is done (once no longer aggregating); the transient {@code CREATED},
   * {@code UPDATED}, {@code DELAYED}, {@code RESUMED} and {@code RECONNECTED} keep the wait going; the
   * end-user-actionable statuses MX lists need the end user; the others end the wait. A constant the
   * switch does not name is {@link Step#UNDECIDED}.
   */
  public static Step decided(ConnectionStatus status) {
    switch (status) {
      case CHALLENGED:
        return Step.NEEDS_ANSWERS;
      case CONNECTED:
        return Step.CONNECTED;
      case CREATED:
      case UPDATED:
      case DELAYED:
      case RESUMED:
      case RECONNECTED:
        return Step.KEEP_WAITING;
      case DENIED:
      case PREVENTED:
      case IMPAIRED:
      case IMPORTED:
      case REJECTED:
      case EXPIRED:
      case LOCKED:
      case IMPEDED:
      case PENDING:
        return Step.NEEDS_END_USER;
      case FAILED:
      case DISCONTINUED:
      case CLOSED:
      case DISABLED:
      case DEGRADED:
      case DISCONNECTED:
      case UNKNOWN:
        return Step.ENDED;
      default:
        return Step.UNDECIDED;
    }
  }

  /** What the end user must do for an end-user-actionable status; null for any other. */
  public static EndUserAction action(ConnectionStatus status) {
    switch (status) {
      case DENIED:
      case PREVENTED:
      case IMPAIRED:
      case IMPORTED:
        return EndUserAction.NEW_CREDENTIALS;
      case REJECTED:
      case EXPIRED:
        return EndUserAction.ANSWER_AGAIN;
      case LOCKED:
      case IMPEDED:
        return EndUserAction.ACT_AT_INSTITUTION;
      case PENDING:
        return EndUserAction.FINISH_OAUTH;
      default:
        return null;
    }
  }

  /**
   * What one status read says: {@code CHALLENGED} at once; while the member is being aggregated, any
   * other status keeps the wait going (an error status may yet change, and {@code CONNECTED} is still
   * syncing); otherwise as {@link #decided}, a status this SDK does not know (or none at all) ending
   * it.
   */
  public static Step classify(Member member) {
    ConnectionStatus status = status(member);
    if (status == ConnectionStatus.CHALLENGED) {
      return Step.NEEDS_ANSWERS;
    }
    if (member.isBeingAggregated().orElse(false)) {
      return Step.KEEP_WAITING;
    }
    Step step = status == null ? Step.ENDED : decided(status);
    return step == Step.UNDECIDED ? Step.ENDED : step;
  }

  /** The member's status, whatever its case as MX sent it; null when it has none. */
  private static ConnectionStatus status(Member member) {
    return member.connectionStatusAsString().map(s -> ConnectionStatus.fromValue(s.toUpperCase(Locale.ROOT))).orElse(null);
  }

  /**
   * Starts a wait. Bad input throws here, before any I/O; a read that fails fails the wait with its
   * exception. Cancelling the future stops the wait and the read under way.
   */
  public CompletableFuture<AggregationOutcome> start(MemberAddress at, AggregationWait wait) {
    Wait state = new Wait(at, wait, calls.runtime().clock());
    waits.add(state);
    CompletableFuture<AggregationOutcome> outcome;
    try {
      outcome = Loop.run(1, polls -> state.read(polls));
    } catch (RuntimeException e) {
      waits.remove(state);
      throw e;
    }
    state.outcome = outcome;
    outcome.whenComplete((done, failure) -> waits.remove(state));
    return outcome;
  }

  /**
   * Notes a status read made outside a wait ({@code readStatus}), so that a wait after it keeps MX's
   * 3 s.
   */
  public void noteRead(MemberAddress at, Member member, Instant when) {
    rhythm.read(at, member.guid().orElse(null), when);
  }

  /**
   * Wakes the waits on this member: each reads at its next pause's earliest, {@link
   * AggregationWait#MIN_INTERVAL} after its last read.
   *
   * @param member the member as a wait was given it, or its MX guid once the wait has read it
   * @return how many waits were woken
   */
  public int wake(String member) {
    int woken = 0;
    for (Wait wait : waits) {
      if (wait.isOf(member) && !wait.isOver() && wait.wake.get().complete(null)) {
        woken++;
      }
    }
    return woken;
  }

  /** One wait: where it stands, and its wake-up call. */
  private final class Wait {
    final MemberAddress at;
    final AggregationWait wait;
    final Clock clock;
    final Instant started;
    final Instant deadline;
    /** Completed by {@link #wake}; replaced at the end of each pause, which it cut short if it was done. */
    final AtomicReference<CompletableFuture<Void>> wake = new AtomicReference<>(new CompletableFuture<>());
    Duration interval;
    /** When the last read was sent: a woken pause lasts until {@code MIN_INTERVAL} after it. */
    Instant lastRead;
    /** The member as the last read had it; null before the first. */
    Member lastMember;
    /** MX's guid for the member, once a read has said it. */
    volatile String guid;
    /** How the wait ends; null until it has started. */
    volatile CompletableFuture<AggregationOutcome> outcome;

    Wait(MemberAddress at, AggregationWait wait, Clock clock) {
      this.at = at;
      this.wait = wait;
      this.clock = clock;
      this.started = clock.instant();
      this.deadline = started.plus(wait.timeout());
      this.interval = wait.interval();
    }

    boolean isOf(String member) {
      return member.equals(at.member) || member.equals(guid);
    }

    /** Whether the wait has ended, though perhaps not yet left the waits under way. */
    boolean isOver() {
      CompletableFuture<AggregationOutcome> ended = outcome;
      return ended != null && ended.isDone();
    }

    /**
     * The {@code polls}-th read, at the member's next slot of MX's rhythm ({@link ReadRhythm}: a
     * wait right after another one's last read holds until 3 s after it), then what it says.
     */
    CompletableFuture<Loop.Next<Integer, AggregationOutcome>> read(int polls) {
      Instant now = clock.instant();
      Duration hold = Duration.between(now, rhythm.reserve(at, now));
      if (hold.isZero() || hold.isNegative()) {
        return readNow(polls, false);
      }
      return paused(calls.runtime().waiter().delay(hold, limit(hold), null), polls - 1, () -> readNow(polls, false));
    }

    /**
     * Reads now. A read sent before the deadline runs under the nearer of the call timeout and the
     * deadline; one that the deadline cuts ends the wait TIMED_OUT with the member as last read
     * (or, on the first read, fails naming the wait's timeout). The read at or after the deadline,
     * the wait's last, runs under the call timeout alone.
     *
     * @param deadlineCame the deadline has come, whatever the clock says: a caller's sleeper or
     *     scheduler held the pause before this read to it
     */
    private CompletableFuture<Loop.Next<Integer, AggregationOutcome>> readNow(int polls, boolean deadlineCame) {
      lastRead = clock.instant();
      boolean last = deadlineCame || !lastRead.isBefore(deadline);
      Duration limit = last ? null : Duration.between(lastRead, deadline);
      return calls.start(operations.readStatus(), at, limit)
          .handle(
              (member, failure) -> {
                if (failure == null) {
                  rhythm.read(at, member.guid().orElse(null), lastRead);
                  return heard(polls, member, last);
                }
                Throwable cause = Futures.unwrap(failure);
                if (limit != null && limit.compareTo(calls.runtime().callTimeout()) < 0
                    && cause instanceof MxTransportException && ((MxTransportException) cause).deadlinePassed()) {
                  // the wait's deadline, nearer than the call timeout, cut the read: the wait has timed out
                  if (lastMember != null) {
                    return completed(done(outcome(Kind.TIMED_OUT, lastMember, polls - 1)));
                  }
                  MxTransportException cut = (MxTransportException) cause;
                  throw new MxTransportException(
                      operations.api(),
                      operations.api() + ": the wait for " + at.member + "'s aggregation timed out: its timeout of "
                          + wait.timeout() + " passed during its first status read",
                      cut.attempts(),
                      cut.requestId().orElse(null),
                      cause,
                      true);
                }
                throw Futures.rethrow(cause);
              })
          .thenCompose(next -> next);
    }

    private CompletableFuture<Loop.Next<Integer, AggregationOutcome>> heard(int polls, Member member, boolean last) {
      guid = member.guid().orElse(null);
      lastMember = member;
      wait.notifyRead(member);
      Step step = classify(member);
      switch (step) {
        case KEEP_WAITING:
          break;
        case NEEDS_ANSWERS:
          return calls.list(operations.listChallenges(), at)
              .thenApply(asked -> done(outcome(Kind.NEEDS_ANSWERS, member, polls).challenges(asked)));
        case CONNECTED:
          return completed(done(outcome(Kind.CONNECTED, member, polls)));
        case NEEDS_END_USER:
          return completed(done(outcome(Kind.NEEDS_END_USER, member, polls).endUserAction(action(status(member)))));
        default:
          return completed(done(outcome(Kind.ENDED, member, polls)));
      }
      if (last) {
        return completed(done(outcome(Kind.TIMED_OUT, member, polls)));
      }
      Instant now = clock.instant();
      if (!now.plus(interval).isBefore(deadline)) {
        // the next read would come at or after the deadline: one last read at the deadline, MX's 3 s kept
        Instant lastOne = lastRead.plus(AggregationWait.MIN_INTERVAL);
        return pause(Duration.between(now, lastOne.isAfter(deadline) ? lastOne : deadline), polls);
      }
      Duration pause = interval;
      interval = wait.intervalAfter(interval);
      return pause(pause, polls);
    }

    /** Pauses, then reads again; a wake cuts the pause short, to {@code MIN_INTERVAL} after the last read. */
    private CompletableFuture<Loop.Next<Integer, AggregationOutcome>> pause(Duration pause, int polls) {
      Waiter waiter = calls.runtime().waiter();
      CompletableFuture<Void> wakeUp = wake.get();
      CompletableFuture<Void> paused =
          waiter.delay(pause, limit(pause), wakeUp)
              .thenCompose(
                  done -> {
                    wake.compareAndSet(wakeUp, new CompletableFuture<>());
                    Duration rest = Duration.between(clock.instant(), lastRead.plus(AggregationWait.MIN_INTERVAL));
                    return wakeUp.isDone() && !rest.isNegative() && !rest.isZero()
                        ? waiter.delay(rest, limit(rest), null)
                        : CompletableFuture.<Void>completedFuture(null);
                  });
      return paused(paused, polls, () -> CompletableFuture.completedFuture(Loop.Next.<Integer, AggregationOutcome>step(polls + 1)));
    }

    /**
     * What follows a pause: {@code then}, or, when the pause failed, how the wait ends. A caller's
     * scheduler or sleeper that held the pause past its limit has the wait go on to its last read; one
     * that threw, returned nothing or failed ends it with an {@link MxException}, as it ends a call.
     */
    private CompletableFuture<Loop.Next<Integer, AggregationOutcome>> paused(
        CompletableFuture<Void> pause, int polls, java.util.function.Supplier<CompletableFuture<Loop.Next<Integer, AggregationOutcome>>> then) {
      return pause
          .handle(
              (done, failure) -> {
                if (failure == null) {
                  return then.get();
                }
                Throwable cause = Futures.unwrap(failure);
                if (cause instanceof TimeoutException) {
                  // the caller's sleeper or scheduler held the pause to its limit: the deadline has come
                  return readNow(polls + 1, true);
                }
                if (cause instanceof InterruptedException) {
                  throw new CancellationException(
                      "the wait for " + at.member + "'s aggregation was interrupted after " + polls + " status reads");
                }
                if (cause instanceof Waiter.SchedulerFailed) {
                  throw new MxException(
                      operations.api(),
                      operations.api() + ": the wait for " + at.member + "'s aggregation stopped: " + cause.getMessage(),
                      0,
                      null,
                      cause);
                }
                throw Futures.rethrow(cause);
              })
          .thenCompose(next -> next);
    }

    /**
     * The most a pause may take whatever a caller's sleeper or scheduler does: to the deadline, or the
     * pause itself when it ends later (the last read's), and never less than the pause.
     */
    private Duration limit(Duration pause) {
      Duration left = Duration.between(clock.instant(), deadline);
      return left.compareTo(pause) > 0 ? left : pause;
    }

    private AggregationOutcome.Builder outcome(Kind kind, Member member, int polls) {
      return AggregationOutcome.builder(kind, member).polls(polls).waited(Duration.between(started, clock.instant()));
    }
  }

  private static Loop.Next<Integer, AggregationOutcome> done(AggregationOutcome.Builder outcome) {
    return Loop.Next.done(outcome.build());
  }

  private static <T> CompletableFuture<T> completed(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
