package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.pipeline.Call;
import java.util.concurrent.CompletableFuture;

/** Where a session's one-time API token comes from: MX's SSO API, within the call, or the user's source. */
@FunctionalInterface
@InternalApi
public interface TokenFetcher {
  /** {@return a fresh API token, fetched under the call's deadline and retry budget} */
  CompletableFuture<String> fetch(Call call);
}
