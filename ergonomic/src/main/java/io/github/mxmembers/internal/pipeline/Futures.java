package io.github.mxmembers.internal.pipeline;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The two things every stage of the pipeline does with a failure: see through the wrapper, and pass it on. */
public final class Futures {
  private Futures() {}

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
