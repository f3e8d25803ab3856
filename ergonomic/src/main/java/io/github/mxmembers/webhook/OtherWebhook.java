package io.github.mxmembers.webhook;

/**
 * A webhook of a kind this SDK does not type (Accounts, Transactions, Users, a type MX adds...):
 * kept whole, with its raw {@link #type()}, {@link #action()} and {@link #json()}, and delivered like
 * any other. Its member and user guids are read from {@code member_guid} and {@code user_guid} where
 * the body has them at the top level.
 */
public final class OtherWebhook extends WebhookEvent {
  OtherWebhook(Parts parts) {
    super(Kind.OTHER, parts);
  }
}
