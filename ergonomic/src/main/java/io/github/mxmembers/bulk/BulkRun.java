package io.github.mxmembers.bulk;

import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.internal.pipeline.Futures;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.crypto.Mac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of one bulk run: reads items one at a time, keeps at most {@code concurrency} updates in
 * flight, waits for the pacer before each send, and turns every answer into one recorded and reported
 * {@link BulkOutcome}. It is fed by a queue: each update's callback puts exactly one message on it
 * when the update ends (finished, or throttled to the end and to be sent again), and the run's thread
 * blocks on that queue whenever it has nothing to send, so it wakes the moment a slot frees and never
 * polls. Only the run's thread reads the input, counts what is in flight and sends.
 *
 * <p>It never hangs: whatever fails in any part (the input, the journal, the client, a callback), and
 * whatever it fails with ({@link Error}s included), the failure is kept, nothing more is read or
 * sent, what is in flight finishes and is recorded, and {@link #run} throws it. The message an
 * update's callback posts is allocated before the update is sent, so not even an {@link
 * OutOfMemoryError} in a callback can keep it from being posted.
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
  private final Mac fingerprints;
  private final Consumer<BulkOutcome> onOutcome;
  private final BulkTally tally = new BulkTally();
  private final SeenMembers members = new SeenMembers();
  /** The keys of the items met so far: a key used twice is refused before it is sent. */
  private final SeenMembers keys = new SeenMembers();

  /** One message per update sent, made before it was sent: {@code resend} is null when the update has finished. */
  private final BlockingQueue<Ended> ended;
  private final Queue<Pending> resends = new ArrayDeque<>();
  private int inFlight;
  /** Items read from the input so far, nulls included: the position a bad one is named by. */
  private long read;
  /** The first failure that stops the run, from any thread. */
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();

  /**
   * @param send starts one update; throws at once for input the client refuses
   * @param journal where outcomes are recorded first; null for none
   * @param fingerprints the journal key's HMAC; null when there is no journal
   */
  BulkRun(
      Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> send,
      int concurrency,
      AdaptiveRate pacer,
      Sleeper sleeper,
      Journal journal,
      Mac fingerprints,
      Consumer<BulkOutcome> onOutcome) {
    this.send = send;
    this.concurrency = concurrency;
    this.pacer = pacer;
    this.sleeper = sleeper;
    this.journal = journal;
    this.fingerprints = fingerprints;
    this.onOutcome = onOutcome;
    this.ended = new ArrayBlockingQueue<>(concurrency);
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
   * @throws RuntimeException or {@link Error}: the first failure of any part, once what was in
   *     flight has finished; {@link IllegalArgumentException} for a null item, naming its position
   */
  boolean run(Iterator<BulkItem> items) {
    boolean complete = false;
    try {
      complete = loop(items);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      fatal.compareAndSet(null, e);
    } finally {
      // whatever ended the loop, what is in flight finishes before the client closes
      awaitInFlight();
    }
    Throwable failure = fatal.get();
    if (failure != null) {
      throw Futures.rethrow(failure); // an Error as it is, a checked one wrapped
    }
    return complete;
  }

  private boolean loop(Iterator<BulkItem> items) throws InterruptedException {
    while (true) {
      take(false);
      if (journalBroken() || fatal.get() != null) {
        // an outcome could not be recorded, or a part failed: sending more would only lose more
        return false;
      }
      if (inFlight >= concurrency) {
        take(true);
        continue;
      }
      Pending next = resends.poll();
      if (next == null) {
        if (!items.hasNext()) {
          if (inFlight == 0 && resends.isEmpty()) {
            return true;
          }
          take(true);
          continue;
        }
        next = admit(next(items));
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
  }

  private BulkItem next(Iterator<BulkItem> items) {
    BulkItem item = items.next();
    read++;
    if (item == null) {
      throw new IllegalArgumentException(
          "item " + read + " of the input is null: the items before it were run, none from it on");
    }
    return item;
  }

  /**
   * An item to send, or null when its outcome is known without sending: in the journal, bad input,
   * or a member an earlier item of the run updates (two updates of one member in flight at once
   * could reach MX in either order).
   */
  private Pending admit(BulkItem item) {
    long fingerprint = fingerprints == null ? 0 : item.fingerprint(fingerprints);
    if (!keys.addKey(item.key())) {
      // before the journal: the first item of that key may have finished in this very run
      report(BulkOutcome.invalid(item, new IllegalArgumentException(REPEATED_KEY)), fingerprint, false);
      return null;
    }
    String member = item.memberIdentity();
    boolean firstOfItsMember = member == null || members.add(member);
    if (journal != null && journal.finished(item.key(), fingerprint)) {
      report(BulkOutcome.skipped(item, journal.reasonBefore(item.key())), fingerprint, false);
      return null;
    }
    if (item.problem() != null) {
      report(BulkOutcome.invalid(item, new IllegalArgumentException(item.problem())), fingerprint, true);
      return null;
    }
    if (!firstOfItsMember) {
      report(BulkOutcome.invalid(item, new IllegalArgumentException(REPEATED_MEMBER)), fingerprint, true);
      return null;
    }
    return new Pending(item, fingerprint, 1);
  }

  /** What an item whose key an earlier item of the run has is told: it is not sent, nor journaled under that key. */
  static final String REPEATED_KEY =
      "an earlier item of this run has the same key: a key is unique in a run (the journal records each key once);"
          + " give each item its own";

  /** What an item updating a member that an earlier item of the run updates is told. */
  static final String REPEATED_MEMBER =
      "an earlier item of this run updates the same member: one update per member per run (two could reach MX in"
          + " either order); merge them, or run the later one on its own";

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
    // both possible messages are made now: posting one in the callback allocates nothing
    Ended finished = new Ended(null);
    Ended again =
        pending.sends < MAX_THROTTLED_SENDS ? new Ended(new Pending(item, pending.fingerprint, pending.sends + 1)) : null;
    inFlight++;
    call.whenComplete(
        (result, failure) -> {
          Ended message = finished;
          try {
            Throwable cause = failure == null ? null : Futures.unwrap(failure);
            if (cause instanceof Error) {
              fatal.compareAndSet(null, cause); // not the item's outcome: the run stops
            } else if (again != null && isThrottled(cause)) {
              message = again;
            } else {
              report(cause == null ? BulkOutcome.done(item, result) : BulkOutcome.failed(item, cause), pending.fingerprint, true);
            }
          } catch (Journal.Failure journalFailed) {
            // the journal keeps the failure; the run stops sending and throws it
          } catch (Throwable e) {
            fatal.compareAndSet(null, e);
          } finally {
            ended.offer(message);
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
  private void report(BulkOutcome outcome, long fingerprint, boolean record) {
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
    final long fingerprint;
    final int sends;

    Pending(BulkItem item, long fingerprint, int sends) {
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
