package io.github.mxmembers;

import io.github.mxmembers.internal.transport.AsyncHttpTransport;
import io.github.mxmembers.retry.Scheduler;
import java.util.Objects;

/**
 * What the async clients' builders add to {@link MxClientBuilder}: where the waits before retries
 * are spent, and how many I/O threads the reactor has.
 *
 * @param <B> the concrete builder
 */
public abstract class MxAsyncClientBuilder<B extends MxAsyncClientBuilder<B>> extends MxClientBuilder<B> {
  /** A handful is plenty for thousands of requests in flight; more cores than that buy nothing here. */
  static final int DEFAULT_IO_THREADS = Math.min(Runtime.getRuntime().availableProcessors(), 4);

  private Scheduler scheduler;
  private int ioThreads = DEFAULT_IO_THREADS;
  /** Tests only: hears each attempt handed its connection. */
  private AsyncHttpTransport.WriteObserver writeObserver;

  MxAsyncClientBuilder(ApiSettings api) {
    super(api);
  }

  /**
   * Where the waits before retries are spent; by default the client's own timer thread. The
   * client's {@code close()} ends a wait still under way on this scheduler too, and its call fails.
   *
   * @param scheduler the scheduler; tests pass one that records the waits and completes at once
   * @return this builder
   */
  public B scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
    return self();
  }

  /**
   * The I/O reactor's dispatcher threads, which send and read every request; the number of cores,
   * at most 4, by default. HttpClient adds one thread that starts them.
   *
   * @param ioThreads from 1 to 64
   * @return this builder
   * @throws IllegalArgumentException if outside that range
   */
  public B ioThreads(int ioThreads) {
    if (ioThreads < 1 || ioThreads > 64) {
      throw new IllegalArgumentException("ioThreads must be from 1 to 64: " + ioThreads);
    }
    this.ioThreads = ioThreads;
    return self();
  }

  /** Tests only: the observer of the point where each attempt is handed its connection. */
  B writeObserver(AsyncHttpTransport.WriteObserver writeObserver) {
    this.writeObserver = writeObserver;
    return self();
  }

  /** The runtime of a client built now: over HttpClient's async client, waiting on timers. */
  @Override
  ClientRuntime runtime() {
    return ClientRuntime.async(this, scheduler, ioThreads, writeObserver);
  }
}
