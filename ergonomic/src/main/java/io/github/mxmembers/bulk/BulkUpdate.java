package io.github.mxmembers.bulk;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.MxAsyncClient;
import io.github.mxmembers.MxAsyncClientBuilder;
import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.internal.client.ApiOperations;
import io.github.mxmembers.internal.client.AsyncClient;
import io.github.mxmembers.internal.client.ClientSettings;
import io.github.mxmembers.internal.client.DefaultClientBuilder;
import io.github.mxmembers.model.MemberUpdate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.crypto.Mac;

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
 * BulkSummary summary = BulkUpdate.builder()
 *     .platform(MxPlatformAsyncClient.builder().environment(MxEnvironment.INTEGRATION).credentials(id, key))
 *     .concurrency(16)
 *     .maxRate(100)                                   // per second, optional
 *     .journal(Path.of("use-cases.journal"))          // optional
 *     .onOutcome(outcome -> log.info("{}", outcome))   // every item, once
 *     .build()
 *     .run(updates);                                  // a Stream<MemberUpdate>, or an Iterator<BulkItem>
 * }</pre>
 *
 * <p>The input is read one item at a time as sends free up, so memory stays flat however many there
 * are. Bad input ({@link #check}) does not stop the run: the item's outcome is {@link
 * BulkOutcome.Kind#INVALID} and nothing of it is sent. Immutable: {@link Builder#build()} takes a copy
 * of the client builder given, so changing that builder afterwards changes nothing of the runs, and
 * the SDK never writes to it; each {@link #run} builds its own client from the copy, with its pacing
 * in front of the builder's listener (which still hears every event), and closes it at the end.
 */
public final class BulkUpdate {
  /** The most times one item is sent when MX throttles every attempt of it; then it fails with 429 or 503. */
  static final int MAX_THROTTLED_SENDS = BulkRun.MAX_THROTTLED_SENDS;

  /** A copy of the caller's client settings, taken at build(): never handed out, never written to. */
  private final ClientSettings client;
  /** The API's calls, for checking an update before it is sent. */
  private final ApiOperations operations;
  private final int concurrency;
  private final double maxRate;
  private final Path journal;
  private final JournalKey journalKey;
  private final byte[] inputDigest;
  private final boolean restart;
  private final Consumer<BulkOutcome> onOutcome;

  private BulkUpdate(Builder builder, ClientSettings client) {
    this.client = client;
    this.operations = client.api().operations();
    this.concurrency = builder.concurrency;
    this.maxRate = builder.maxRate;
    this.journal = builder.journal;
    this.journalKey = builder.journalKey;
    this.inputDigest = builder.inputDigest == null ? null : builder.inputDigest.clone();
    this.restart = builder.restart;
    this.onOutcome = builder.onOutcome;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the API the run updates} */
  public MxApi api() {
    return operations.api();
  }

  /**
   * Checks an update as the client's {@code updateMember} would, sending nothing: what a dry run
   * does for each item.
   *
   * @param update the update
   * @throws IllegalArgumentException if {@code updateMember} would refuse it, naming the field
   */
  public void check(MemberUpdate update) {
    operations.updateMember().prepare(update);
  }

  /**
   * Runs every update, numbered from 1 in the order given, and returns when each has finished.
   *
   * @param updates the updates; read as sends free up
   * @return what happened, in numbers
   * @throws IllegalArgumentException if one is null, naming its position (those before it were run)
   * @throws BulkJournalException if the journal cannot be used
   */
  public BulkSummary run(Stream<MemberUpdate> updates) {
    Iterator<MemberUpdate> each = updates.iterator();
    long[] key = {0};
    return run(
        new Iterator<BulkItem>() {
          @Override
          public boolean hasNext() {
            return each.hasNext();
          }

          @Override
          public BulkItem next() {
            MemberUpdate update = each.next();
            key[0]++;
            return update == null ? null : BulkItem.of(key[0], update);
          }
        });
  }

  /**
   * Runs every item and returns when each has finished (an interrupt stops reading more; those in
   * flight still finish).
   *
   * <p>Nothing is sent before the journal has been opened and checked: that it is a whole journal,
   * of this journal key and (when {@link Builder#inputDigest} was given) of this input. Whatever
   * fails later in any part (the input's iterator, the journal, the client, {@code onOutcome} with
   * an {@link Error}), nothing more is read or sent, what is in flight finishes and is recorded,
   * and that failure is thrown: a run never hangs and never loses what it did.
   *
   * @param items the items, each with a key of its own (such as its line number in a file); read as
   *     sends free up
   * @return what happened, in numbers
   * @throws IllegalArgumentException if an item is null, naming its position (those before it were
   *     run)
   * @throws BulkJournalException if the journal cannot be used: thrown before anything is sent when
   *     it is not a whole journal or not this input's; when it cannot be written or records one of
   *     these keys with other content, the run sends nothing more, waits for what is in flight and
   *     throws it. An item whose outcome was not recorded was not told to {@code onOutcome} either,
   *     and a rerun sends it again
   * @throws IllegalStateException if no {@link Builder#journalKey} was given and the default key
   *     file cannot be read or made: before anything is sent
   */
  public BulkSummary run(Iterator<BulkItem> items) {
    Objects.requireNonNull(items, "items == null");
    AdaptiveRate pacer = new AdaptiveRate(maxRate, System::nanoTime);
    Pacing pacing = new Pacing(pacer, client.callListener());
    long started = System.nanoTime();
    Mac fingerprints = null;
    Journal record = null;
    if (journal != null) {
      JournalKey key = journalKey != null ? journalKey : JournalKey.userDefault();
      fingerprints = key.mac();
      String inputId = inputDigest == null ? null : inputId(fingerprints, inputDigest);
      try {
        record = Journal.open(journal, key.id(), inputId, restart);
      } catch (Journal.Failure e) {
        throw new BulkJournalException(journal, e.getMessage(), e.getCause());
      }
    }
    BulkRun run;
    boolean complete;
    try (MxAsyncClient sender = open(pacing)) {
      run = new BulkRun(sender::updateMember, concurrency, pacer, BulkRun.PACING_SLEEPER, record, fingerprints, onOutcome);
      complete = run.run(items);
    } catch (Journal.Failure e) {
      throw new BulkJournalException(journal, e.getMessage(), e.getCause());
    } finally {
      if (record != null) {
        record.close();
      }
    }
    if (record != null && record.failure().isPresent()) {
      Journal.Failure failure = record.failure().get();
      throw new BulkJournalException(journal, failure.getMessage(), failure.getCause());
    }
    return run.tally().summary(pacing.rateLimited(), Duration.ofNanos(System.nanoTime() - started), complete);
  }

  /** The input's id in the journal: its digest under the journal key, so that it says nothing of the input. */
  private static String inputId(Mac mac, byte[] digest) {
    mac.update("input ".getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(mac.doFinal(digest));
  }

  /**
   * Checks every item as {@link #run} would, sending nothing and writing no journal: an item that
   * is no update, one {@code updateMember} would refuse, and one for a member an earlier item
   * updates are each told to {@code onOutcome} as {@link BulkOutcome.Kind#INVALID}. What a dry run
   * of the command-line tool does.
   *
   * @param items the items
   * @return how many items were checked
   * @throws IllegalArgumentException if an item is null, naming its position
   */
  public long dryRun(Iterator<BulkItem> items) {
    Objects.requireNonNull(items, "items == null");
    SeenMembers members = new SeenMembers();
    long checked = 0;
    while (items.hasNext()) {
      BulkItem item = items.next();
      checked++;
      if (item == null) {
        throw new IllegalArgumentException("item " + checked + " of the input is null");
      }
      String member = item.memberIdentity();
      RuntimeException problem = null;
      if (item.problem() != null) {
        problem = new IllegalArgumentException(item.problem());
      } else {
        try {
          check(item.update());
        } catch (IllegalArgumentException | IllegalStateException e) {
          problem = e;
        }
      }
      if (problem == null && member != null && !members.add(member)) {
        problem = new IllegalArgumentException(BulkRun.REPEATED_MEMBER);
      }
      if (problem != null) {
        onOutcome.accept(BulkOutcome.invalid(item, problem));
      }
    }
    return checked;
  }

  /** This run's own client: built from a copy of the settings, with the run's pacing as its listener. */
  private MxAsyncClient open(Pacing pacing) {
    ClientSettings settings = client.copy();
    settings.callListener(pacing);
    return AsyncClient.of(settings);
  }

  /** Builds a {@link BulkUpdate}; {@link #build()} names anything missing. */
  public static final class Builder {
    /** The most updates a run keeps in flight: MX's rate limit is reached long before. */
    public static final int MAX_CONCURRENCY = 1024;

    private MxAsyncClientBuilder<?> client;
    private int concurrency = 8;
    private double maxRate = Double.POSITIVE_INFINITY;
    private Path journal;
    private JournalKey journalKey;
    private byte[] inputDigest;
    private boolean restart;
    private Consumer<BulkOutcome> onOutcome = outcome -> {};

    private Builder() {}

    /**
     * Updates Platform members, with a client built for each run from this builder's settings as
     * they are when {@link #build()} is called.
     *
     * @param client the client's settings
     * @return this builder
     */
    public Builder platform(MxPlatformAsyncClient.Builder client) {
      return client(client);
    }

    /**
     * Updates the Nexus members of the builder's user, with a client built for each run from this
     * builder's settings as they are when {@link #build()} is called.
     *
     * @param client the client's settings
     * @return this builder
     */
    public Builder nexus(MxNexusAsyncClient.Builder client) {
      return client(client);
    }

    /**
     * Updates members of the API this async client's builder is for, Platform or Nexus, with a client
     * built for each run from its settings as they are when {@link #build()} is called: code that
     * serves either API sets it here, whichever it is.
     *
     * @param client a builder from {@link MxPlatformAsyncClient#builder()} or {@link
     *     MxNexusAsyncClient#builder()}
     * @return this builder
     * @throws IllegalArgumentException for a builder of another making
     */
    public Builder client(MxAsyncClientBuilder<?> client) {
      Objects.requireNonNull(client, "client == null");
      if (!(client instanceof DefaultClientBuilder)) {
        throw new IllegalArgumentException("client: a builder from MxPlatformAsyncClient.builder() or MxNexusAsyncClient.builder() is required");
      }
      this.client = client;
      return this;
    }

    /**
     * The most updates in flight at once; 8 by default.
     *
     * @param concurrency from 1 to {@value #MAX_CONCURRENCY}, and at most the client's {@code
     *     maxConnections} (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException naming {@code concurrency} if out of range
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
        throw new IllegalArgumentException("concurrency must be from 1 to " + MAX_CONCURRENCY + ": " + concurrency);
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
     * (even {@code kill -9}) loses no recorded item; items in flight are sent again. Each entry
     * holds a fingerprint of its item's whole content, credential values included, keyed with the
     * {@link #journalKey} so that it gives nothing away: a rerun refuses an item whose content
     * differs from the one recorded with its key.
     *
     * @param journal the file, created if missing
     * @return this builder
     */
    public Builder journal(Path journal) {
      this.journal = Objects.requireNonNull(journal, "journal == null");
      return this;
    }

    /**
     * The key the journal's fingerprints are under; by default {@link JournalKey#userDefault()},
     * read (or made) when a run starts. A journal is continued only under the key it was written with.
     *
     * @param journalKey the key
     * @return this builder
     */
    public Builder journalKey(JournalKey journalKey) {
      this.journalKey = Objects.requireNonNull(journalKey, "journalKey == null");
      return this;
    }

    /**
     * A digest of the whole input (such as the SHA-256 of the file the items are read from), when
     * the caller can take one before the run. The journal records it under its key, and a rerun
     * whose input has another digest (any line, value or order changed; another file or format) is
     * refused before anything is sent. Without it, a rerun is checked item by item, as the items
     * are read: an item recorded with other content stops the run then.
     *
     * @param inputDigest the digest; copied
     * @return this builder
     */
    public Builder inputDigest(byte[] inputDigest) {
      Objects.requireNonNull(inputDigest, "inputDigest == null");
      if (inputDigest.length == 0) {
        throw new IllegalArgumentException("inputDigest must not be empty");
      }
      this.inputDigest = inputDigest.clone();
      return this;
    }

    /**
     * Starts the journal over: what it holds is discarded (whatever it is), and every item is sent.
     * Off by default: a journal that cannot be used stops the run and is left as it is.
     *
     * @param restart whether to start over
     * @return this builder
     */
    public Builder restart(boolean restart) {
      this.restart = restart;
      return this;
    }

    /**
     * Hears each item's outcome once, on a thread of the client's or the one calling {@link
     * BulkUpdate#run}: it must be quick and thread-safe. One that throws is logged at WARN.
     *
     * @param onOutcome the callback
     * @return this builder
     */
    public Builder onOutcome(Consumer<BulkOutcome> onOutcome) {
      this.onOutcome = Objects.requireNonNull(onOutcome, "onOutcome == null");
      return this;
    }

    /**
     * Builds the bulk update.
     *
     * @return it, ready to run
     * @throws IllegalStateException if no client is set, or the
     *     concurrency is over the client's {@code maxConnections}
     */
    public BulkUpdate build() {
      if (this.client == null) {
        throw new IllegalStateException("a client is required: platform(...), nexus(...) or client(...)");
      }
      ClientSettings client = ((DefaultClientBuilder<?, ?>) this.client).settings().copy();
      int connections = client.maxConnections();
      if (concurrency > connections) {
        throw new IllegalStateException(
            "concurrency " + concurrency + " is over the client's maxConnections " + connections + ": raise maxConnections");
      }
      return new BulkUpdate(this, client);
    }
  }
}
