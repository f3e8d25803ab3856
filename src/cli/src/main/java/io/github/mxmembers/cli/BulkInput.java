package io.github.mxmembers.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mxmembers.bulk.BulkItem;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.UpdateField;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A bulk run's input, read one line at a time (memory stays flat however long the file is): JSON
 * Lines, one object per line with {@link MemberUpdate}'s fields, or CSV with a header row and the
 * plain fields (no credentials). Each line becomes an item keyed by its line number; a line that is
 * no update becomes an invalid item saying why, in words of this tool's, never quoting the line.
 * Empty lines are skipped.
 */
final class BulkInput implements Iterator<BulkItem>, Closeable {
  enum Format {
    JSONL,
    CSV
  }

  /** The fields a JSON line may have: {@code api}, then the SDK's table of update fields; CSV has them all but credentials. */
  static final List<String> FIELDS = fields();

  private static List<String> fields() {
    List<String> names = new ArrayList<>();
    names.add("api");
    for (UpdateField field : UpdateField.values()) {
      names.add(field.wireName());
    }
    return List.copyOf(names);
  }

  /**
   * The longest line taken, in characters: a member update is about 1 KB, so a longer line is no
   * update, and reading it whole could take the heap. A real run refuses an input with one before
   * sending anything; a dry run lists it as a bad line.
   */
  static final int MAX_LINE = 64 * 1024;

  private final LineReader in;
  private final Format format;
  private final String api;
  private List<String> columns;
  private long number;
  private BulkItem next;

  /**
   * @param api the run's API, {@code "platform"} or {@code "nexus"}: a line naming the other is invalid
   * @throws IllegalArgumentException if a CSV header names a column this tool does not take
   */
  private BulkInput(LineReader in, Format format, String api) {
    this.in = in;
    this.format = format;
    this.api = api;
    if (format == Format.CSV) {
      readHeader();
    }
  }

  /** Opens a file, strictly UTF-8: bytes that are not end the input with an error naming the line. */
  static BulkInput open(Path path, Format format, String api) {
    try {
      return new BulkInput(
          new LineReader(
              new InputStreamReader(
                  Files.newInputStream(path),
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT))),
          format,
          api);
    } catch (IOException e) {
      throw new IllegalArgumentException("the input file cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The format a file's name says: {@code .jsonl} is JSON Lines, {@code .csv} CSV (any case).
   *
   * @throws IllegalArgumentException for any other name: then {@code --format} says
   */
  static Format formatOf(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl")) {
      return Format.JSONL;
    }
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    throw new IllegalArgumentException(
        "INPUT: its name ends in neither .jsonl nor .csv, so its format is not known: give --format jsonl or --format csv");
  }

  private void readHeader() {
    String header = readLine();
    if (header == null) {
      throw new IllegalArgumentException("the CSV input has no header row");
    }
    if (header == LineReader.TOO_LONG) {
      throw new IllegalArgumentException("CSV line 1: the header is over " + MAX_LINE + " characters");
    }
    columns = new ArrayList<>();
    List<String> names = Csv.split(header);
    if (names == null) {
      throw new IllegalArgumentException("CSV line 1: a quoted field runs past the end of the line");
    }
    for (String name : names) {
      String column = name.trim().toLowerCase(Locale.ROOT);
      if (column.equals(UpdateField.CREDENTIALS.wireName())) {
        throw new IllegalArgumentException("CSV takes no credentials: put credential updates in JSON Lines");
      }
      if (!FIELDS.contains(column)) {
        throw new IllegalArgumentException(
            "CSV line 1: a column this tool does not take (the columns are: " + String.join(", ", csvColumns()) + ")");
      }
      if (columns.contains(column)) {
        throw new IllegalArgumentException("CSV line 1: a column is named twice");
      }
      columns.add(column);
    }
  }

  private static List<String> csvColumns() {
    List<String> names = new ArrayList<>(FIELDS);
    names.remove(UpdateField.CREDENTIALS.wireName());
    return names;
  }

  /** The next line (a byte-order mark before the first taken off), or {@link LineReader#TOO_LONG}. */
  private String readLine() {
    try {
      String line = in.readLine(MAX_LINE);
      if (line != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // spreadsheets save UTF-8 with a byte-order mark
        }
      }
      return line;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("line " + (number + 1) + " of the input is not UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("the input cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      String line = readLine();
      if (line == null) {
        return false;
      }
      if (line == LineReader.TOO_LONG) {
        next = BulkItem.invalid(number, "the line is over " + MAX_LINE + " characters (a member update is about 1 KB)");
      } else if (!line.isBlank()) {
        next = parse(number, line);
      }
    }
    return true;
  }

  @Override
  public BulkItem next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    BulkItem item = next;
    next = null;
    return item;
  }

