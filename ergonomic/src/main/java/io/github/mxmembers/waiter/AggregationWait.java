package io.github.mxmembers.waiter;

import io.github.mxmembers.model.Member;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a client waits for the aggregation an update or a resume started: how often it reads the
 * member's status, backing off to a cap, and how long it waits in all. Immutable.
 *
 * <p>MX "recommends a minimum polling interval of 3 seconds" (Read member connection status), and
 * MX's own Connect widget polls every 3 seconds: the interval starts at {@link #interval()} (3 s by
 * default, never less), grows by half after each read to at most {@link #maxInterval()} (15 s), and
 * the whole wait lasts {@link #timeout()} (5 minutes). When the next read would come at or after
 * the deadline, one last read is made at the deadline (or 3 s after the read before it, if that is
 * later), under the call timeout; TIMED_OUT comes only then, once the timeout has passed. A read
 * sent before the deadline runs under the nearer of the call timeout and the deadline: one the
 * deadline cuts ends the wait TIMED_OUT (or, on its first read, fails with an {@code
 * MxTransportException} naming the wait's timeout).
 *
 * <p>MX's rhythm holds across a client's calls: no two status reads of one member by one client's
 * waits come closer than {@link #MIN_INTERVAL}, whichever waits they belong to (a wait right after a
 * resume and the wait before it, two waits at once); a wait's first read holds until then, and a
 * {@code readStatus} counts as a read. A caller's sleeper or scheduler that throws, returns nothing
 * or fails ends a wait with an {@code MxException}, as it ends a call; one that holds a pause past
 * the deadline is cut there (a sync sleeper is interrupted, the interrupt cleared) and the wait makes
 * its last read.
 */
public final class AggregationWait {
  /** The shortest interval taken, as MX recommends. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(AggregationWait.class);
  private static final AggregationWait DEFAULTS =
      new AggregationWait(MIN_INTERVAL, Duration.ofSeconds(15), Duration.ofMinutes(5), member -> {});

  private static final AggregationWait WITH_WEBHOOKS =
      new AggregationWait(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5), member -> {});

  private final Duration interval;
  private final Duration maxInterval;
  private final Duration timeout;
  private final Consumer<Member> onRead;

  private AggregationWait(Duration interval, Duration maxInterval, Duration timeout, Consumer<Member> onRead) {
    this.interval = interval;
    this.maxInterval = maxInterval;
    this.timeout = timeout;
    this.onRead = onRead;
  }

  /** {@return 3 s backing off to 15 s, for at most 5 minutes} */
  public static AggregationWait defaults() {
    return DEFAULTS;
  }

  /**
   * {@return for a client whose waits webhooks wake ({@code WebhookReceiver.Builder.wakeWaits}): 30 s
   * backing off to 60 s, for at most 5 minutes} A webhook about the member makes the wait read at
   * once (MX's 3 s between two reads kept), so the reads in between are only the failsafe MX asks
   * for: "we recommend putting in a failsafe timer and reading the status from our API as a backup
   * mechanism if a webhook doesn't arrive in a timely manner" (MX's Webhooks page). They are needed:
   * an aggregation that ends FAILED, DEGRADED or DISCONNECTED sends no Connection Status webhook, and
   * MX documents no webhook for it.
   */
  public static AggregationWait withWebhooks() {
    return WITH_WEBHOOKS;
  }

  /**
   * A wait of your own.
   *
   * @param interval the first interval between two reads; at least {@link #MIN_INTERVAL}
   * @param maxInterval the cap the interval backs off to; at least {@code interval}
   * @param timeout the whole wait; at least {@code interval}, at most a day
   * @return the wait
   * @throws IllegalArgumentException naming the parameter out of range: an interval under 3 s, a
   *     cap under the interval, or a timeout shorter than one interval (no second read could fit)
   */
  public static AggregationWait of(Duration interval, Duration maxInterval, Duration timeout) {
    Objects.requireNonNull(interval, "interval == null");
    Objects.requireNonNull(maxInterval, "maxInterval == null");
    Objects.requireNonNull(timeout, "timeout == null");
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("interval must be at least " + MIN_INTERVAL + ", as MX recommends: " + interval);
    }
    if (maxInterval.compareTo(interval) < 0) {
      throw new IllegalArgumentException("maxInterval must be at least the interval " + interval + ": " + maxInterval);
    }
    if (timeout.compareTo(interval) < 0 || timeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("timeout must be from one interval (" + interval + ") to a day: " + timeout);
    }
    return new AggregationWait(interval, maxInterval, timeout, member -> {});
  }

  /**
   * This wait, telling {@code onRead} the member after each status read (to show each status change,
   * say): on the thread of the read, so it must be quick; one that throws is logged at WARN and the
   * wait goes on.
   *
   * @param onRead hears each member read
   * @return a copy of this wait with it
   */
  public AggregationWait onRead(Consumer<Member> onRead) {
    return new AggregationWait(interval, maxInterval, timeout, Objects.requireNonNull(onRead, "onRead == null"));
  }

  /**
   * Tells the {@link #onRead} callback of one read, as the waiter does after each: its failure goes no
   * further than a WARN log line.
   *
   * @param member the member as the read had it
   */
  public void notifyRead(Member member) {
    try {
      onRead.accept(member);
    } catch (RuntimeException e) {
      LOG.warn("an AggregationWait onRead callback threw {}; the wait goes on", e.getClass().getName(), e);
    }
  }

  /** {@return the first interval between two status reads} */
  public Duration interval() {
    return interval;
  }

  /** {@return the longest interval the backoff reaches} */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** {@return the whole wait's deadline, from its start} */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The interval after {@code previous}: half as long again, up to {@link #maxInterval()}.
   *
   * @param previous the interval before
   * @return the next one
   */
  public Duration intervalAfter(Duration previous) {
    Duration next = previous.plus(previous.dividedBy(2));
    return next.compareTo(maxInterval) > 0 ? maxInterval : next;
  }

  /** {@return a description for logs and debugging} */
  @Override
  public String toString() {
    return "AggregationWait{interval=" + interval + ", maxInterval=" + maxInterval + ", timeout=" + timeout + "}";
  }
}
