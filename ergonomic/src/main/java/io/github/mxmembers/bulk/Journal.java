package io.github.mxmembers.bulk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bulk run's journal: an append-only file of JSON lines, one per finished item (done, failed or
 * invalid), each written and flushed to the operating system before the item counts as finished.
 * A process killed at any moment (even {@code kill -9}) leaves every recorded line whole but perhaps
 * a torn last one, which {@link #open} drops: that item was not finished, and is sent again. Never
 * holds a credential value: an entry has the item's key, a keyed fingerprint of its whole content,
 * the outcome, status, MX's code and request id.
 *
 * <p>The first line, {@code {"mx_members_journal":2,"key":ID,"input":ID}}, marks the file as one and
 * says which journal key its fingerprints are under and, when the caller named it, which input it
 * was written for. It is written whole (a temporary file moved into place), so no crash tears it: a
 * file whose first line is not such a header, or that is not UTF-8 text, or has a bad line before
 * its last, is refused and left as it is. Thread-safe.
 */
final class Journal implements Closeable {
  static final int VERSION = 2;

  private final Path path;
  private final Writer out;
  private final BitSet finished = new BitSet();
  private long[] fingerprints = new long[1024];
  /** Per key, the index in {@code reasons} of the failure recorded, or 0 for done (1 byte a key). */
  private byte[] reasonOf = new byte[1024];
  /**
   * The reasons recorded (an HTTP status, "transport", "invalid", ...): few, so each is kept once;
   * index 0 is done, and 1 "failed", which also stands for any reason past the 256 a byte can index.
   */
  private final List<String> reasons = new ArrayList<>(List.of("", FAILED));

  private static final String FAILED = "failed";
  /** The write that failed, once one has: nothing more is recorded. */
  private Failure broken;

  private Journal(Path path, Writer out) {
    this.path = path;
    this.out = out;
  }

  /** Why a journal cannot be used; the SDK turns it into its public exception. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Opens a journal, reading what an earlier run recorded, or starts one.
   *
   * @param keyId the public id of the key the run's fingerprints are under
   * @param inputId the id of the run's whole input, or null when the caller gave none
   * @param restart start the file over, whatever it holds
   * @throws Failure if the file is not a journal of this key and input, or cannot be read or written
   */
  static Journal open(Path path, String keyId, String inputId, boolean restart) {
    Objects.requireNonNull(keyId, "keyId == null");
    String name = String.valueOf(path.getFileName());
    try {
      boolean regular = !Files.exists(path) || Files.isRegularFile(path);
      long whole = 0;
      boolean existing = !restart && regular && Files.exists(path) && Files.size(path) > 0;
      if (!existing && regular) {
        create(path, header(keyId, inputId));
      } else if (existing) {
        long header = checkHeader(path, name, keyId, inputId);
        whole = wholeLines(path, header);
      }
      Journal journal =
          new Journal(
              path,
              new BufferedWriter(
                  new OutputStreamWriter(
                      Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                      StandardCharsets.UTF_8)));
      if (!regular) {
        // a pipe or a device: written as it is, from its header on
        journal.record(header(keyId, inputId));
      } else if (existing) {
        try {
          journal.read(name, whole);
          dropTornLine(path, whole);
        } catch (RuntimeException | IOException e) {
          journal.close();
          throw e;
        }
      }
      return journal;
    } catch (IOException e) {
      throw new Failure("the journal " + name + " cannot be opened (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  static String header(String keyId, String inputId) {
    JsonObject header = new JsonObject();
    header.addProperty("mx_members_journal", VERSION);
    header.addProperty("key", keyId);
    if (inputId != null) {
      header.addProperty("input", inputId);
    }
    return header.toString();
  }

  /** The header, written whole: to a temporary file beside the journal, then moved over it. */
  private static void create(Path path, String header) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, header + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Checks the first line is a whole header for this key and input.
   *
   * @return the length of the header line, line break included
   */
  private static long checkHeader(Path path, String name, String keyId, String inputId) throws IOException {
    byte[] first = new byte[4096];
    int length;
    try (java.io.InputStream in = Files.newInputStream(path)) {
      length = in.readNBytes(first, 0, first.length);
    }
    int end = -1;
    for (int i = 0; i < length; i++) {
      if (first[i] == '\n') {
        end = i;
        break;
      }
    }
    String notOne = "the journal " + name + " is not an mx-members journal (its first line is not a journal's header)";
    if (end < 0) {
      throw new Failure(notOne + "; it was left as it is", null);
    }
    JsonObject header;
    try {
      String line =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(first, 0, end))
              .toString();
      header = JsonParser.parseString(line).getAsJsonObject();
    } catch (CharacterCodingException | JsonParseException | IllegalStateException e) {
      throw new Failure(notOne + "; it was left as it is", null);
    }
    JsonElement version = header.get("mx_members_journal");
    if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()) {
      throw new Failure(notOne + "; it was left as it is", null);
    }
    if (version.getAsInt() != VERSION) {
      throw new Failure(
          "the journal "
              + name
              + " is in format "
              + version.getAsString()
              + ", which this mx-members does not continue (format 1 could not tell credential values apart):"
              + " finish it with the version that wrote it, or start over (restart)",
          null);
    }
    if (!keyId.equals(text(header, "key"))) {
      throw new Failure(
          "the journal " + name + " was written under another journal key: use the key file it was written with, or start over (restart)",
          null);
    }
    if (!Objects.equals(inputId, text(header, "input"))) {
      throw new Failure(
          "the journal "
              + name
              + " was written for another input: this input differs from that one (in any line, value or order),"
              + " so the journal cannot say what of it was done; start over (restart) to send every line of this one",
          null);
    }
    return end + 1L;
  }

  /** {@return the length of the file up to its last line break: a line cut short by a crash after it was never recorded} */
  private static long wholeLines(Path path, long header) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
      long keep = file.length();
      while (keep > header) {
        file.seek(keep - 1);
        if (file.read() == '\n') {
          break;
        }
        keep--;
      }
      return keep;
    }
  }

  /** Cuts the torn line off, once the rest has been read. */
  private static void dropTornLine(Path path, long whole) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
      if (whole < file.length()) {
        file.setLength(whole);
      }
    }
  }

  /** Reads the entries in the first {@code whole} bytes. */
  private void read(String name, long whole) throws IOException {
    java.io.InputStream file = Files.newInputStream(path);
    java.io.InputStream limited =
        new java.io.FilterInputStream(file) {
          private long left = whole;

          @Override
          public int read() throws IOException {
            if (left <= 0) {
              return -1;
            }
            int b = super.read();
            if (b >= 0) {
              left--;
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
              return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
              left -= n;
            }
            return n;
          }
        };
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                limited,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      in.readLine(); // the header, checked
      int number = 1;
      for (String line; (line = in.readLine()) != null; ) {
        number++;
        try {
          JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
          long key = entry.get("key").getAsLong();
          long fingerprint = Long.parseUnsignedLong(entry.get("fp").getAsString(), 16);
          remember(key, fingerprint, reasonOf(entry));
        } catch (JsonParseException
            | IllegalStateException
            | NullPointerException
            | UnsupportedOperationException
            | NumberFormatException e) {
          throw new Failure("the journal " + name + " line " + number + " is not a journal entry; it was left as it is", null);
        }
      }
    } catch (CharacterCodingException e) {
      throw new Failure("the journal " + name + " is not an mx-members journal (it is not UTF-8 text); it was left as it is", null);
    }
  }

  private static String text(JsonObject entry, String name) {
    JsonElement value = entry.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }

  private void remember(long key, long fingerprint, String reason) {
    int index = index(key);
    finished.set(index);
    if (index >= fingerprints.length) {
      int length = Math.max(index + 1, fingerprints.length * 2);
      fingerprints = Arrays.copyOf(fingerprints, length);
      reasonOf = Arrays.copyOf(reasonOf, length);
    }
    fingerprints[index] = fingerprint;
    int reasonIndex = 0;
    if (reason != null) {
      reasonIndex = reasons.indexOf(reason);
      if (reasonIndex < 0 && reasons.size() < 256) {
        reasons.add(reason);
        reasonIndex = reasons.size() - 1;
      } else if (reasonIndex < 0) {
        reasonIndex = 1;
      }
    }
    reasonOf[index] = (byte) reasonIndex;
  }

  private static int index(long key) {
    if (key < 1 || key > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a bulk item's key is from 1 to " + Integer.MAX_VALUE + ": " + key);
    }
    return (int) key;
  }

  /**
   * Whether an earlier run finished this item.
   *
   * @throws Failure if it finished an item with this key but other content: the journal belongs to
   *     another input
   */
  synchronized boolean finished(long key, long fingerprint) {
    int index = index(key);
    if (!finished.get(index)) {
      return false;
    }
    if (fingerprints[index] != fingerprint) {
      throw new Failure(
          "the journal "
              + path.getFileName()
              + " recorded item "
              + key
              + " with other content: it was written for another input; start over (restart) to send every item of this one",
          null);
    }
    return true;
  }

  /** Whether the earlier run that finished this item recorded a failure. */
  synchronized boolean failedBefore(long key) {
    return reasonIndex(index(key)) != 0;
  }

  /** {@return the reason of the failure an earlier run recorded for this item, or null if it was done} */
  synchronized String reasonBefore(long key) {
    int reason = reasonIndex(index(key));
    return reason == 0 ? null : reasons.get(reason);
  }

  private int reasonIndex(int index) {
    return index < reasonOf.length ? reasonOf[index] & 0xff : 0;
  }

  /**
   * Records a finished item, flushed before this returns.
   *
   * @throws Failure if it cannot be written, now or by an earlier call: then nothing more is
   *     recorded ({@link #failure()})
   */
  synchronized void record(long key, long fingerprint, JsonObject entry) {
    if (broken != null) {
      throw broken;
    }
    JsonObject line = new JsonObject();
    line.addProperty("key", key);
    line.addProperty("fp", hex(fingerprint));
    for (String name : entry.keySet()) {
      line.add(name, entry.get(name));
    }
    try {
      out.write(line + "\n");
      out.flush();
    } catch (IOException e) {
      broken = new Failure("the journal " + path.getFileName() + " cannot be written (" + e.getClass().getSimpleName() + ")", e);
      throw broken;
    }
    remember(key, fingerprint, reasonOf(entry));
  }

  /** The failure's reason, "failed" when an entry has none, or null for done. */
  private static String reasonOf(JsonObject entry) {
    if ("done".equals(text(entry, "outcome"))) {
      return null;
    }
    String reason = text(entry, "reason");
    return reason != null ? reason : FAILED;
  }

  private synchronized void record(String header) {
    try {
      out.write(header + "\n");
      out.flush();
    } catch (IOException e) {
      close();
      throw new Failure("the journal " + path.getFileName() + " cannot be written (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  static String hex(long fingerprint) {
    return HexFormat.of().toHexDigits(fingerprint);
  }

  /** {@return the write failure that stopped this journal recording, if one has} */
  synchronized Optional<Failure> failure() {
    return Optional.ofNullable(broken);
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // every entry was flushed when it was recorded
    }
  }
}
