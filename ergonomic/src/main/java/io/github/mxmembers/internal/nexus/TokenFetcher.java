package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.internal.pipeline.Call;

/** Where a session's one-time API token comes from: MX's SSO API, within the call, or the user's source. */
@FunctionalInterface
public interface TokenFetcher {
  /** A fresh API token, fetched under the call's deadline and retry budget. */
  String fetch(Call call);
}
