package io.github.mxmembers.internal.bulk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mxmembers.annotations.InternalApi;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * A bulk run's journal: an append-only file of JSON lines, one per finished item (done, failed or
 * invalid), each written and flushed to the operating system before the item counts as finished.
 * A process killed at any moment (even {@code kill -9}) leaves every recorded line whole but perhaps
 * a torn last one, which {@link #open} drops: that item was not finished, and is sent again. Never
 * holds a credential value: an entry has the item's key, a fingerprint of its redacted form, the
 * outcome, status, MX's code and request id.
 *
 * <p>The first line, {@code {"mx_members_journal":1}}, marks the file as one. Thread-safe.
 */
@InternalApi
public final class Journal implements Closeable {
  static final String HEADER = "{\"mx_members_journal\":1}";

  private final Path path;
  private final Writer out;
  private final BitSet finished = new BitSet();
  private final BitSet failed = new BitSet();
  private int[] fingerprints = new int[1024];
  /** The write that failed, once one has: nothing more is recorded. */
  private UncheckedIOException broken;

  private Journal(Path path, Writer out) {
    this.path = path;
    this.out = out;
  }

  /**
   * Opens a journal, reading what an earlier run recorded, or starts one.
   *
   * @throws IllegalArgumentException if the file is not a journal
   * @throws UncheckedIOException if it cannot be read or written
   */
  public static Journal open(Path path) {
    try {
      boolean existing = Files.exists(path) && Files.size(path) > 0;
      if (existing) {
        dropTornLine(path);
      }
      Journal journal =
          new Journal(
              path,
              new BufferedWriter(
                  new OutputStreamWriter(
                      Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                      StandardCharsets.UTF_8)));
      if (existing && Files.size(path) > 0) {
        journal.read();
      } else {
        journal.out.write(HEADER + "\n");
        journal.out.flush();
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("the journal " + path.getFileName() + " cannot be opened: " + e.getMessage(), e);
    }
  }

  /** Cuts the file after its last line break: a line cut short by a crash was never recorded. */
  private static void dropTornLine(Path path) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
      long end = file.length();
      long keep = end;
      while (keep > 0) {
        file.seek(keep - 1);
        if (file.read() == '\n') {
          break;
        }
        keep--;
      }
      if (keep < end) {
        file.setLength(keep);
      }
    }
  }

  private void read() throws IOException {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null || !first.equals(HEADER)) {
        throw new IllegalArgumentException(path.getFileName() + " is not an mx-members journal");
      }
      int number = 1;
      for (String line; (line = in.readLine()) != null; ) {
        number++;
        try {
          JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
          long key = entry.get("key").getAsLong();
          remember(key, entry.get("fp").getAsInt(), !"done".equals(text(entry, "outcome")));
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
          throw new IllegalArgumentException(path.getFileName() + " line " + number + " is not a journal entry");
        }
      }
    }
  }

  private static String text(JsonObject entry, String name) {
    JsonElement value = entry.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private void remember(long key, int fingerprint, boolean wasFailure) {
    int index = index(key);
    finished.set(index);
    failed.set(index, wasFailure);
    if (index >= fingerprints.length) {
      fingerprints = Arrays.copyOf(fingerprints, Math.max(index + 1, fingerprints.length * 2));
    }
    fingerprints[index] = fingerprint;
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
   * @throws IllegalStateException if it finished an item with this key but other content: the
   *     journal belongs to another input
   */
  public synchronized boolean finished(long key, int fingerprint) {
    int index = index(key);
    if (!finished.get(index)) {
      return false;
    }
    if (fingerprints[index] != fingerprint) {
      throw new IllegalStateException(
          "the journal " + path.getFileName() + " recorded item " + key + " with other content: is it the journal of another input?");
    }
    return true;
  }

  /** Whether the earlier run that finished this item recorded a failure. */
  public synchronized boolean failedBefore(long key) {
    return failed.get(index(key));
  }

  /**
   * Records a finished item, flushed before this returns.
   *
   * @throws UncheckedIOException if it cannot be written, now or by an earlier call: then nothing
   *     more is recorded ({@link #failure()})
   */
  public synchronized void record(long key, int fingerprint, JsonObject entry) {
    if (broken != null) {
      throw broken;
    }
    JsonObject line = new JsonObject();
    line.addProperty("key", key);
    line.addProperty("fp", fingerprint);
    for (String name : entry.keySet()) {
      line.add(name, entry.get(name));
    }
    try {
      out.write(line + "\n");
      out.flush();
    } catch (IOException e) {
      broken = new UncheckedIOException("the journal " + path.getFileName() + " cannot be written: " + e.getMessage(), e);
      throw broken;
    }
    remember(key, fingerprint, !"done".equals(text(entry, "outcome")));
  }

  /** {@return the write failure that stopped this journal recording, if one has} */
  public synchronized Optional<UncheckedIOException> failure() {
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
