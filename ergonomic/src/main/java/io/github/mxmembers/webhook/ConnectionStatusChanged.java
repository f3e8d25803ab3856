package io.github.mxmembers.webhook;

import io.github.mxmembers.internal.webhook.WebhookJson;
import io.github.mxmembers.model.ConnectionStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * MX's Connection Status webhook ({@code type} {@code CONNECTION_STATUS}, {@code action} {@code
 * CHANGED}): a member "enters into an end-user-actionable state": CHALLENGED, DENIED, EXPIRED,
 * IMPAIRED, IMPEDED, LOCKED, PREVENTED or REJECTED (MX's Connection Status webhook page). It never
 * comes for CONNECTED, nor for a failure MX does not list there (FAILED, DEGRADED...): a wait must
 * still read the status. It carries no time and no id, so a re-send cannot be told from a second
 * entry into the same status (a second MFA round): read the member rather than count these.
 */
public final class ConnectionStatusChanged extends WebhookEvent {
  ConnectionStatusChanged(Parts parts) {
    super(Kind.CONNECTION_STATUS, parts);
  }

  /** {@return {@code connection_status} as MX sent it} */
  public Optional<String> connectionStatusAsString() {
    return Optional.ofNullable(text(raw(), "connection_status"));
  }

  /**
   * {@return the status typed, whatever its case; {@link ConnectionStatus#UNKNOWN} for a value this
   * SDK does not know (the raw value is in {@link #connectionStatusAsString()})}
   */
  public Optional<ConnectionStatus> connectionStatus() {
    return connectionStatusAsString().map(s -> ConnectionStatus.fromValue(s.toUpperCase(Locale.ROOT)));
  }

  /** {@return {@code connection_status_id}, MX's integer for the status, sent as a number or a string} */
  public OptionalInt connectionStatusId() {
    return WebhookJson.integer(raw(), "connection_status_id");
  }

  /** {@return {@code connection_status_message}: text MX suggests showing the end user} */
  public Optional<String> message() {
    return Optional.ofNullable(text(raw(), "connection_status_message"));
  }
}
