package io.github.mxmembers.model;

import io.github.mxmembers.internal.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The Platform API's {@code X-CALLBACK-PAYLOAD}: a base64 string, at most 1024 characters, that MX
 * echoes back in the Member and Member Data Updated webhooks. Messages give lengths, never content.
 */
public final class CallbackPayload {
  /** MX's limit on the encoded header value, in characters. */
  public static final int MAX_ENCODED_LENGTH = 1024;

  private static final String EMPTY =
      "callbackPayload must not be empty: MX would receive an empty X-CALLBACK-PAYLOAD";

  private final String encoded;

  private CallbackPayload(String encoded) {
    this.encoded = encoded;
  }

  /**
   * Encodes text as UTF-8.
   *
   * @param text the text MX should echo back
   * @return the payload
   * @throws IllegalArgumentException if it is empty, has an unpaired surrogate (UTF-8 cannot carry
   *     it), or is over 1024 characters once encoded
   */
  public static CallbackPayload ofText(String text) {
    Objects.requireNonNull(text, "callbackPayload == null");
    Identifiers.checkEncodable(text, "callbackPayload");
    return ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Encodes bytes.
   *
   * @param bytes the bytes MX should echo back (copied)
   * @return the payload
   * @throws IllegalArgumentException if there are none, or over 1024 characters once encoded
   */
  public static CallbackPayload ofBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "callbackPayload == null");
    if (bytes.length == 0) {
      throw new IllegalArgumentException(EMPTY);
    }
    String encoded = Base64.getEncoder().encodeToString(bytes);
    if (encoded.length() > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException(
          "callbackPayload is "
              + encoded.length()
              + " characters once base64-encoded ("
              + bytes.length
              + " bytes); MX accepts at most "
              + MAX_ENCODED_LENGTH);
    }
    return new CallbackPayload(encoded);
  }

  /**
   * Takes a value that is already base64-encoded, after checking that it is.
   *
   * @param encoded standard base64, as it will be sent
   * @return the payload
   * @throws IllegalArgumentException if it is empty, not standard base64, or over 1024 characters
   */
  public static CallbackPayload ofEncoded(String encoded) {
    Objects.requireNonNull(encoded, "callbackPayload == null");
    if (encoded.isEmpty()) {
      throw new IllegalArgumentException(EMPTY);
    }
    if (encoded.length() > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException(
          "callbackPayload is "
              + encoded.length()
              + " characters; MX accepts at most "
              + MAX_ENCODED_LENGTH);
    }
    decodeOrThrow(encoded);
    return new CallbackPayload(encoded);
  }

  /**
   * Decodes the header value MX echoes back in a webhook into the original bytes.
   *
   * @param echoed the {@code X-CALLBACK-PAYLOAD} value of a webhook
   * @return the bytes the update was sent with
   * @throws IllegalArgumentException if the value is not standard base64
   */
  public static byte[] decode(String echoed) {
    Objects.requireNonNull(echoed, "callbackPayload == null");
    return decodeOrThrow(echoed);
  }

  /**
   * Decodes the header value MX echoes back in a webhook into the original UTF-8 text.
   *
   * @param echoed the {@code X-CALLBACK-PAYLOAD} value of a webhook
   * @return the text the update was sent with
   * @throws IllegalArgumentException if the value is not standard base64
   */
  public static String decodeToString(String echoed) {
    return new String(decode(echoed), StandardCharsets.UTF_8);
  }

  private static byte[] decodeOrThrow(String encoded) {
    if (encoded.length() % 4 != 0) {
      throw new IllegalArgumentException(
          "callbackPayload is not base64: its length " + encoded.length() + " is not a multiple of 4");
    }
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      // the JDK's message quotes the offending character; keep the content out of ours
      throw new IllegalArgumentException(
          "callbackPayload is not base64 (" + encoded.length() + " characters)", null);
    }
  }

  /** {@return the header value: base64 text} */
  public String encoded() {
    return encoded;
  }

  /** {@return the original bytes, decoded anew on each call} */
  public byte[] bytes() {
    return Base64.getDecoder().decode(encoded);
  }

  /** {@return whether {@code o} is a {@code CallbackPayload} with the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof CallbackPayload && ((CallbackPayload) o).encoded.equals(encoded);
  }

  /** {@return a hash of the values, consistent with {@link #equals}} */
  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  /** Length only: the payload is the caller's data. */
  @Override
  public String toString() {
    return "CallbackPayload{" + encoded.length() + " chars}";
  }
}
