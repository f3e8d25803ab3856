package io.github.mxmembers.bulk;

import io.github.mxmembers.model.CallbackPayload;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.UpdateField;
import java.util.List;
import java.util.Objects;

/**
 * One update of a run, with the key that names it in outcomes and the journal; or, for input that
 * could not be read as an update, the key and what is wrong with it.
 */
public final class BulkItem {
  private final long key;
  private final MemberUpdate update;
  private final String problem;

  private BulkItem(long key, MemberUpdate update, String problem) {
    if (key < 1 || key > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("key must be from 1 to " + Integer.MAX_VALUE + ": " + key);
    }
    this.key = key;
    this.update = update;
    this.problem = problem;
  }

  /**
   * An item.
   *
   * @param key from 1, unique in the run (an item whose key an earlier item of the run has is {@link
   *     BulkOutcome.Kind#INVALID}, not sent and not journaled), the same on a rerun (a line number, say)
   * @param update the update
   * @return the item
   * @throws IllegalArgumentException if the key is under 1 or over {@link Integer#MAX_VALUE}
   */
  public static BulkItem of(long key, MemberUpdate update) {
    return new BulkItem(key, Objects.requireNonNull(update, "update == null"), null);
  }

  /**
   * Input that is no update: its outcome is {@link BulkOutcome.Kind#INVALID}, recorded like any other.
   *
   * @param key as for {@link #of}
   * @param problem what is wrong, such as {@code "use_cases: expected an array of strings"}; it is
   *     written to the journal, so it must hold no value of the input
   * @return the item
   * @throws IllegalArgumentException if the key is under 1 or over {@link Integer#MAX_VALUE}
   */
  public static BulkItem invalid(long key, String problem) {
    return new BulkItem(key, null, Objects.requireNonNull(problem, "problem == null"));
  }

  /** {@return the item's key} */
  public long key() {
    return key;
  }

  /** {@return the update; null for an {@link #invalid} item} */
  public MemberUpdate update() {
    return update;
  }

  /** {@return what is wrong with the input, or null for an update} */
  public String problem() {
    return problem;
  }

  /**
   * The item's whole content (credential values included) under the journal's key: the first 64
   * bits of its HMAC-SHA256. Without the key, nothing about a value can be learnt from it.
   */
  long fingerprint(javax.crypto.Mac mac) {
    String content = update != null ? "update " + identity(update) : "invalid " + problem;
    byte[] digest = mac.doFinal(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.nio.ByteBuffer.wrap(digest, 0, 8).getLong();
  }

  /**
   * Every value of the update, credential values included, as one unambiguous text (each part
   * preceded by its length), the fields in the table's order: what the fingerprint is taken of. A
   * secret: never logged or stored.
   */
  private static String identity(MemberUpdate update) {
    StringBuilder sb = new StringBuilder(128);
    for (UpdateField field : UpdateField.values()) {
      Object value = update.value(field).orElse(null);
      if (value == null) {
        continue;
      }
      part(sb, field.wireName());
      if (value instanceof List) {
        List<?> list = (List<?>) value;
        sb.append('[').append(list.size()).append(']');
        for (Object each : list) {
          if (each instanceof Credential) {
            part(sb, ((Credential) each).guid());
            part(sb, ((Credential) each).value());
          } else {
            part(sb, String.valueOf(each));
          }
        }
      } else if (value instanceof CallbackPayload) {
        part(sb, ((CallbackPayload) value).encoded());
      } else {
        part(sb, String.valueOf(value));
      }
    }
    return sb.toString();
  }

  private static void part(StringBuilder sb, String text) {
    sb.append(text.length()).append(':').append(text);
  }

  /**
   * Who the update is for: two items with the same identity update the same member. Platform
   * members are named within their user; a Nexus member's guid is its own.
   */
  String memberIdentity() {
    return update == null ? null : update.user().orElse("") + "\n" + update.member();
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "BulkItem{key=" + key + ", " + (update != null ? update : "invalid: " + problem) + "}";
  }
}
