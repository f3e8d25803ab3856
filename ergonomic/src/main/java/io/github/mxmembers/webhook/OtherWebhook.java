package io.github.mxmembers.webhook;

import java.util.Optional;

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

  @Override
  public Optional<String> memberGuid() {
    return Optional.ofNullable(text(raw(), "member_guid"));
  }

  @Override
  public Optional<String> userGuid() {
    return Optional.ofNullable(text(raw(), "user_guid"));
  }
}
