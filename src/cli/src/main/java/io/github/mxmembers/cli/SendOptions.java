package io.github.mxmembers.cli;

import io.github.mxmembers.retry.RetryPolicy;
import picocli.CommandLine.Option;

/**
 * The options of every command that sends (a picocli mixin): which API, where to, how many attempts
 * each update may take, and how the command reports.
 */
final class SendOptions {
  enum Api {
    PLATFORM,
    NEXUS
  }

  /** What completion offers for an enum option: its values as the help spells them, in lower case (any case is taken). */
  static final class LowerCase {
    private LowerCase() {}

    static java.util.List<String> of(Enum<?>[] values) {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (Enum<?> value : values) {
        names.add(value.name().toLowerCase(java.util.Locale.ROOT));
      }
      return names;
    }
  }

  /** {@code platform} and {@code nexus}, for completion. */
  static final class ApiNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return LowerCase.of(Api.values()).iterator();
    }
  }

  @Option(
      names = "--api",
      defaultValue = "platform",
      paramLabel = "platform|nexus",
      completionCandidates = ApiNames.class,
      description = "Which API (default: ${DEFAULT-VALUE}; any case).")
  Api api;

  @Option(names = "--endpoint", paramLabel = "integration|production|URL", description = "Where to send; default: the embedded sandbox.")
  String endpoint;

  @Option(names = "--max-attempts", defaultValue = "4", paramLabel = "N", description = "Attempts per update, retries included (default: ${DEFAULT-VALUE}; 1 turns retries off).")
  int maxAttempts;

  @Option(names = "--json", description = "Print one JSON object on standard output, failures included, for scripts.")
  boolean json;

  @Option(names = "--debug", description = "Log each attempt of the SDK at DEBUG on standard error (never a secret).")
  boolean debug;

  /** Turns the SDK's DEBUG log on when asked; read by SLF4J's simple logger when the SDK's first logger is made, after this. */
  void applyDebug() {
    if (debug) {
      System.setProperty("org.slf4j.simpleLogger.log.io.github.mxmembers", "debug");
    }
  }

  /**
   * {@return the retry policy {@code --max-attempts} asks for}
   *
   * @throws IllegalArgumentException naming the option when it is under 1
   */
  RetryPolicy retryPolicy() {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("--max-attempts: expected 1 or more");
    }
    return RetryPolicy.builder().maxAttempts(maxAttempts).build();
  }
}
