package io.github.mxmembers.webhook;

import io.github.mxmembers.internal.webhook.WebhookJson;
import io.github.mxmembers.model.CallbackPayload;
import java.util.Optional;

/**
 * The {@code X-CALLBACK-PAYLOAD} header of a webhook: the value an update was sent with ({@link
 * io.github.mxmembers.model.MemberUpdate.Builder#callbackPayload}), which MX returns "in the Member
 * and Member Data Updated webhooks" (MX's {@code xCallback} parameter), as a request header (MX's
 * Members webhook page). Whether MX echoes it byte for byte is not documented, and MX's own example
 * value is a UUID, not base64: so the value is kept as received ({@link #raw()}), and decoded as
 * {@link CallbackPayload} encodes it only where it decodes ({@link #text()}, {@link #bytes()}). A
 * value that does not decode, or is over 1024 characters, is still delivered. Immutable.
 */
public final class EchoedCallbackPayload {
  private final String raw;
  private final byte[] bytes;
  private final String text;

  private EchoedCallbackPayload(String raw) {
    this.raw = raw;
    byte[] decoded = null;
    if (raw.length() <= CallbackPayload.MAX_ENCODED_LENGTH) {
      try {
        decoded = CallbackPayload.decode(raw);
      } catch (IllegalArgumentException notBase64) {
        decoded = null;
      }
    }
    this.bytes = decoded;
    this.text = decoded == null ? null : WebhookJson.utf8(decoded);
  }

  /**
   * The header's value as received.
   *
   * @param raw the value
   * @return the payload
   */
  public static EchoedCallbackPayload of(String raw) {
    return new EchoedCallbackPayload(java.util.Objects.requireNonNull(raw, "raw == null"));
  }

  /** {@return the header's value as MX sent it} */
  public String raw() {
    return raw;
  }

  /** {@return whether the value is standard base64 of at most 1024 characters, as the SDK sends it} */
  public boolean decodes() {
    return bytes != null;
  }

  /** {@return the bytes the update was sent with: the value decoded; empty when it is not base64} */
  public Optional<byte[]> bytes() {
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }

  /**
   * {@return your own text, as {@link CallbackPayload#ofText} took it: the value decoded as base64,
   * then UTF-8; empty when it is not base64 or the bytes are not UTF-8}
   */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** {@return whether {@code o} is an {@code EchoedCallbackPayload} with the same value} */
  @Override
  public boolean equals(Object o) {
    return o instanceof EchoedCallbackPayload && ((EchoedCallbackPayload) o).raw.equals(raw);
  }

  /** {@return a hash of the value} */
  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /** Length only: the payload is your data. */
  @Override
  public String toString() {
    return "EchoedCallbackPayload{" + raw.length() + " chars" + (bytes == null ? ", not base64" : "") + "}";
  }
}
