package io.github.mxmembers;

/** A member's {@code connection_status}, as both MX APIs report it. */
public enum ConnectionStatus {
  CREATED,
  PREVENTED,
  DENIED,
  CHALLENGED,
  REJECTED,
  LOCKED,
  CONNECTED,
  IMPEDED,
  RECONNECTED,
  DEGRADED,
  DISCONNECTED,
  DISCONTINUED,
  CLOSED,
  DELAYED,
  FAILED,
  UPDATED,
  DISABLED,
  IMPORTED,
  RESUMED,
  EXPIRED,
  IMPAIRED,
  PENDING,
  /** A value this SDK version does not know; MX adds values over time. */
  UNKNOWN;

  /** The constant for a wire value; unknown values give {@link #UNKNOWN}, null gives null. */
  public static ConnectionStatus fromValue(String value) {
    if (value == null) {
      return null;
    }
    for (ConnectionStatus status : values()) {
      if (status != UNKNOWN && status.name().equals(value)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
