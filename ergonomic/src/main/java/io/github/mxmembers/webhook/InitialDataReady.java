package io.github.mxmembers.webhook;

import java.util.Optional;

/**
 * MX's Initial Data Ready webhook ({@code type} {@code initial_data_ready}, Platform API v20250224):
 * "some initial data you requested has aggregated and is ready for retrieval". The one member webhook
 * with its own id ({@link #webhookGuid()}), which is its {@linkplain #deduplicationKey() key}.
 */
public final class InitialDataReady extends WebhookEvent {
  InitialDataReady(Parts parts) {
    super(Kind.INITIAL_DATA_READY, parts);
  }

  /** {@return {@code guid}: "the unique identifier for the webhook"} */
  public Optional<String> webhookGuid() {
    return Optional.ofNullable(text(raw(), "guid"));
  }

  /** {@return {@code client_guid}: your MX client} */
  public Optional<String> clientGuid() {
    return Optional.ofNullable(text(raw(), "client_guid"));
  }
}
