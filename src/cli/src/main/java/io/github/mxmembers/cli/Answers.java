package io.github.mxmembers.cli;

import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.RequiredCredential;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the answers a member needs come from: the lines of {@code --answers-stdin} or {@code
 * --answers-file} ({@code GUID=VALUE}, as credentials are given, or {@code N=VALUE} for the N-th
 * challenge of a round, MX's guids being known only once it asks), or the terminal, asked one by one:
 * text and token answers (and credentials) never echoed, options as a numbered list, an image written
 * to a file only its owner can read, whose path is shown. Answers are secrets: never printed.
 */
final class Answers {
  /** The answers given, in order; each taken once. Null to ask on the terminal. */
  private final List<Credential> given;
  private final boolean[] used;
  private final Console console;

  /**
   * @param given the answers from a file or stdin, in order (keyed by challenge guid, or by position
   *     in a round: {@code 1}, {@code 2}...), or null to ask on the terminal
   * @param console the terminal, or null when there is none
   */
  Answers(List<Credential> given, Console console) {
    this.given = given;
    this.used = given == null ? new boolean[0] : new boolean[given.size()];
    this.console = console;
  }

  /** Whether a key of the answers is a position in a round ({@code 1} to {@code 999}) rather than a guid. */
  static boolean isPosition(String key) {
    return key.matches("[1-9][0-9]{0,2}");
  }

  /** A challenge MX asked that the answers given do not answer: the member stays CHALLENGED. */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The answers to one round's challenges: for each, the first answer not yet taken that names its
   * guid, or else its position in the round; asked on the terminal when none were given.
   *
   * @throws Missing if answers were given and none fits a challenge
   * @throws IllegalArgumentException if one must be asked and there is no terminal to ask on
   */
  List<Credential> to(List<Challenge> challenges) {
    List<Credential> answers = new ArrayList<>();
    for (int i = 0; i < challenges.size(); i++) {
      Challenge challenge = challenges.get(i);
      answers.add(Credential.of(challenge.guid(), given != null ? given(challenge, i + 1) : answer(challenge)));
    }
    return answers;
  }

  private String given(Challenge challenge, int position) {
    int byPosition = -1;
    for (int i = 0; i < given.size(); i++) {
      if (used[i]) {
        continue;
      }
      if (given.get(i).guid().equals(challenge.guid())) {
        used[i] = true;
        return given.get(i).value();
      }
      if (byPosition < 0 && given.get(i).guid().equals(String.valueOf(position))) {
        byPosition = i;
      }
    }
    if (byPosition >= 0) {
      used[byPosition] = true;
      return given.get(byPosition).value();
    }
    throw new Missing(
        "no answer was given for challenge " + position + " of the round (" + challenge.type() + ", "
            + challenge.label().map(label -> "\"" + label + "\"").orElse("no label") + "): give " + challenge.guid() + "=VALUE or "
            + position + "=VALUE, then answer with 'mx-members resume'");
  }

  private String answer(Challenge challenge) {
    Console terminal = terminal();
    String question = challenge.label().orElse(challenge.fieldName().orElse(challenge.guid()));
    switch (challenge.type()) {
      case OPTIONS:
      case IMAGE_OPTIONS:
        List<Challenge.Option> options = challenge.type() == Challenge.Type.OPTIONS ? challenge.options() : challenge.imageOptions();
        terminal.printf("%s%n", question);
        for (int i = 0; i < options.size(); i++) {
          Challenge.Option option = options.get(i);
          String name = challenge.guid() + "-" + (i + 1);
          String image = option.dataUri().map(uri -> " (image: " + image(uri.substring(uri.indexOf(',') + 1), name) + ")").orElse("");
          terminal.printf("  %d) %s%s%n", i + 1, option.label().orElse(option.value().orElse("?")), image);
        }
        while (true) {
          String line = terminal.readLine("Choose 1-%d: ", options.size());
          if (line == null) {
            throw new IllegalArgumentException("no answer was given for challenge " + challenge.guid());
          }
          try {
            int choice = Integer.parseInt(line.trim());
            if (choice >= 1 && choice <= options.size() && options.get(choice - 1).value().isPresent()) {
              return options.get(choice - 1).value().get();
            }
          } catch (NumberFormatException notANumber) {
            // asked again
          }
        }
      case IMAGE_DATA:
        challenge.imageData().ifPresent(data -> terminal.printf("The image is in %s%n", image(data, challenge.guid())));
        return secret(terminal, question);
      default:
        // TEXT, TOKEN and any type MX adds: a secret typed without echo
        return secret(terminal, question);
    }
  }

  /**
   * Asks for each required credential by its label, in MX's display order: echoed only where MX's
   * {@code field_type} says plain text ({@link RequiredCredential#echoable()}), without echo otherwise.
   */
  List<Credential> credentials(List<RequiredCredential> needed) {
    Console terminal = terminal();
    List<RequiredCredential> ordered = new ArrayList<>(needed);
    ordered.sort(Comparator.comparingInt(c -> c.displayOrder().orElse(Integer.MAX_VALUE)));
    List<Credential> values = new ArrayList<>();
    for (RequiredCredential credential : ordered) {
      String question = credential.label().orElse(credential.guid());
      values.add(credential.withValue(credential.echoable() ? text(terminal, question) : secret(terminal, question)));
    }
    return values;
  }

  private static String text(Console terminal, String question) {
    String typed = terminal.readLine("%s: ", question);
    if (typed == null || typed.isEmpty()) {
      throw new IllegalArgumentException("an empty answer was given for \"" + question + "\"");
    }
    return typed;
  }

  private Console terminal() {
    if (console == null) {
      // the update was sent by now: not bad input (exit 2 means nothing was sent), the member stays challenged
      throw new Missing(
          "the member needs answers and there is no terminal to ask them on: give them with --answers-stdin or --answers-file,"
              + " or answer with 'mx-members resume'");
    }
    return console;
  }

  private static String secret(Console terminal, String question) {
    char[] typed = terminal.readPassword("%s: ", question);
    if (typed == null || typed.length == 0) {
      throw new IllegalArgumentException("an empty answer was given for \"" + question + "\"");
    }
    return new String(typed);
  }

  /** Writes an image to a file only its owner can read and returns its path. */
  private String image(String base64, String name) {
    try {
      byte[] bytes = java.util.Base64.getMimeDecoder().decode(base64);
      Path file;
      try {
        file = Files.createTempFile("mx-members-" + name.replaceAll("[^A-Za-z0-9-]", "") + "-", ".png",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException noPosix) {
        file = Files.createTempFile("mx-members-" + name.replaceAll("[^A-Za-z0-9-]", "") + "-", ".png");
      }
      Files.write(file, bytes);
      return file.toString();
    } catch (IOException | IllegalArgumentException e) {
      return "(could not be written: " + e.getClass().getSimpleName() + ")";
    }
  }

  /** The terminal, when standard input and output are one. */
  static Optional<Console> console() {
    return Optional.ofNullable(System.console());
  }
}
