package io.github.mxmembers;

import com.google.gson.JsonObject;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.internal.bulk.AdaptiveRate;
import io.github.mxmembers.internal.bulk.Journal;
import io.github.mxmembers.internal.pipeline.Futures;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many member updates through an async client, keeping to MX's rate limits and surviving a crash:
 * at most {@code concurrency} in flight, sends paced at an adaptive rate (slower when MX answers 429
 * or 503, faster again carefully, never past {@code maxRate}), every finished item recorded in an
 * optional journal so that a rerun after a crash skips what was finished and repeats only what was
 * in flight (the update is an idempotent PUT). Each update runs through the client's own pipeline:
 * its retries (honouring {@code Retry-After}), deadline and listener; one that MX still throttles
 * after those (429 or 503) is sent again later, up to {@value #MAX_THROTTLED_SENDS} times in all.
 *
 * <pre>{@code
 * BulkUpdate.Summary summary = BulkUpdate.builder()
 *     .platform(MxPlatformAsyncClient.builder().environment(MxEnvironment.INTEGRATION).credentials(id, key))
 *     .concurrency(16)
 *     .maxRate(100)                                   // per second, optional
 *     .journal(Path.of("use-cases.journal"))          // optional
 *     .onOutcome(outcome -> log.info("{}", outcome))   // every item, once
 *     .build()
 *     .run(updates);                                  // a Stream<MemberUpdate>, or an Iterator<Item>
 * }</pre>
 *
 * <p>The input is read one item at a time as sends free up, so memory stays flat however many there
 * are. Bad input ({@link #check}) does not stop the run: the item's outcome is {@link
 * Outcome.Kind#INVALID} and nothing of it is sent. Immutable; each {@link #run} builds the client from
 * the builder given (adding its pacing to the builder's listener, which still hears every event) and
 * closes it at the end.
 */
public final class BulkUpdate {
  private static final Logger LOG = LoggerFactory.getLogger(BulkUpdate.class);
  /** The most times one item is sent when MX throttles every attempt of it; then it fails with 429 or 503. */
  static final int MAX_THROTTLED_SENDS = 10;

  private final MxPlatformAsyncClient.Builder platform;
  private final MxNexusAsyncClient.Builder nexus;
  private final int concurrency;
  private final double maxRate;
  private final Path journal;
  private final Consumer<Outcome> onOutcome;

  private BulkUpdate(Builder builder) {
    this.platform = builder.platform;
    this.nexus = builder.nexus;
    this.concurrency = builder.concurrency;
    this.maxRate = builder.maxRate;
    this.journal = builder.journal;
    this.onOutcome = builder.onOutcome;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the API the run updates} */
  public MxApi api() {
    return platform != null ? MxApi.PLATFORM : MxApi.NEXUS;
  }

  /**
   * Checks an update as the client's {@code updateMember} would, sending nothing: what a dry run
   * does for each item.
   *
   * @param update the update
   * @throws IllegalArgumentException if {@code updateMember} would refuse it, naming the field
   */
  public void check(MemberUpdate update) {
    Objects.requireNonNull(update, "update == null");
    if (platform != null) {
      new PlatformUpdateMember(platform.platformAuth().apiVersion()).prepare(update);
    } else {
      NexusUpdateMember.INSTANCE.prepare(update);
    }
  }

  /**
   * Runs every update, numbered from 1 in the order given, and returns when each has finished.
   *
   * @param updates the updates; read as sends free up
   * @return what happened, in numbers
   */
  public Summary run(Stream<MemberUpdate> updates) {
    Iterator<MemberUpdate> each = updates.iterator();
    long[] key = {0};
    return run(
        new Iterator<Item>() {
          @Override
          public boolean hasNext() {
            return each.hasNext();
          }

          @Override
          public Item next() {
            return Item.of(++key[0], each.next());
          }
        });
  }

  /**
   * Runs every item and returns when each has finished (an interrupt stops reading more; those in
   * flight still finish).
   *
   * @param items the items, each with a key of its own (such as its line number in a file); read as
   *     sends free up
   * @return what happened, in numbers
   * @throws IllegalStateException if the journal recorded one of these keys with other content
   * @throws UncheckedIOException if the journal cannot be written: the run sends nothing
   *     more, waits for what is in flight and throws; an item whose outcome was not recorded was
   *     not told to {@code onOutcome} either, and a rerun sends it again
   */
  public Summary run(Iterator<Item> items) {
    Objects.requireNonNull(items, "items == null");
    AdaptiveRate pacer = new AdaptiveRate(maxRate, System::nanoTime);
    Tally tally = new Tally();
    long started = System.nanoTime();
    boolean complete = true;
    Journal record = journal == null ? null : Journal.open(journal);
    try (Sender sender = open(pacer, tally)) {
      Semaphore slots = new Semaphore(concurrency);
      Queue<Pending> throttled = new ConcurrentLinkedQueue<>();
      try {
        while (true) {
          Pending next = throttled.poll();
          if (next == null && items.hasNext()) {
            Item item = items.next();
            int fingerprint = item.fingerprint();
            if (record != null && record.finished(item.key(), fingerprint)) {
              finish(tally, null, Outcome.skipped(item, record.failedBefore(item.key())), fingerprint);
              continue;
            }
            if (item.problem() != null) {
              finish(tally, record, Outcome.invalid(item, new IllegalArgumentException(item.problem())), fingerprint);
              continue;
            }
            next = new Pending(item, fingerprint, 1);
          }
          if (next == null) {
            // input read: done once nothing is in flight that could come back throttled (a
            // callback queues its item before it frees its slot)
            if (slots.availablePermits() == concurrency && throttled.isEmpty()) {
              break;
            }
            Thread.sleep(5);
            continue;
          }
          slots.acquire();
          if (record != null && record.failure().isPresent()) {
            // an outcome could not be recorded: sending more would only lose more
            slots.release();
            break;
          }
          long wait = pacer.reserve();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          send(sender, next, slots, throttled, tally, record);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        complete = false;
      } finally {
        // whatever ended the loop, what is in flight finishes before the client closes
        slots.acquireUninterruptibly(concurrency);
      }
    } finally {
      if (record != null) {
        record.close();
      }
    }
    if (record != null && record.failure().isPresent()) {
      throw record.failure().get();
    }
    return tally.summary(complete, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Sends one item, holding a slot until it finishes. An item whose update MX throttled to the end
   * (429 or 503 after all of its own retries) goes back to be sent again once the pacer has slowed
   * down, up to {@link #MAX_THROTTLED_SENDS} times: MX limiting the rate is no fault of the item.
   */
  private void send(
      Sender sender, Pending pending, Semaphore slots, Queue<Pending> throttled, Tally tally, Journal record) {
    Item item = pending.item;
    CompletableFuture<MemberUpdateResult> call;
    try {
      call = sender.send.apply(item.update());
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException bad) {
      finish(tally, record, Outcome.invalid(item, bad), pending.fingerprint);
      slots.release();
      return;
    }
    call.whenComplete(
        (result, failure) -> {
          try {
            Throwable cause = failure == null ? null : Futures.unwrap(failure);
            if (isThrottled(cause) && pending.sends < MAX_THROTTLED_SENDS) {
              throttled.add(new Pending(item, pending.fingerprint, pending.sends + 1));
              return;
            }
            finish(tally, record, cause == null ? Outcome.done(item, result) : Outcome.failed(item, cause), pending.fingerprint);
          } catch (UncheckedIOException journalBroken) {
            // the journal keeps the failure; run() stops sending and throws it
          } finally {
            slots.release();
          }
        });
  }

  /** MX's 429 (too many requests) or 503 (the platform is being updated): a matter of when, not what. */
  private static boolean isThrottled(Throwable failure) {
    return failure instanceof MxApiException
        && (((MxApiException) failure).status() == 429 || ((MxApiException) failure).status() == 503);
  }

  /** An item on its way, and how many times it has been sent. */
  private static final class Pending {
    final Item item;
    final int fingerprint;
    final int sends;

    Pending(Item item, int fingerprint, int sends) {
      this.item = item;
      this.fingerprint = fingerprint;
      this.sends = sends;
    }
  }

  /** Records the outcome (journal first: once the caller hears of it, a rerun skips it), then tells the caller. */
  private void finish(Tally tally, Journal record, Outcome outcome, int fingerprint) {
    if (record != null) {
      record.record(outcome.key(), fingerprint, outcome.journalEntry());
    }
    tally.count(outcome);
    try {
      onOutcome.accept(outcome);
    } catch (RuntimeException e) {
      LOG.warn("an onOutcome callback threw {}; the run goes on", e.getClass().getName(), e);
    }
  }

  /** The client for this run, its listener hearing every attempt for the pacing. */
  private Sender open(AdaptiveRate pacer, Tally tally) {
    MxClientBuilder<?> builder = platform != null ? platform : nexus;
    // the builder is shared by every run of this BulkUpdate: one at a time lends it a listener
    synchronized (builder) {
      CallListener theirs = builder.callListener();
      builder.callListener(new Pacing(pacer, tally, theirs));
      try {
        if (platform != null) {
          MxPlatformAsyncClient client = platform.build();
          return new Sender(client::updateMember, client::close);
        }
        MxNexusAsyncClient client = nexus.build();
        return new Sender(client::updateMember, client::close);
      } finally {
        builder.callListener(theirs);
      }
    }
  }

  /** One run's client. */
  private static final class Sender implements AutoCloseable {
    final Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> send;
    private final Runnable close;

    Sender(Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> send, Runnable close) {
      this.send = send;
      this.close = close;
    }

    @Override
    public void close() {
      close.run();
    }
  }

  /** Feeds every attempt's answer to the pacer, then to the builder's own listener. */
  private static final class Pacing implements CallListener {
    private final AdaptiveRate pacer;
    private final Tally tally;
    private final CallListener theirs;

    Pacing(AdaptiveRate pacer, Tally tally, CallListener theirs) {
      this.pacer = pacer;
      this.tally = tally;
      this.theirs = theirs;
    }

    @Override
    public void callStarted(CallStarted event) {
      theirs.callStarted(event);
    }

    @Override
    public void attemptStarted(AttemptStarted event) {
      theirs.attemptStarted(event);
    }

    @Override
    public void attemptFinished(AttemptFinished event) {
      int status = event.status();
      if (status == 429 || status == 503) {
        if (status == 429) {
          tally.rateLimited.incrementAndGet();
        }
        pacer.throttled(status, null);
      } else if (status >= 200 && status < 300) {
        pacer.succeeded();
      }
      theirs.attemptFinished(event);
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
      if ("503".equals(event.reason())) {
        pacer.throttled(503, event.delay()); // the platform is being updated: nothing goes before its retry
      }
      theirs.retryScheduled(event);
    }

    @Override
    public void sessionOpened(SessionOpened event) {
      theirs.sessionOpened(event);
    }

    @Override
    public void callFinished(CallFinished event) {
      theirs.callFinished(event);
    }
  }

  /** The run's counts. */
  private static final class Tally {
    final AtomicLong rateLimited = new AtomicLong();
    private long done;
    private long failed;
    private long invalid;
    private long skipped;
    private long skippedFailures;
    private final Map<String, Long> failedByReason = new TreeMap<>();

    synchronized void count(Outcome outcome) {
      switch (outcome.kind()) {
        case DONE:
          done++;
          break;
        case FAILED:
          failed++;
          failedByReason.merge(outcome.reason(), 1L, Long::sum);
          break;
        case INVALID:
          invalid++;
          break;
        default:
          skipped++;
          if (outcome.failedBefore()) {
            skippedFailures++;
          }
      }
    }

    synchronized Summary summary(boolean complete, Duration elapsed) {
      return new Summary(
          done, failed, invalid, skipped, skippedFailures, failedByReason, rateLimited.get(), elapsed, complete);
    }
  }

  /**
   * One update of a run, with the key that names it in outcomes and the journal; or, for input that
   * could not be read as an update, the key and what is wrong with it.
   */
  public static final class Item {
    private final long key;
    private final MemberUpdate update;
    private final String problem;

    private Item(long key, MemberUpdate update, String problem) {
      if (key < 1 || key > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("key must be from 1 to " + Integer.MAX_VALUE + ": " + key);
      }
      this.key = key;
      this.update = update;
      this.problem = problem;
    }

    /**
     * An item.
     *
     * @param key from 1, unique in the run, the same on a rerun (a line number, say)
     * @param update the update
     * @return the item
     * @throws IllegalArgumentException if the key is under 1 or over {@link Integer#MAX_VALUE}
     */
    public static Item of(long key, MemberUpdate update) {
      return new Item(key, Objects.requireNonNull(update, "update == null"), null);
    }

    /**
     * Input that is no update: its outcome is {@link Outcome.Kind#INVALID}, recorded like any other.
     *
     * @param key as for {@link #of}
     * @param problem what is wrong, such as {@code "use_cases: expected an array of strings"}; it is
     *     written to the journal, so it must hold no value of the input
     * @return the item
     * @throws IllegalArgumentException if the key is under 1 or over {@link Integer#MAX_VALUE}
     */
    public static Item invalid(long key, String problem) {
      return new Item(key, null, Objects.requireNonNull(problem, "problem == null"));
    }

    /** {@return the item's key} */
    public long key() {
      return key;
    }

    /** {@return the update; null for an {@link #invalid} item} */
    public MemberUpdate update() {
      return update;
    }

    /** {@return what is wrong with the input, or null for an update} */
    public String problem() {
      return problem;
    }

    /** Identifies the content in the journal without a secret: the redacted form's hash. */
    int fingerprint() {
      return (update != null ? update.toString() : "invalid: " + problem).hashCode();
    }

    @Override
    public String toString() {
      return "Item{key=" + key + ", " + (update != null ? update : "invalid: " + problem) + "}";
    }
  }

  /** What became of one item. */
  public static final class Outcome {
    /** The kinds of outcome. */
    public enum Kind {
      /** MX took the update (200, 202 or 204). */
      DONE,
      /** It was sent and failed: MX's error, no response, or an unreadable one. */
      FAILED,
      /** Bad input: nothing was sent. */
      INVALID,
      /** The journal says an earlier run finished it: nothing was sent. */
      SKIPPED
    }

    private final long key;
    private final Kind kind;
    private final MemberUpdateResult result;
    private final RuntimeException failure;
    private final boolean failedBefore;

    private Outcome(long key, Kind kind, MemberUpdateResult result, RuntimeException failure, boolean failedBefore) {
      this.key = key;
      this.kind = kind;
      this.result = result;
      this.failure = failure;
      this.failedBefore = failedBefore;
    }

    static Outcome done(Item item, MemberUpdateResult result) {
      return new Outcome(item.key(), Kind.DONE, result, null, false);
    }

    static Outcome failed(Item item, Throwable failure) {
      RuntimeException e = failure instanceof RuntimeException ? (RuntimeException) failure : new IllegalStateException(failure);
      return new Outcome(item.key(), Kind.FAILED, null, e, false);
    }

    static Outcome invalid(Item item, RuntimeException failure) {
      return new Outcome(item.key(), Kind.INVALID, null, failure, false);
    }

    static Outcome skipped(Item item, boolean failedBefore) {
      return new Outcome(item.key(), Kind.SKIPPED, null, null, failedBefore);
    }

    /** {@return the item's key} */
    public long key() {
      return key;
    }

    /** {@return what became of it} */
    public Kind kind() {
      return kind;
    }

    /** {@return the result, when it was done} */
    public Optional<MemberUpdateResult> result() {
      return Optional.ofNullable(result);
    }

    /** {@return why it failed or was invalid: an {@link MxException}, or the bad input's exception} */
    public Optional<RuntimeException> failure() {
      return Optional.ofNullable(failure);
    }

    /** {@return for a skipped item: whether the earlier run recorded it as failed or invalid} */
    public boolean failedBefore() {
      return failedBefore;
    }

    /** {@return the last HTTP status: the result's, the API error's, or 0 when there was none} */
    public int status() {
      if (result != null) {
        return result.status();
      }
      return failure instanceof MxApiException ? ((MxApiException) failure).status() : 0;
    }

    /** {@return MX's error code, for an API error that had one} */
    public Optional<Integer> mxCode() {
      return failure instanceof MxApiException ? ((MxApiException) failure).mxCode() : Optional.empty();
    }

    /** {@return MX's request id of the last response, if there was one} */
    public Optional<String> requestId() {
      if (result != null) {
        return result.requestId();
      }
      return failure instanceof MxException ? ((MxException) failure).requestId() : Optional.empty();
    }

    /**
     * {@return in a word, why it failed: the HTTP status ({@code "409"}), {@code "transport"},
     * {@code "unreadable"} or {@code "invalid"}; null when it did not fail}
     */
    public String reason() {
      if (kind == Kind.INVALID) {
        return "invalid";
      }
      if (failure instanceof MxApiException) {
        return String.valueOf(((MxApiException) failure).status());
      }
      if (failure instanceof MxTransportException) {
        return "transport";
      }
      if (failure instanceof MxResponseException) {
        return "unreadable";
      }
      return failure == null ? null : failure.getClass().getSimpleName();
    }

    /** The journal's entry: no credential value, no member data. */
    JsonObject journalEntry() {
      JsonObject entry = new JsonObject();
      entry.addProperty("outcome", kind == Kind.DONE ? "done" : kind == Kind.INVALID ? "invalid" : "failed");
      if (kind != Kind.DONE) {
        entry.addProperty("reason", reason());
      }
      if (kind == Kind.INVALID) {
        entry.addProperty("problem", failure.getMessage());
      }
      if (status() != 0) {
        entry.addProperty("status", status());
      }
      mxCode().ifPresent(code -> entry.addProperty("mx_code", code));
      requestId().ifPresent(id -> entry.addProperty("request_id", id));
      return entry;
    }

    @Override
    public String toString() {
      return "Outcome{key=" + key + ", " + kind + (reason() == null ? "" : " " + reason()) + ", status=" + status() + "}";
    }
  }

  /** What a run did, in numbers. */
  public static final class Summary {
    private final long done;
    private final long failed;
    private final long invalid;
    private final long skipped;
    private final long skippedFailures;
    private final Map<String, Long> failedByReason;
    private final long rateLimited;
    private final Duration elapsed;
    private final boolean complete;

    Summary(
        long done,
        long failed,
        long invalid,
        long skipped,
        long skippedFailures,
        Map<String, Long> failedByReason,
        long rateLimited,
        Duration elapsed,
        boolean complete) {
      this.done = done;
      this.failed = failed;
      this.invalid = invalid;
      this.skipped = skipped;
      this.skippedFailures = skippedFailures;
      this.failedByReason = Collections.unmodifiableMap(new TreeMap<>(failedByReason));
      this.rateLimited = rateLimited;
      this.elapsed = elapsed;
      this.complete = complete;
    }

    /** {@return items MX took in this run} */
    public long done() {
      return done;
    }

    /** {@return items sent in this run that failed} */
    public long failed() {
      return failed;
    }

    /** {@return items with bad input: nothing of them was sent} */
    public long invalid() {
      return invalid;
    }

    /** {@return items the journal said an earlier run had finished} */
    public long skipped() {
      return skipped;
    }

    /** {@return of the skipped items, those the earlier run recorded as failed or invalid} */
    public long skippedFailures() {
      return skippedFailures;
    }

    /** {@return the failures of this run by {@link Outcome#reason()}} */
    public Map<String, Long> failedByReason() {
      return failedByReason;
    }

    /** {@return attempts MX answered with 429 (each update's own retries included)} */
    public long rateLimited() {
      return rateLimited;
    }

    /** {@return how long the run took} */
    public Duration elapsed() {
      return elapsed;
    }

    /** {@return items sent per second (done and failed)} */
    public double ratePerSecond() {
      double seconds = elapsed.toNanos() / 1e9;
      return seconds <= 0 ? 0 : (done + failed) / seconds;
    }

    /** {@return false when the run was interrupted before it read every item} */
    public boolean complete() {
      return complete;
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "%d done, %d failed %s, %d invalid, %d skipped (in the journal), %d answered 429, %.1f s, %.1f updates/s%s",
          done, failed, failedByReason, invalid, skipped, rateLimited, elapsed.toMillis() / 1000.0, ratePerSecond(),
          complete ? "" : ", interrupted");
    }
  }

  /** Builds a {@link BulkUpdate}; {@link #build()} names anything missing. */
  public static final class Builder {
    private MxPlatformAsyncClient.Builder platform;
    private MxNexusAsyncClient.Builder nexus;
    private int concurrency = 8;
    private double maxRate = Double.POSITIVE_INFINITY;
    private Path journal;
    private Consumer<Outcome> onOutcome = outcome -> {};

    private Builder() {}

    /**
     * Updates Platform members, with a client built from this builder for each run.
     *
     * @param client the client's settings
     * @return this builder
     */
    public Builder platform(MxPlatformAsyncClient.Builder client) {
      this.platform = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Updates the Nexus members of the builder's user, with a client built from it for each run.
     *
     * @param client the client's settings
     * @return this builder
     */
    public Builder nexus(MxNexusAsyncClient.Builder client) {
      this.nexus = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * The most updates in flight at once; 8 by default.
     *
     * @param concurrency from 1 to the client's {@code maxConnections}
     * @return this builder
     * @throws IllegalArgumentException if under 1
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * The most updates sent per second, however fast MX answers; none by default (the adaptive
     * pacing alone). A run with a maximum starts at it.
     *
     * @param maxRate at least 1
     * @return this builder
     * @throws IllegalArgumentException if under 1 or not a number
     */
    public Builder maxRate(double maxRate) {
      if (!(maxRate >= 1)) {
        throw new IllegalArgumentException("maxRate must be at least 1 per second: " + maxRate);
      }
      this.maxRate = maxRate;
      return this;
    }

    /**
     * Records each finished item in this file, and on a rerun skips the items it records. A crash
     * (even {@code kill -9}) loses no recorded item; items in flight are sent again.
     *
     * @param journal the file, created if missing
     * @return this builder
     */
    public Builder journal(Path journal) {
      this.journal = Objects.requireNonNull(journal, "journal == null");
      return this;
    }

    /**
     * Hears each item's outcome once, on a thread of the client's or the one calling {@link
     * BulkUpdate#run}: it must be quick and thread-safe. One that throws is logged at WARN.
     *
     * @param onOutcome the callback
     * @return this builder
     */
    public Builder onOutcome(Consumer<Outcome> onOutcome) {
      this.onOutcome = Objects.requireNonNull(onOutcome, "onOutcome == null");
      return this;
    }

    /**
     * Builds the bulk update.
     *
     * @return it, ready to run
     * @throws IllegalStateException if neither or both of platform and nexus are set, or the
     *     concurrency is over the client's {@code maxConnections}
     */
    public BulkUpdate build() {
      if ((platform == null) == (nexus == null)) {
        throw new IllegalStateException("set one client: platform(...) or nexus(...)");
      }
      int connections = (platform != null ? platform : nexus).maxConnections();
      if (concurrency > connections) {
        throw new IllegalStateException(
            "concurrency " + concurrency + " is over the client's maxConnections " + connections + ": raise maxConnections");
      }
      return new BulkUpdate(this);
    }
  }
}
