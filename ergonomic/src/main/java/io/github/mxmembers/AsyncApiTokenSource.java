package io.github.mxmembers;

import java.util.concurrent.CompletionStage;

/**
 * Supplies one-time MX API tokens to an {@link MxNexusAsyncClient} without blocking: the async
 * counterpart of {@link ApiTokenSource}. Each token is used once; a new one is asked for each time a
 * session is opened. The SDK waits for it no longer than the call's timeout.
 *
 * <p>A blocking source of your own can be adapted on an executor of yours: {@code () ->
 * CompletableFuture.supplyAsync(source::fetchApiToken, executor)}.
 */
@FunctionalInterface
public interface AsyncApiTokenSource {
  /**
   * Starts fetching a token and returns at once; it is called on an SDK thread that must not block.
   *
   * @return completes with a fresh API token, valid for ten minutes and for one session exchange
   */
  CompletionStage<String> fetchApiToken();
}
