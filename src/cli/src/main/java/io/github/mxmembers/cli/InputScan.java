package io.github.mxmembers.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * One pass over a bulk input before anything is sent: its lines, the first one over {@link
 * BulkInput#MAX_LINE} characters, and the SHA-256 of its format and bytes (the journal's key turns
 * it into the input's id, so that a rerun with any other input is refused). Reads 64 KB at a time
 * and keeps nothing of the input.
 */
final class InputScan {
  final long lines;
  /** The number of the first line over the cap, or 0. */
  final long firstTooLong;
  final byte[] digest;

  private InputScan(long lines, long firstTooLong, byte[] digest) {
    this.lines = lines;
    this.firstTooLong = firstTooLong;
    this.digest = digest;
  }

  /**
   * @throws IllegalArgumentException if the file cannot be read (no I/O message: it may quote a path only)
   */
  static InputScan of(Path path, BulkInput.Format format) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
    sha256.update((format.name().toLowerCase(Locale.ROOT) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    long lines = 0;
    long firstTooLong = 0;
    long characters = 0;
    boolean open = false;
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            lines++;
            characters = 0;
            open = false;
          } else {
            open = true;
            // a character is each byte that does not continue a UTF-8 sequence
            if ((b & 0xC0) != 0x80 && b != '\r' && ++characters > BulkInput.MAX_LINE && firstTooLong == 0) {
              firstTooLong = lines + 1;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("INPUT: the input file cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return new InputScan(open ? lines + 1 : lines, firstTooLong, sha256.digest());
  }
}