  private BulkItem parse(long line, String text) {
    try {
      MemberUpdate update = format == Format.JSONL ? fromJson(text) : fromCsv(text);
      return BulkItem.of(line, update);
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException bad) {
      return BulkItem.invalid(line, bad.getMessage());
    }
  }

  private MemberUpdate fromJson(String text) {
    JsonObject object;
    try {
      JsonElement element = JsonParser.parseString(text);
      if (!element.isJsonObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      object = element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    MemberUpdate.Builder update = MemberUpdate.builder();
    for (String name : object.keySet()) {
      JsonElement value = object.get(name);
      if (name.equals("api")) {
        checkApi(string(value, name));
        continue;
      }
      UpdateField field = UpdateField.fromWireName(name);
      if (field == null) {
        // never the name itself: a broken line may have put a value where a name goes
        throw new IllegalArgumentException("a field this tool does not take (the fields are: " + String.join(", ", FIELDS) + ")");
      }
      switch (field.kind()) {
        case CREDENTIALS:
          credentials(value, update);
          break;
        case USE_CASES:
          if (!value.isJsonArray()) {
            throw new IllegalArgumentException(name + ": expected an array of strings");
          }
          List<String> names = new ArrayList<>();
          for (JsonElement each : value.getAsJsonArray()) {
            names.add(string(each, name));
          }
          field.setText(update, String.join(";", names));
          break;
        case BOOLEAN:
          field.setText(update, String.valueOf(bool(value, name)));
          break;
        default:
          field.setText(update, string(value, name));
      }
    }
    return update.build();
  }

  private static void credentials(JsonElement value, MemberUpdate.Builder update) {
    if (!value.isJsonArray()) {
      throw new IllegalArgumentException("credentials: expected an array of {\"guid\", \"value\"} objects");
    }
    JsonArray credentials = value.getAsJsonArray();
    for (int i = 0; i < credentials.size(); i++) {
      JsonElement each = credentials.get(i);
      if (!each.isJsonObject()) {
        throw new IllegalArgumentException("credentials[" + i + "]: expected a {\"guid\", \"value\"} object");
      }
      JsonObject credential = each.getAsJsonObject();
      if (!credential.has("value")) {
        throw new IllegalArgumentException(
            "credentials[" + i + "]: no value (a rejects file never holds credential values: add it back)");
      }
      try {
        update.credential(
            string(credential.get("guid"), "credentials[" + i + "].guid"),
            string(credential.get("value"), "credentials[" + i + "].value"));
      } catch (IllegalArgumentException e) {
        if (e.getMessage().startsWith("credentials[")) {
          throw e;
        }
        // the SDK's words for a bad guid or value, which name neither
        throw new IllegalArgumentException("credentials[" + i + "]: " + e.getMessage());
      }
    }
  }

  private MemberUpdate fromCsv(String text) {
    List<String> cells = Csv.split(text);
    if (cells == null) {
      throw new IllegalArgumentException("a quoted field runs past the end of the line (line breaks inside a field are not taken)");
    }
    if (cells.size() != columns.size()) {
      throw new IllegalArgumentException("expected " + columns.size() + " fields, as the header has, not " + cells.size());
    }
    MemberUpdate.Builder update = MemberUpdate.builder();
    for (int i = 0; i < cells.size(); i++) {
      String name = columns.get(i);
      String cell = cells.get(i);
      if (cell.isEmpty()) {
        continue;
      }
      if (name.equals("api")) {
        checkApi(cell);
      } else {
        UpdateField.fromWireName(name).setText(update, cell);
      }
    }
    return update.build();
  }

  private void checkApi(String value) {
    if (!api.equalsIgnoreCase(value)) {
      throw new IllegalArgumentException("api: this run updates the " + api + " API (--api)");
    }
  }

  private static String string(JsonElement value, String name) {
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException(name + ": expected a string");
    }
    return value.getAsString();
  }

  private static boolean bool(JsonElement value, String name) {
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw new IllegalArgumentException(name + ": expected true or false");
    }
    return value.getAsBoolean();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // read-only
    }
  }

  /**
   * The given line as a rejects file holds it: for JSON Lines, every {@code value} inside an array
   * or object removed, whatever field holds it (a misspelled {@code credential} as well as {@code
   * credentials}), so that no credential value is ever written; a line that is not JSON is left out.
   */
  static String withoutSecrets(String line, Format format) {
    if (format == Format.CSV) {
      return line; // CSV takes no credentials (refused at its header)
    }
    try {
      JsonObject object = JsonParser.parseString(line).getAsJsonObject();
      for (java.util.Map.Entry<String, JsonElement> field : object.entrySet()) {
        removeValues(field.getValue());
      }
      return object.toString();
    } catch (RuntimeException notJson) {
      // a line that is no JSON may hold anything: kept out, its number is in the report
      return null;
    }
  }

  private static void removeValues(JsonElement element) {
    if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(BulkInput::removeValues);
    } else if (element.isJsonObject()) {
      element.getAsJsonObject().remove("value");
      element.getAsJsonObject().entrySet().forEach(field -> removeValues(field.getValue()));
    }
  }

  /**
   * Reads lines of at most a given length from a reader, 64 K characters at a time: a longer line is
   * passed over without being kept. Ends lines at LF, CRLF or CR, as {@link BufferedReader} does.
   */
  static final class LineReader implements Closeable {
    /** Stands for a line over the limit: compare by identity. */
    static final String TOO_LONG = new String("(too long)");

    private final java.io.Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private boolean skipLf;

    LineReader(java.io.Reader in) {
      this.in = in;
    }

    /** {@return the next line, {@link #TOO_LONG} for one over {@code max} characters, or null at the end} */
    String readLine(int max) throws IOException {
      StringBuilder line = null;
      boolean tooLong = false;
      while (true) {
        if (position >= limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (line == null && !tooLong) {
              return null;
            }
            return tooLong ? TOO_LONG : line.toString();
          }
        }
        if (skipLf) {
          skipLf = false;
          if (buffer[position] == '\n') {
            position++;
            continue;
          }
        }
        int start = position;
        while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
          position++;
        }
        if (!tooLong) {
          if (line == null) {
            line = new StringBuilder(Math.min(position - start + 16, max + 1));
          }
          if (line.length() + (position - start) > max) {
            tooLong = true;
            line = null;
          } else {
            line.append(buffer, start, position - start);
          }
        }
        if (position < limit) {
          skipLf = buffer[position] == '\r';
          position++;
          if (tooLong) {
            return TOO_LONG;
          }
          return line.toString();
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Splits one CSV line (RFC 4180: commas, double quotes, doubled quotes inside them). */
  static final class Csv {
    private Csv() {}

    /** The fields, or null when a quoted field does not end on this line. */
    static List<String> split(String line) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      if (quoted) {
        return null;
      }
      fields.add(field.toString());
      return fields;
    }
  }
}
