package io.github.mxmembers;

import io.github.mxmembers.retry.Scheduler;

/**
 * What the async clients' builders add to {@link MxClientBuilder}: where the waits before retries
 * and between a wait's status reads are spent, and how many I/O threads the reactor has.
 *
 * @param <B> the concrete builder
 */
public interface MxAsyncClientBuilder<B extends MxAsyncClientBuilder<B>> extends MxClientBuilder<B> {
  /**
   * Where the waits before retries, and between a wait's status reads, are spent; by default the
   * client's own timer thread. The client's {@code close()} ends a wait still under way on this
   * scheduler too, and its call fails.
   *
   * @param scheduler the scheduler; tests pass one that records the waits and completes at once
   * @return this builder
   */
  B scheduler(Scheduler scheduler);

  /**
   * The I/O reactor's dispatcher threads, which send and read every request; the number of cores,
   * at most 4, by default. HttpClient adds one thread that starts them.
   *
   * @param ioThreads from 1 to 64
   * @return this builder
   * @throws IllegalArgumentException if outside that range
   */
  B ioThreads(int ioThreads);
}
