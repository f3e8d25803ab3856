package io.github.mxmembers;

import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.internal.bulk.AdaptiveRate;
import io.github.mxmembers.internal.bulk.Journal;
import io.github.mxmembers.internal.pipeline.Futures;
import io.github.mxmembers.retry.Sleeper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of one bulk run: reads items one at a time, keeps at most {@code concurrency} updates in
 * flight, waits for the pacer before each send, and turns every answer into one recorded and reported
 * {@link BulkOutcome}. It is fed by a queue: each update's callback puts exactly one message on it
 * when the update ends (finished, or throttled to the end and to be sent again), and the run's thread
 * blocks on that queue whenever it has nothing to send, so it wakes the moment a slot frees and never
 * polls. Only the run's thread reads the input, counts what is in flight and sends.
 */
final class BulkRun {
  private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);

  /** The most times one item is sent when MX throttles every attempt of it; then it fails with 429 or 503. */
  static final int MAX_THROTTLED_SENDS = 10;

  /** The default way to wait for the pacer: the nanoseconds it asks for, on the run's thread. */
  static final Sleeper PACING_SLEEPER = duration -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(duration.toNanos());

  private final Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> send;
  private final int concurrency;
  private final AdaptiveRate pacer;
  private final Sleeper sleeper;
  private final Journal journal;
  private final Consumer<BulkOutcome> onOutcome;
  private final BulkTally tally = new BulkTally();

  /** One message per update sent: {@code resend} is null when the update has finished. */
  private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
  private final Queue<Pending> resends = new ArrayDeque<>();
  private int inFlight;

  /**
   * @param send starts one update; throws at once for input the client refuses
   * @param journal where outcomes are recorded first; null for none
   */
  BulkRun(
      Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> send,
      int concurrency,
      AdaptiveRate pacer,
      Sleeper sleeper,
      Journal journal,
      Consumer<BulkOutcome> onOutcome) {
    this.send = send;
    this.concurrency = concurrency;
    this.pacer = pacer;
    this.sleeper = sleeper;
    this.journal = journal;
    this.onOutcome = onOutcome;
  }

  /** The run's counts so far. */
  BulkTally tally() {
    return tally;
  }

  /**
   * Runs every item and returns once none is in flight.
   *
   * @return true when every item was read; false when an interrupt stopped the reading (what was in
   *     flight still finished) or the journal failed (see {@link Journal#failure()})
   */
  boolean run(Iterator<BulkItem> items) {
    boolean complete = true;
    try {
      while (true) {
        take(false);
        if (journalBroken()) {
          // an outcome could not be recorded: sending more would only lose more
          complete = false;
          break;
        }
        if (inFlight >= concurrency) {
          take(true);
          continue;
        }
        Pending next = resends.poll();
        if (next == null) {
          if (!items.hasNext()) {
            if (inFlight == 0 && resends.isEmpty()) {
              break;
            }
            take(true);
            continue;
          }
          next = admit(items.next());
          if (next == null) {
            continue;
          }
        }
        long wait = pacer.reserve();
        if (wait > 0) {
          sleeper.sleep(Duration.ofNanos(wait));
        }
        send(next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      complete = false;
    } finally {
      // whatever ended the loop, what is in flight finishes before the client closes
      awaitInFlight();
    }
    return complete;
  }

  /** An item to send, or null when its outcome is known without sending (in the journal, or bad input). */
  private Pending admit(BulkItem item) {
    int fingerprint = item.fingerprint();
    if (journal != null && journal.finished(item.key(), fingerprint)) {
      report(BulkOutcome.skipped(item, journal.failedBefore(item.key())), fingerprint, false);
      return null;
    }
    if (item.problem() != null) {
      report(BulkOutcome.invalid(item, new IllegalArgumentException(item.problem())), fingerprint, true);
      return null;
    }
    return new Pending(item, fingerprint, 1);
  }

  /**
   * Sends one item. An item whose update MX throttled to the end (429 or 503 after all of its own
   * retries) comes back to be sent again once the pacer has slowed down, up to {@link
   * #MAX_THROTTLED_SENDS} times: MX limiting the rate is no fault of the item.
   */
  private void send(Pending pending) {
    BulkItem item = pending.item;
    CompletableFuture<MemberUpdateResult> call;
    try {
      call = send.apply(item.update());
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException bad) {
      report(BulkOutcome.invalid(item, bad), pending.fingerprint, true);
      return;
    }
    inFlight++;
    call.whenComplete(
        (result, failure) -> {
          Pending again = null;
          try {
            Throwable cause = failure == null ? null : Futures.unwrap(failure);
            if (isThrottled(cause) && pending.sends < MAX_THROTTLED_SENDS) {
              again = new Pending(item, pending.fingerprint, pending.sends + 1);
              return;
            }
            report(cause == null ? BulkOutcome.done(item, result) : BulkOutcome.failed(item, cause), pending.fingerprint, true);
          } catch (UncheckedIOException journalFailed) {
            // the journal keeps the failure; the run stops sending and throws it
          } finally {
            ended.add(new Ended(again));
          }
        });
  }

  /** Takes the messages of updates that ended: waits for one if {@code block}, then takes what else is there. */
  private void take(boolean block) throws InterruptedException {
    if (block) {
      handle(ended.take());
    }
    for (Ended message = ended.poll(); message != null; message = ended.poll()) {
      handle(message);
    }
  }

  private void handle(Ended message) {
    inFlight--;
    if (message.resend != null) {
      resends.add(message.resend);
    }
  }

  /** Waits, not to be interrupted, for every update in flight to end; what would be sent again is not. */
  private void awaitInFlight() {
    boolean interrupted = false;
    while (inFlight > 0) {
      try {
        handle(ended.take());
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean journalBroken() {
    return journal != null && journal.failure().isPresent();
  }

  /** Records the outcome (journal first: once the caller hears of it, a rerun skips it), then tells the caller. */
  private void report(BulkOutcome outcome, int fingerprint, boolean record) {
    if (record && journal != null) {
      journal.record(outcome.key(), fingerprint, outcome.journalEntry());
    }
    tally.count(outcome);
    try {
      onOutcome.accept(outcome);
    } catch (RuntimeException e) {
      LOG.warn("an onOutcome callback threw {}; the run goes on", e.getClass().getName(), e);
    }
  }

  /** MX's 429 (too many requests) or 503 (the platform is being updated): a matter of when, not what. */
  private static boolean isThrottled(Throwable failure) {
    return failure instanceof MxApiException
        && (((MxApiException) failure).status() == 429 || ((MxApiException) failure).status() == 503);
  }

  /** An item on its way, and how many times it has been sent. */
  private static final class Pending {
    final BulkItem item;
    final int fingerprint;
    final int sends;

    Pending(BulkItem item, int fingerprint, int sends) {
      this.item = item;
      this.fingerprint = fingerprint;
      this.sends = sends;
    }
  }

  /** An update that ended, and the item to send again if MX throttled it. */
  private static final class Ended {
    final Pending resend;

    Ended(Pending resend) {
      this.resend = resend;
    }
  }
}
