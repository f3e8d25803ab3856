package io.github.mxmembers.internal.client;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.RequestPreview;

/**
 * What a sync and an async client of either API have alike, which is all but whether their calls
 * return futures: the core they delegate to, and the calls that return at once.
 */
@InternalApi
public abstract class ClientBase implements AutoCloseable {
  protected final MemberCalls calls;
  private final Class<?> type;

  /**
   * @param settings the builder's settings, copied
   * @param type the public interface the client is, for {@link #toString()}
   */
  ClientBase(ClientSettings settings, Class<?> type) {
    this.calls = new MemberCalls(settings);
    this.type = type;
  }

  public final MxApi api() {
    return calls.api();
  }

  /** {@return the Platform API version the client pins; the Platform clients' {@code apiVersion()}} */
  public final PlatformApiVersion apiVersion() {
    return calls.settings().apiVersion();
  }

  public final RequestPreview preview(MemberUpdate update) {
    return calls.preview(update);
  }

  public final int wakeWaits(String member) {
    return calls.wakeWaits(member);
  }

  @Override
  public final void close() {
    calls.close();
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public final String toString() {
    return type.getSimpleName() + "{" + calls + "}";
  }
}
