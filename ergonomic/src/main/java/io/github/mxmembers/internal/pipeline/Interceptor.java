package io.github.mxmembers.internal.pipeline;

import java.io.IOException;

/**
 * One step of the pipeline: it may change the request, proceed down the chain (once, several times, or
 * not at all) and look at or replace the response. The last step sends the attempt.
 */
@FunctionalInterface
public interface Interceptor {
  /**
   * @throws IOException when no response came back; the pipeline turns it into an {@code
   *     MxTransportException}
   */
  Response intercept(Chain chain) throws IOException;

  /** The rest of the pipeline, as one step sees it. */
  interface Chain {
    Call call();

    Outgoing request();

    /** Hands the request to the next step. */
    Response proceed(Outgoing request) throws IOException;
  }
}
