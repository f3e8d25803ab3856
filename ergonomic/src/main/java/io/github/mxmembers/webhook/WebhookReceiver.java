package io.github.mxmembers.webhook;

import io.github.mxmembers.MxAsyncClient;
import io.github.mxmembers.MxClient;
import io.github.mxmembers.internal.webhook.SeenKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives MX's webhooks as MX asks (MX's Webhooks page, Best Practices: "Respond to webhook requests
 * immediately", "Send a 204 No Content response upon successful receipt"), in any server: give it the
 * request's method, headers and body stream ({@link #handle}), answer with the status it returns.
 * {@link WebhookServer} runs it on the JDK's own HTTP server. Thread-safe.
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *     .auth(WebhookAuth.basic(System.getenv("MX_WEBHOOK_USERNAME"), System.getenv("MX_WEBHOOK_PASSWORD")))
 *     .wakeWaits(mx)                        // waits on a member read its status when a webhook names it
 *     .listener(event -> store(event))      // each event once, on the receiver's own thread
 *     .build();
 * }</pre>
 *
 * <p>What it answers, in this order:
 * <ol>
 *   <li>405 for a method other than POST (MX posts);</li>
 *   <li>401 when {@link Builder#auth} refuses the headers: the body is not read, nothing is delivered
 *       and nothing of the credentials is logged;</li>
 *   <li>413 for a body over {@link Builder#maxBodyBytes} (256 KiB; a member webhook is about 1 KB),
 *       from its {@code Content-Length} or once that much is read, never reading the rest;</li>
 *   <li>400 for a body that stops half-way, or is not a JSON object in UTF-8. MX sends JSON objects
 *       only and advises that "issuing an error code won't resolve" a payload one cannot parse, as MX
 *       will resend it: so any JSON object is taken, whatever its fields, types or kind
 *       ({@link OtherWebhook});</li>
 *   <li>204 for a re-send of an event accepted within the {@linkplain Builder#deduplicationWindow
 *       window} (same {@link WebhookEvent#deduplicationKey()}): not delivered again;</li>
 *   <li>503 when the listeners' queue is full or the receiver is closed: the event is not taken, and
 *       MX sends it again later (it retries "no more than 12" times "over the course of approximately
 *       24 hours");</li>
 *   <li>204 otherwise: the event is queued, then given to each {@linkplain Builder#listener
 *       listener} in the order received, apart from MX's request.</li>
 * </ol>
 *
 * <p>An event answered 204 is delivered unless a listener throws (logged at WARN, counted in {@link
 * Stats#listenerFailures()}) or the receiver is closed before the queue drains ({@link #close()} waits
 * for it up to five seconds, then logs at WARN how many acknowledged events it did not deliver). A
 * slow listener delays the events behind it, and fills the queue; MX's requests are never held by it.
 * Waits are woken ({@link Builder#wakeWaits(MxClient)}) on MX's request, before the 204, for every
 * verified event, re-sends included: waking twice costs at most one status read at MX's rhythm.
 *
 * <p>Deduplication by content is exact for MX's re-sends of one webhook (the same body and headers),
 * and for Initial Data Ready (its own {@code guid}). A Connection Status webhook carries no time: a
 * member that enters the same status twice within the window with the same message (a second MFA
 * round, say) looks like a re-send, and only the first is delivered. Read the member's status
 * (which the woken waits do) rather than count these webhooks.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final WebhookAuth auth;
  private final List<WebhookListener> listeners;
  private final List<WebhookListener> wakers;
  private final int maxBodyBytes;
  private final Clock clock;
  private final SeenKeys seen;
  private final Executor executor;
  /** The executor the receiver made and closes; null when the caller gave one. */
  private final ThreadPoolExecutor own;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile boolean closed;

  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong listenerFailures = new AtomicLong();
  private final AtomicLong unauthorized = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong tooLarge = new AtomicLong();
  private final AtomicLong refusedBusy = new AtomicLong();

  private WebhookReceiver(Builder builder) {
    this.auth = builder.auth;
    this.listeners = List.copyOf(builder.listeners);
    this.wakers = List.copyOf(builder.wakers);
    this.maxBodyBytes = builder.maxBodyBytes;
    this.clock = builder.clock;
    this.seen = new SeenKeys(builder.deduplicationWindow, builder.maxRemembered);
    if (builder.executor != null) {
      this.executor = builder.executor;
      this.own = null;
    } else {
      AtomicInteger threads = new AtomicInteger();
      this.own =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(builder.queueCapacity),
              task -> {
                Thread thread = new Thread(task, "mx-webhook-listener-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      this.executor = own;
    }
  }

  /** {@return a builder; {@link Builder#auth} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Handles one request, as the class description says, and returns the status to answer with. It
   * reads at most {@code maxBodyBytes + 1} bytes of the body, and does not close it.
   *
   * @param method the request's method
   * @param headers the request's headers
   * @param body the request's body
   * @return 204, 400, 401, 405, 413 or 503; with 405 answer {@code Allow: POST}
   */
  public int handle(String method, WebhookHeaders headers, InputStream body) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    if (!"POST".equalsIgnoreCase(method)) {
      return 405;
    }
    if (closed) {
      refusedBusy.incrementAndGet();
      return 503;
    }
    if (!auth.verify(headers)) {
      unauthorized.incrementAndGet();
      LOG.warn("webhook refused with 401: its credentials are missing or wrong");
      return 401;
    }
    long length = contentLength(headers);
    if (length > maxBodyBytes) {
      tooLarge.incrementAndGet();
      LOG.warn("webhook refused with 413: Content-Length {} is over the {}-byte cap", length, maxBodyBytes);
      return 413;
    }
    byte[] bytes;
    try {
      bytes = readAtMost(body, maxBodyBytes);
    } catch (IOException e) {
      malformed.incrementAndGet();
      LOG.warn("webhook refused with 400: its body could not be read ({})", e.getClass().getSimpleName());
      return 400;
    }
    if (bytes == null) {
      tooLarge.incrementAndGet();
      LOG.warn("webhook refused with 413: its body is over the {}-byte cap", maxBodyBytes);
      return 413;
    }
    WebhookEvent event;
    try {
      event = Webhook.read(headers, bytes);
    } catch (WebhookException e) {
      malformed.incrementAndGet();
      LOG.warn("webhook refused with 400: {}", e.getMessage());
      return 400;
    }
    for (WebhookListener waker : wakers) {
      try {
        waker.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("waking the waits on {} failed with {}", event.memberGuid().orElse("?"), e.getClass().getName(), e);
      }
    }
    String key = event.deduplicationKey();
    if (!seen.firstTime(key, clock.instant())) {
      duplicates.incrementAndGet();
      LOG.debug("webhook {} is a re-send of {}: answered 204, not delivered again", event, key);
      return 204;
    }
    pending.incrementAndGet();
    try {
      executor.execute(() -> deliver(event));
    } catch (RejectedExecutionException e) {
      pending.decrementAndGet();
      seen.forget(key);
      refusedBusy.incrementAndGet();
      LOG.warn("webhook {} refused with 503: the listeners' queue is full; MX will send it again", event);
      return 503;
    }
    accepted.incrementAndGet();
    return 204;
  }

  private void deliver(WebhookEvent event) {
    try {
      for (WebhookListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          listenerFailures.incrementAndGet();
          LOG.warn(
              "a webhook listener threw {} for {} (key {}); MX was answered 204 and will not send it again",
              e.getClass().getName(),
              event,
              event.deduplicationKey(),
              e);
        }
      }
      delivered.incrementAndGet();
    } finally {
      pending.decrementAndGet();
    }
  }

  private static long contentLength(WebhookHeaders headers) {
    String value = headers.first("Content-Length").orElse(null);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body, or null when it is over {@code max} bytes (of which at most {@code max + 1} were read). */
  private static byte[] readAtMost(InputStream body, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
    byte[] buffer = new byte[8192];
    int total = 0;
    for (int n; (n = body.read(buffer, 0, Math.min(buffer.length, max + 1 - total))) > 0; ) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** {@return counts of what the receiver did since it was built} */
  public Stats stats() {
    return new Stats(
        accepted.get(),
        duplicates.get(),
        delivered.get(),
        listenerFailures.get(),
        unauthorized.get(),
        malformed.get(),
        tooLarge.get(),
        refusedBusy.get(),
        pending.get());
  }

  /**
   * Stops taking webhooks (503 from now on, so MX sends them again later) and, on the receiver's own
   * thread, delivers what is queued, waiting up to five seconds; an acknowledged event it could not
   * deliver in that time is counted in a WARN log line. An executor you gave is left running.
   */
  @Override
  public void close() {
    closed = true;
    if (own == null) {
      return;
    }
    own.shutdown();
    try {
      if (!own.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        int dropped = own.shutdownNow().size();
        LOG.warn(
            "the webhook receiver closed with {} acknowledged events not delivered: its listeners took over {}",
            dropped,
            CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      int dropped = own.shutdownNow().size();
      LOG.warn("the webhook receiver was interrupted closing; {} acknowledged events not delivered", dropped);
      Thread.currentThread().interrupt();
    }
  }

  /** {@return the configuration, never a credential} */
  @Override
  public String toString() {
    return "WebhookReceiver{auth=" + auth + ", listeners=" + listeners.size() + ", maxBodyBytes=" + maxBodyBytes + "}";
  }

  /** What a receiver did: counts since it was built. Immutable. */
  public static final class Stats {
    private final long accepted;
    private final long duplicates;
    private final long delivered;
    private final long listenerFailures;
    private final long unauthorized;
    private final long malformed;
    private final long tooLarge;
    private final long refusedBusy;
    private final long pending;

    Stats(
        long accepted,
        long duplicates,
        long delivered,
        long listenerFailures,
        long unauthorized,
        long malformed,
        long tooLarge,
        long refusedBusy,
        long pending) {
      this.accepted = accepted;
      this.duplicates = duplicates;
      this.delivered = delivered;
      this.listenerFailures = listenerFailures;
      this.unauthorized = unauthorized;
      this.malformed = malformed;
      this.tooLarge = tooLarge;
      this.refusedBusy = refusedBusy;
      this.pending = pending;
    }

    /** {@return events answered 204 and queued for the listeners} */
    public long accepted() {
      return accepted;
    }

    /** {@return re-sends answered 204 and not delivered again} */
    public long duplicates() {
      return duplicates;
    }

    /** {@return events given to every listener} */
    public long delivered() {
      return delivered;
    }

    /** {@return times a listener threw} */
    public long listenerFailures() {
      return listenerFailures;
    }

    /** {@return requests refused with 401} */
    public long unauthorized() {
      return unauthorized;
    }

    /** {@return requests refused with 400} */
    public long malformed() {
      return malformed;
    }

    /** {@return requests refused with 413} */
    public long tooLarge() {
      return tooLarge;
    }

    /** {@return requests refused with 503: the queue full, or the receiver closed} */
    public long refusedBusy() {
      return refusedBusy;
    }

    /** {@return events accepted and not yet delivered} */
    public long pending() {
      return pending;
    }

    /** {@return the counts} */
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "Stats{accepted=%d, duplicates=%d, delivered=%d, listenerFailures=%d, unauthorized=%d, malformed=%d,"
              + " tooLarge=%d, refusedBusy=%d, pending=%d}",
          accepted, duplicates, delivered, listenerFailures, unauthorized, malformed, tooLarge, refusedBusy, pending);
    }
  }

  /** Builds a receiver; throws on incomplete configuration. */
  public static final class Builder {
    private WebhookAuth auth;
    private final List<WebhookListener> listeners = new ArrayList<>();
    private final List<WebhookListener> wakers = new ArrayList<>();
    private int maxBodyBytes = 256 * 1024;
    private Duration deduplicationWindow = Duration.ofHours(25);
    private int maxRemembered = 100_000;
    private int queueCapacity = 10_000;
    private Executor executor;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The check agreed with MX (required; {@link WebhookAuth#none()} only behind mutual TLS).
     *
     * @param auth the check
     * @return this builder
     */
    public Builder auth(WebhookAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth == null");
      return this;
    }

    /**
     * Adds a listener: each accepted event once, in the order received, apart from MX's request.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(WebhookListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Wakes the client's waits on the member each verified webhook names ({@link MxClient#wakeWaits}),
     * re-sends included, before MX is answered.
     *
     * @param client the client
     * @return this builder
     */
    public Builder wakeWaits(MxClient client) {
      wakers.add(WebhookListener.wakeWaits(client));
      return this;
    }

    /**
     * Wakes the async client's waits on the member each verified webhook names.
     *
     * @param client the client
     * @return this builder
     */
    public Builder wakeWaits(MxAsyncClient client) {
      wakers.add(WebhookListener.wakeWaits(client));
      return this;
    }

    /**
     * The largest body taken (256 KiB by default); a larger one is refused with 413 unread.
     *
     * @param bytes from 1 KiB to 16 MiB
     * @return this builder
     * @throws IllegalArgumentException naming {@code maxBodyBytes} if out of range
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be from 1024 to 16777216: " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * How long, and how many, deduplication keys are kept (25 hours, as MX re-sends for "approximately
     * 24 hours"; 100,000 keys, about 16 MB): a re-send after either is delivered again.
     *
     * @param window from a second to 7 days
     * @param maxRemembered from 1 to 10,000,000
     * @return this builder
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public Builder deduplicationWindow(Duration window, int maxRemembered) {
      Objects.requireNonNull(window, "window == null");
      if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(7)) > 0) {
        throw new IllegalArgumentException("window must be from 1 second to 7 days: " + window);
      }
      if (maxRemembered < 1 || maxRemembered > 10_000_000) {
        throw new IllegalArgumentException("maxRemembered must be from 1 to 10000000: " + maxRemembered);
      }
      this.deduplicationWindow = window;
      this.maxRemembered = maxRemembered;
      return this;
    }

    /**
     * How many accepted events may wait for the listeners (10,000) before MX is answered 503.
     * Ignored when you give an {@link #executor}, whose own queue decides.
     *
     * @param capacity at least 1
     * @return this builder
     * @throws IllegalArgumentException naming {@code queueCapacity} if under 1
     */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be at least 1: " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Runs the listeners on your executor rather than the receiver's one thread: a task it rejects
     * is answered 503. Events may then reach the listeners out of order, and {@link
     * WebhookReceiver#close()} does not wait for them.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * The clock of the deduplication window (the system clock by default), for tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * {@return the receiver}
     *
     * @throws IllegalStateException if no {@link #auth} was given
     */
    public WebhookReceiver build() {
      if (auth == null) {
        throw new IllegalStateException(
            "auth is required: WebhookAuth.basic(username, password) as agreed with MX, or WebhookAuth.none() behind mutual TLS");
      }
      return new WebhookReceiver(this);
    }
  }
}
