package io.github.mxmembers.cli;

import io.github.mxmembers.model.Credential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads credential values so that every byte reaches MX as given, and says what is wrong without
 * ever repeating a guid or a value (either may be a secret typed in the wrong place).
 *
 * <p>The line format of {@code --credentials-stdin} and {@code --credentials-file}: one credential
 * per line, {@code GUID=VALUE}. The guid is everything before the first {@code =}; the value is
 * everything after it to the end of the line, spaces, tabs, quotes and further {@code =} included.
 * Lines end with LF or CRLF (the CR is not part of the value). Empty lines are skipped. The input
 * must be UTF-8. A value cannot hold a line break.
 */
final class CredentialInput {
  private CredentialInput() {}

  /**
   * The most bytes read from standard input or a file of credentials or answers: they are a few lines,
   * and more is a mistake (the wrong file), refused rather than read into memory.
   */
  static final int MAX_INPUT = 1024 * 1024;

  /**
   * Credentials from the lines of {@code input}; {@code source} names it in messages. A guid given on
   * two lines is refused, naming the lines, never the guid.
   */
  static List<Credential> lines(byte[] input, String source) {
    return lines(input, source, key -> true);
  }

  /**
   * {@link #lines(byte[], String)}, with the keys that may be given on several lines: MFA answers by
   * position ({@code 1=VALUE}), one per round of challenges.
   */
  static List<Credential> lines(byte[] input, String source, java.util.function.Predicate<String> unique) {
    String text = utf8(input, source);
    List<Credential> credentials = new ArrayList<>();
    Map<String, Integer> seen = new java.util.HashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isEmpty()) {
        continue;
      }
      Credential credential = pair(line, source + " line " + (i + 1));
      Integer before = seen.put(credential.guid(), i + 1);
      if (before != null && unique.test(credential.guid())) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": the same guid as line " + before + "; give each once");
      }
      credentials.add(credential);
    }
    return credentials;
  }

  /** One {@code GUID=VALUE}; {@code where} names it in messages, such as {@code --credential #2}. */
  static Credential pair(String pair, String where) {
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(where + ": expected GUID=VALUE");
    }
    return credential(pair.substring(0, eq), pair.substring(eq + 1), where);
  }

  /** {@code --credential-env GUID=VARIABLE}: the value is the variable's. */
  static Credential fromEnvironment(String pair, String where, Map<String, String> env) {
    int eq = pair.indexOf('=');
    if (eq <= 0 || eq == pair.length() - 1) {
      throw new IllegalArgumentException(where + ": expected GUID=VARIABLE");
    }
    String value = env.get(pair.substring(eq + 1));
    if (value == null) {
      throw new IllegalArgumentException(where + ": the environment variable is not set");
    }
    return credential(pair.substring(0, eq), value, where);
  }

  static byte[] read(InputStream in) {
    return read(in, "--credentials-stdin");
  }

  /** Standard input, at most {@link #MAX_INPUT} bytes: more is refused without being read. */
  static byte[] read(InputStream in, String option) {
    try {
      byte[] input = in.readNBytes(MAX_INPUT + 1);
      if (input.length > MAX_INPUT) {
        throw new IllegalArgumentException(option + ": over " + MAX_INPUT + " bytes; it should hold a few GUID=VALUE lines");
      }
      return input;
    } catch (IOException e) {
      throw new IllegalArgumentException(option + ": standard input could not be read", e);
    }
  }

  /**
   * The bytes of a credentials file, refused (as ssh refuses a private key) when group or others may
   * read it. File systems without POSIX permissions (Windows) are not checked. Messages do not show
 * the path: a misplaced argument may have put a secret there.
   */
  static byte[] readFile(Path file) {
    return readFile(file, "--credentials-file");
  }

  static byte[] readFile(Path file, String option) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        throw new IllegalArgumentException(
            option + ": the file can be read by group or others; make it private first (chmod 600)");
      }
    } catch (UnsupportedOperationException notPosix) {
      // no POSIX permissions to check here
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(option + ": the file does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException(option + ": the file could not be read", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] input = in.readNBytes(MAX_INPUT + 1);
      if (input.length > MAX_INPUT) {
        throw new IllegalArgumentException(option + ": the file is over " + MAX_INPUT + " bytes; it should hold a few GUID=VALUE lines");
      }
      return input;
    } catch (IOException e) {
      throw new IllegalArgumentException(option + ": the file could not be read", e);
    }
  }

  private static Credential credential(String guid, String value, String where) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(where + ": the value is empty");
    }
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(where + ": the value holds a NUL character, which no institution's form takes");
    }
    try {
      return Credential.of(guid, value);
    } catch (IllegalArgumentException e) {
      // the SDK's message names the guid: not repeated here
      throw new IllegalArgumentException(
          where + ": not a valid credential (a guid of at most 256 characters without control characters, a value sendable as UTF-8)");
    }
  }

  private static String utf8(byte[] input, String source) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(input))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(source + ": not UTF-8 text");
    }
  }
}
