package io.github.mxmembers;

import io.github.mxmembers.internal.client.ClientSettings;
import io.github.mxmembers.internal.client.DefaultClientBuilder;
import io.github.mxmembers.internal.nexus.NexusAuth;
import io.github.mxmembers.internal.platform.PlatformAuth;
import io.github.mxmembers.internal.transport.AsyncHttpTransport;

/** What the tests read of a builder the SDK made, through its internal implementation. */
final class Internals {
  private Internals() {}

  static ClientSettings settings(MxClientBuilder<?> builder) {
    return ((DefaultClientBuilder<?, ?>) builder).settings();
  }

  static PlatformAuth platformAuth(PlatformClientBuilder<?> builder) {
    return (PlatformAuth) settings(builder).api();
  }

  static NexusAuth nexusAuth(NexusClientBuilder<?> builder) {
    return (NexusAuth) settings(builder).api();
  }

  /** Tests only: hears the point where each attempt of an async client is handed its connection. */
  static <B extends MxAsyncClientBuilder<B>> B writeObserver(B builder, AsyncHttpTransport.WriteObserver observer) {
    ((DefaultClientBuilder<?, ?>) builder).writeObserver(observer);
    return builder;
  }
}
