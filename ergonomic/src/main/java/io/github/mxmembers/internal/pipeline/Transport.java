package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.AttemptTimer;
import io.github.mxmembers.internal.transport.HttpTransport;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.transport.RawResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;

/**
 * Sends one attempt: over HttpClient's classic client on the calling thread ({@link #blocking}), or
 * over its async client ({@code AsyncHttpTransport::send}), holding no thread. The one difference
 * between a sync and an async client's path to MX, with {@link Waiter}.
 */
@FunctionalInterface
@InternalApi
public interface Transport {
  /** {@return completes with the response, or fails with the IOException of an attempt that got none} */
  CompletableFuture<RawResponse> send(PreparedRequest request, RequestConfig config, AttemptTimer timer, Header[] extra);

  /** Sends on the calling thread: the future is complete when this returns. */
  static Transport blocking(HttpTransport http) {
    return (request, config, timer, extra) -> {
      try {
        return CompletableFuture.completedFuture(http.send(request, config, timer, extra));
      } catch (IOException failure) {
        return CompletableFuture.failedFuture(failure);
      }
    };
  }
}
