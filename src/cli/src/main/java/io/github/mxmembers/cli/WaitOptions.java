package io.github.mxmembers.cli;

import io.github.mxmembers.model.Credential;
import io.github.mxmembers.waiter.AggregationWait;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of waiting for an aggregation and answering its MFA challenges, shared by {@code
 * update-member} and {@code resume}: every one checked, and the answers read, before anything is
 * sent.
 */
final class WaitOptions {
  /** The longest {@code --wait-timeout}: a day, as {@link AggregationWait#of} takes. */
  static final int MAX_WAIT_SECONDS = 86_400;

  @Option(names = "--wait", description = "Wait for the aggregation: show each status change (on a terminal), answer MFA challenges, print the outcome.")
  boolean waitForAggregation;

  @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "With --wait: each wait's timeout, 3 to 86400 (default: 300).")
  Integer waitTimeout;

  @Option(names = "--answers-stdin", description = "With --wait: read MFA answers from standard input, one per line: GUID=VALUE, or N=VALUE for a round's N-th challenge.")
  boolean answersFromStdin;

  @Option(names = "--answers-file", paramLabel = "PATH", description = "With --wait: read MFA answers, as --answers-stdin does, from a file only its owner can read.")
  Path answersFile;

  /**
   * Checks the options against each other, before anything is sent.
   *
   * @param stdinTaken another option reads standard input, or null
   * @param answersNeedWait whether answers are given only during {@code --wait} (update-member) or
   *     also without it (resume)
   */
  void check(String stdinTaken, boolean answersNeedWait) {
    boolean answering = answersFromStdin || answersFile != null;
    if (answering && answersNeedWait && !waitForAggregation) {
      throw new IllegalArgumentException("--answers-stdin and --answers-file answer MFA during --wait: add --wait");
    }
    if (waitTimeout != null && !waitForAggregation) {
      throw new IllegalArgumentException("--wait-timeout is the timeout of --wait: add --wait");
    }
    if (answersFromStdin && stdinTaken != null) {
      throw new IllegalArgumentException("--answers-stdin and " + stdinTaken + " cannot both read standard input");
    }
    if (answersFromStdin && answersFile != null) {
      throw new IllegalArgumentException("give --answers-stdin or --answers-file, not both");
    }
    if (waitTimeout != null && (waitTimeout < 3 || waitTimeout > MAX_WAIT_SECONDS)) {
      throw new IllegalArgumentException(
          "--wait-timeout: from 3 seconds (MX's shortest interval between two status reads) to 86400 (a day)");
    }
  }

  /**
   * The answers given on standard input or in a file, read now; null to ask on the terminal. A guid
   * given twice is refused; a position ({@code 1=...}) may come once per round.
   */
  List<Credential> answers(InputStream in) {
    if (answersFromStdin) {
      return CredentialInput.lines(CredentialInput.read(in, "--answers-stdin"), "--answers-stdin", key -> !Answers.isPosition(key));
    }
    if (answersFile != null) {
      return CredentialInput.lines(
          CredentialInput.readFile(answersFile, "--answers-file"), "--answers-file", key -> !Answers.isPosition(key));
    }
    return null;
  }

  /** {@return where the answers come from, for the output: {@code standard input}, {@code the answers file} or {@code the terminal}} */
  String answersSource() {
    return answersFromStdin ? "standard input" : answersFile != null ? "the answers file" : "the terminal";
  }

  /** MX's 3 s, backing off to 15 s, for --wait-timeout; on a terminal each status change is shown. */
  AggregationWait wait(PrintWriter err, boolean errIsTerminal) {
    AggregationWait wait =
        AggregationWait.of(AggregationWait.MIN_INTERVAL, Duration.ofSeconds(15), Duration.ofSeconds(waitTimeout == null ? 300 : waitTimeout));
    if (!errIsTerminal) {
      return wait;
    }
    String[] last = {null};
    return wait.onRead(
        member -> {
          String now = member.connectionStatusAsString().orElse("no status")
              + (member.isBeingAggregated().orElse(false) ? ", aggregating" : "");
          if (!now.equals(last[0])) {
            last[0] = now;
            err.println("mx-members: " + now);
            err.flush();
          }
        });
  }
}
