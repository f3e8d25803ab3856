package io.github.mxmembers.webhook;

import io.github.mxmembers.MxAsyncClient;
import io.github.mxmembers.MxClient;
import java.util.Objects;

/**
 * Hears the webhooks a {@link WebhookReceiver} accepted, each once, on the receiver's listener
 * thread (or your executor), never on MX's request. One that throws is logged at WARN (the event's
 * kind, member and key; never its body) and counted ({@link WebhookReceiver.Stats#listenerFailures()}):
 * MX was answered 204 already and will not send it again, so a listener that must not lose an event
 * stores it before it does anything that may fail.
 */
@FunctionalInterface
public interface WebhookListener {
  /**
   * One webhook, verified and read.
   *
   * @param event the event
   */
  void onEvent(WebhookEvent event);

  /**
   * Wakes the client's waits on the member a webhook names ({@link MxClient#wakeWaits}), so that they
   * read its status at once rather than at their next poll, MX's 3 s between two reads still kept.
   *
   * @param client the client whose waits to wake
   * @return the listener
   */
  static WebhookListener wakeWaits(MxClient client) {
    Objects.requireNonNull(client, "client == null");
    return event -> event.memberGuid().ifPresent(client::wakeWaits);
  }

  /**
   * Wakes the async client's waits on the member a webhook names ({@link MxAsyncClient#wakeWaits}).
   *
   * @param client the client whose waits to wake
   * @return the listener
   */
  static WebhookListener wakeWaits(MxAsyncClient client) {
    Objects.requireNonNull(client, "client == null");
    return event -> event.memberGuid().ifPresent(client::wakeWaits);
  }
}
