package io.github.mxmembers.internal.client;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.pipeline.Futures;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The one loop of every flow of several calls (a paged list, a wait for an aggregation), written once
 * over futures for both flavours. Each step returns a future of what comes next: another step's
 * state, or the result. A step that is already complete, as a sync client's always are, is taken in
 * the loop itself, on the same thread, with no stage registered and no stack used per step; one that
 * is not yet complete, as an async client's usually is, resumes the loop on the thread that completes
 * it, so no thread is held in between. Cancelling the result cancels the step under way and starts no
 * other.
 *
 * <p>The first step runs on the caller's thread, and what it throws (bad input, found before any I/O)
 * is thrown to the caller; a later step's exception fails the result instead.
 *
 * @param <S> what one step needs to run: which page, or how the wait stands
 * @param <R> the result
 */
@InternalApi
public final class Loop<S, R> {
  /** What a step says comes next: another step with this state, or the end with this result. */
  public static final class Next<S, R> {
    private final S state;
    private final R result;
    private final boolean done;

    private Next(S state, R result, boolean done) {
      this.state = state;
      this.result = result;
      this.done = done;
    }

    /** {@return another step, with this state} */
    public static <S, R> Next<S, R> step(S state) {
      return new Next<>(state, null, false);
    }

    /** {@return the end of the loop, with this result} */
    public static <S, R> Next<S, R> done(R result) {
      return new Next<>(null, result, true);
    }
  }

  private final Function<S, CompletableFuture<Next<S, R>>> step;
  private final CompletableFuture<R> result = new CompletableFuture<>();
  /** The step under way, to cancel with the result. */
  private volatile CompletableFuture<Next<S, R>> current;

  private Loop(Function<S, CompletableFuture<Next<S, R>>> step) {
    this.step = step;
  }

  /**
   * Runs the loop from {@code first}.
   *
   * @param step one step: given its state, the future of what comes next
   * @return completes with the result, or fails with what a step failed with
   * @throws RuntimeException what the first step throws, before anything else ran
   */
  public static <S, R> CompletableFuture<R> run(S first, Function<S, CompletableFuture<Next<S, R>>> step) {
    Loop<S, R> loop = new Loop<>(step);
    CompletableFuture<Next<S, R>> started = step.apply(first); // bad input throws here, before any I/O
    loop.result.whenComplete(
        (done, failure) -> {
          CompletableFuture<Next<S, R>> underWay = loop.current;
          if (loop.result.isCancelled() && underWay != null) {
            underWay.cancel(true);
          }
        });
    loop.follow(started);
    return loop.result;
  }

  /** Takes completed steps here, in turn; hands an incomplete one to the thread that completes it. */
  private void follow(CompletableFuture<Next<S, R>> next) {
    for (CompletableFuture<Next<S, R>> pending = next; ; ) {
      current = pending;
      if (result.isDone()) {
        pending.cancel(true); // cancelled meanwhile: the step under way goes too
        return;
      }
      if (!pending.isDone()) {
        CompletableFuture<Next<S, R>> awaited = pending;
        awaited.whenComplete((ignored, failure) -> follow(awaited));
        return;
      }
      Next<S, R> taken;
      try {
        taken = pending.join();
      } catch (CompletionException | CancellationException e) {
        result.completeExceptionally(Futures.unwrap(e));
        return;
      }
      if (taken.done) {
        result.complete(taken.result);
        return;
      }
      try {
        pending = step.apply(taken.state);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
    }
  }
}
