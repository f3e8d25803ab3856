package io.github.mxmembers.cli;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxClient;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.waiter.AggregationOutcome;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mx-members resume}: answer the challenges of a member that is CHALLENGED already, and follow it through. */
@Command(
    name = "resume",
    header = "Answer the MFA challenges of a member that is CHALLENGED, and resume its aggregation.",
    mixinStandardHelpOptions = true,
    versionProvider = MxMembersCli.Version.class,
    usageHelpWidth = 100,
    description = {
      "Answer a member that is CHALLENGED already (after update-member, the widget or a background",
      "aggregation): list its challenges, answer each (on the terminal, or from --answers-stdin or",
      "--answers-file: GUID=VALUE, or N=VALUE for the N-th challenge of a round, as MX's guids are known",
      "only once it asks), resume the aggregation, and with --wait follow it to its outcome, answering",
      "further rounds. Keys come from the environment, as for update-member; without --endpoint it runs",
      "against the embedded sandbox. The answers are read before anything is sent; they are never shown.",
      "",
      "--json prints one object: the member's challenges and each round under wait.rounds, as",
      "update-member --json does."
    },
    footer = {
      "",
      "Exit codes: 0 resumed (with --wait: connected), 2 bad input (nothing sent; a member that is not",
      "CHALLENGED included), 3 MX API error, 4 transport failure, 5 unreadable response; with --wait also",
      "7 needs the end user, 8 ended otherwise, 9 the wait timed out, 10 still challenged (an answer",
      "missing for a challenge MX asked, or 5 rounds)."
    })
final class ResumeCommand implements Callable<Integer> {
  @Mixin SendOptions options;

  @Mixin WaitOptions wait;

  @Option(names = "--user", paramLabel = "ID", description = "Platform only: the user, by your id or MX's guid.")
  String user;

  @Option(names = "--member", required = true, paramLabel = "ID", description = "The member: on Platform its id or guid, on Nexus its guid.")
  String member;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final InputStream in;
  private final Map<String, String> env;
  private final boolean errIsTerminal;

  ResumeCommand(InputStream in, Map<String, String> env, boolean errIsTerminal) {
    this.in = in;
    this.env = env;
    this.errIsTerminal = errIsTerminal;
  }

  @Override
  public Integer call() {
    options.applyDebug();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Report report = new Report(options.api.name());
    int code = ExitCodes.OK;
    try {
      // every check, and the answers read, before the first request
      checkOptions();
      List<Credential> given = readAnswers();
      try (Endpoint endpoint = Endpoint.of(options, env);
          MxClient client = endpoint.client(CallListener.NONE, null)) {
        MemberRef ref = endpoint.member(user, member);
        if (endpoint.sandbox() != null) {
          report.sandbox(endpoint.sandbox().baseUrl());
        }
        report.endpoint(endpoint.name());
        List<Challenge> challenges = client.listChallenges(ref);
        if (challenges.isEmpty()) {
          throw new IllegalArgumentException("--member: the member has no challenges to answer (it is not CHALLENGED); nothing was sent");
        }
        if (!options.json) {
          out.println("The member is CHALLENGED (" + challenges.size() + (challenges.size() == 1 ? " challenge):" : " challenges):"));
          report.live(out);
        }
        report.challenged(challenges);
        Answers answers = new Answers(given, Answers.console().orElse(null));
        AggregationOutcome outcome = new FollowThrough(client, ref, wait, answers, report, err, errIsTerminal).fromChallenges(challenges);
        if (outcome != null) {
          report.outcome(outcome);
          code = UpdateMemberCommand.exitCode(outcome);
        } else if (!report.resumed()) {
          code = ExitCodes.STILL_CHALLENGED;
        }
      }
    } catch (RuntimeException failure) {
      report.failure(failure);
      report.print(out, err, options.json);
      return ExitCodes.of(failure);
    }
    report.printResume(out, options.json);
    return code;
  }

  private void checkOptions() {
    boolean answering = wait.answersFromStdin || wait.answersFile != null;
    wait.check(null, false);
    if (options.api == SendOptions.Api.PLATFORM && user == null) {
      throw new IllegalArgumentException("--user: required on the Platform API");
    }
    if (!answering && Answers.console().isEmpty()) {
      throw new IllegalArgumentException(
          "there is no terminal to ask the answers on: give them with --answers-stdin or --answers-file");
    }
  }

  private List<Credential> readAnswers() {
    return wait.answers(in);
  }
}
