package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.annotations.InternalApi;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.core5.http.Header;

/** One Nexus session: its token header and when it was last used (its lifetime slides). */
@InternalApi
public final class Session {
  private final Header header;
  private volatile Instant lastUsed;

  Session(Header header, Instant openedAt) {
    this.header = header;
    this.lastUsed = openedAt;
  }

  /** The {@code MD-SESSION-TOKEN} header. */
  public Header header() {
    return header;
  }

  /** Every call restarts the session's 30 minutes. */
  void usedAt(Instant when) {
    if (when.isAfter(lastUsed)) {
      lastUsed = when;
    }
  }

  boolean lapsesWithin(Duration margin, Duration lifetime, Instant now) {
    return !now.plus(margin).isBefore(lastUsed.plus(lifetime));
  }

  @Override
  public String toString() {
    return "Session{token=****, lastUsed=" + lastUsed + "}";
  }
}
