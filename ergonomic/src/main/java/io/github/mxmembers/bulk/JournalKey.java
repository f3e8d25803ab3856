package io.github.mxmembers.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a bulk run's journal is keyed with. A journal records, for each finished item, a
 * fingerprint of the item's whole content, credential values included, so that a rerun can refuse
 * an input that differs in any value from the one the journal was written for. A plain hash of a
 * line holding one short password could be reversed by trying passwords; the fingerprint is an
 * HMAC-SHA256 under this key (its first 64 bits), and without the key nothing in the journal can be
 * tested against a guess. The key is never written next to the journal: by default it lives in the
 * user's home ({@value #DEFAULT_FILE}), created on first use, readable by its owner alone where the
 * file system has POSIX permissions. A journal can only be continued with the key it was written
 * with: copy the key file, or name it, on another machine.
 *
 * <p>Immutable and thread-safe; {@link #toString()} shows the key's public id, never the key.
 */
public final class JournalKey {
  /** Where {@link #userDefault()} keeps the key, under {@code user.home}. */
  public static final String DEFAULT_FILE = ".mx-members/journal.key";

  /** The fewest key bytes {@link #of} takes. */
  public static final int MIN_LENGTH = 16;

  private static final int LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private final String id;

  private JournalKey(byte[] key) {
    this.key = key;
    this.id = HexFormat.of().formatHex(mac().doFinal("mx-members journal key id".getBytes(StandardCharsets.US_ASCII)), 0, 8);
  }

  /**
   * The key in {@code ${user.home}/}{@value #DEFAULT_FILE}, made (32 random bytes) if the file is missing.
   *
   * @return the key
   * @throws IllegalStateException if the file cannot be read or made, or holds no key
   */
  public static JournalKey userDefault() {
    return fromFile(Paths.get(System.getProperty("user.home"), DEFAULT_FILE));
  }

  /**
   * The key in this file (64 hex digits), made (32 random bytes, owner-only where the file system
   * allows) if the file is missing.
   *
   * @param file the key file; keep it apart from the journals it keys
   * @return the key
   * @throws IllegalStateException if the file cannot be read or made, or holds no key
   */
  public static JournalKey fromFile(Path file) {
    Objects.requireNonNull(file, "file == null");
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      byte[] key;
      try {
        key = HexFormat.of().parseHex(text);
      } catch (IllegalArgumentException notHex) {
        throw new IllegalStateException("the journal key file " + file + " holds no key (expected 64 hex digits)");
      }
      if (key.length < MIN_LENGTH) {
        throw new IllegalStateException("the journal key file " + file + " holds no key (expected 64 hex digits)");
      }
      return new JournalKey(key);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the journal key file " + file + " cannot be read or made (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * A key from your own secret store.
   *
   * @param key at least {@value #MIN_LENGTH} random bytes; copied
   * @return the key
   * @throws IllegalArgumentException if shorter
   */
  public static JournalKey of(byte[] key) {
    Objects.requireNonNull(key, "key == null");
    if (key.length < MIN_LENGTH) {
      throw new IllegalArgumentException("key must be at least " + MIN_LENGTH + " bytes: " + key.length);
    }
    return new JournalKey(key.clone());
  }

  /** Writes a new key whole (a temporary file moved into place), never over a key another process made first. */
  private static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    byte[] key = new byte[LENGTH];
    new SecureRandom().nextBytes(key);
    Path temporary;
    try {
      temporary = Files.createTempFile(dir, ".journal-key", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException noPosix) {
      temporary = Files.createTempFile(dir, ".journal-key", ".tmp");
    }
    try {
      Files.writeString(temporary, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
      Files.move(temporary, file);
    } catch (FileAlreadyExistsException madeMeanwhile) {
      // another run made it first: that one is the key
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** {@return the key's id: public, the same for the same key, and no help in finding it} */
  String id() {
    return id;
  }

  /** {@return a new HMAC under this key, for one thread} */
  Mac mac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no " + ALGORITHM, e);
    }
  }

  /** {@return whether {@code o} is a {@code JournalKey} with the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof JournalKey && Arrays.equals(key, ((JournalKey) o).key);
  }

  /** {@return a hash of the values, consistent with {@link #equals}} */
  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "JournalKey{id=" + id + "}";
  }
}
