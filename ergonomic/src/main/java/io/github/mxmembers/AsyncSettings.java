package io.github.mxmembers;

import io.github.mxmembers.retry.Scheduler;
import java.util.Objects;

/** What both async builders hold beside the shared settings: where retries wait, and how many I/O threads. */
final class AsyncSettings {
  /** A handful is plenty for thousands of requests in flight; more cores than that buy nothing here. */
  static final int DEFAULT_IO_THREADS = Math.min(Runtime.getRuntime().availableProcessors(), 4);

  private Scheduler scheduler;
  private int ioThreads = DEFAULT_IO_THREADS;

  void scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
  }

  void ioThreads(int ioThreads) {
    if (ioThreads < 1 || ioThreads > 64) {
      throw new IllegalArgumentException("ioThreads must be from 1 to 64: " + ioThreads);
    }
    this.ioThreads = ioThreads;
  }

  ClientRuntime runtime(MxClientBuilder<?> builder) {
    return ClientRuntime.async(builder, scheduler, ioThreads);
  }
}
