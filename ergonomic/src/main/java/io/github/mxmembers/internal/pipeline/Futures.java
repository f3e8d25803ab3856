package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;

/**
 * What every stage of the pipeline does with a future: go on from it, see through the wrapper of
 * its failure, and pass the failure on.
 */
@InternalApi
public final class Futures {
  private Futures() {}

  /**
   * Goes on with the future's value or failure: at once when it is done (a sync client's always is,
   * so its call allocates no stage for this), else once it completes.
   *
   * @param next gets the value, or null and the failure (unwrapped); its own exception fails the result
   */
  public static <T, R> CompletableFuture<R> andThen(
      CompletableFuture<T> future, BiFunction<? super T, Throwable, CompletableFuture<R>> next) {
    if (!future.isDone()) {
      return future.handle((value, failure) -> next.apply(value, failure == null ? null : unwrap(failure))).thenCompose(f -> f);
    }
    T value;
    try {
      value = future.getNow(null);
    } catch (CancellationException | CompletionException failure) {
      return apply(next, null, unwrap(failure));
    }
    return apply(next, value, null);
  }

  private static <T, R> CompletableFuture<R> apply(
      BiFunction<? super T, Throwable, CompletableFuture<R>> next, T value, Throwable failure) {
    try {
      return next.apply(value, failure);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The failure itself, without the {@link CompletionException} a dependent stage wraps it in. */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Throws the failure on from inside a stage, wrapped only if it is checked. */
  public static RuntimeException rethrow(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    throw new CompletionException(cause);
  }
}
