package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.cli.MxMembersCli;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import io.github.mxmembers.sandbox.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI finishes the real flow: answers that need no guid known in advance, a command that resumes
 * a member already challenged, every refusal before the first request (exit 2 means nothing was sent),
 * what was sent on the screen before the wait, and --json covering every round. Against this test's
 * sandbox, whose requests it reads.
 */
class CliFlowTest {
  @RegisterExtension static final MxSandboxExtension SANDBOX = MxSandboxExtension.builder().build();

  private static final String MEMBER = MxSandbox.MEMBER_GUID;
  private static final String CREDENTIAL = MxSandbox.CREDENTIAL_GUID;
  private static final String SECRET = "S3CRETanswer";

  private final MxSandbox sandbox = SANDBOX.sandbox();

  @TempDir Path dir;

  @BeforeEach
  void quickAggregations() {
    sandbox.aggregationTime(Duration.ofMillis(500));
  }

  private CliRun run(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", sandbox.baseUrl()));
    return CliRun.run(Map.of("MX_CLIENT_ID", MxSandbox.CLIENT_ID, "MX_API_KEY", MxSandbox.API_KEY),
        stdin.getBytes(StandardCharsets.UTF_8), false, all.toArray(new String[0]));
  }

  private String[] update(String password, String... more) {
    List<String> args = new ArrayList<>(List.of("update-member", "--user", MxSandbox.USER_ID, "--member", MEMBER,
        "--credential-env", CREDENTIAL + "=PW"));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  private CliRun runUpdate(String password, String stdin, String... more) {
    List<String> all = new ArrayList<>(List.of(update(password, more)));
    all.addAll(List.of("--endpoint", sandbox.baseUrl()));
    return CliRun.run(Map.of("MX_CLIENT_ID", MxSandbox.CLIENT_ID, "MX_API_KEY", MxSandbox.API_KEY, "PW", password),
        stdin.getBytes(StandardCharsets.UTF_8), false, all.toArray(new String[0]));
  }

  private List<RecordedRequest> sent() {
    return sandbox.received();
  }

  @Test
  void everyRefusalComesBeforeTheFirstRequest() {
    List<CliRun> refused =
        List.of(
            runUpdate("challenge", "", "--wait", "--wait-timeout", "86401"),
            runUpdate("challenge", "", "--wait-timeout", "30"),
            runUpdate("challenge", "CRD-mxbank-text-1=" + SECRET + "\nCRD-mxbank-text-1=" + SECRET + "2\n", "--wait", "--answers-stdin"),
            runUpdate("challenge", "1=" + SECRET + "\u0000x\n", "--wait", "--answers-stdin"),
            runUpdate("challenge", "1=" + "x".repeat(2 * 1024 * 1024) + "\n", "--wait", "--answers-stdin"),
            run("", "resume", "--member", MEMBER, "--wait-timeout", "30"));
    List<String> said = List.of("--wait-timeout: from 3 seconds", "--wait-timeout is the timeout of --wait", "line 2: the same guid as line 1",
        "line 1: the value holds a NUL character", "--answers-stdin: over 1048576 bytes", "--wait-timeout is the timeout of --wait");
    for (int i = 0; i < refused.size(); i++) {
      CliRun run = refused.get(i);
      assertThat(run.code).as(i + ": " + run.all()).isEqualTo(2);
      assertThat(run.all()).as("%d", i).contains(said.get(i)).doesNotContain(SECRET);
    }
    assertThat(sent()).as("nothing was sent").isEmpty();
  }

  @Test
  void answersByPositionFinishTwoRoundsAndJsonCoversEveryRound() {
    CliRun run = runUpdate("challenge", "1=challenge\n1=" + SECRET + "\n", "--wait", "--answers-stdin", "--json");

    // round 1 answered "challenge" (a second round), round 2 a wrong answer: REJECTED, the end user must act (7)
    assertThat(run.code).as(run.all()).isEqualTo(7);
    JsonObject wait = JsonParser.parseString(run.out).getAsJsonObject().getAsJsonObject("wait");
    JsonArray rounds = wait.getAsJsonArray("rounds");
    assertThat(rounds).hasSize(3);
    assertThat(rounds.get(0).getAsJsonObject().get("answered_from").getAsString()).isEqualTo("standard input");
    assertThat(rounds.get(0).getAsJsonObject().getAsJsonArray("challenges").get(0).getAsJsonObject().get("label").getAsString())
        .isEqualTo("What city were you born in?");
    assertThat(rounds.get(1).getAsJsonObject().get("answers").getAsInt()).isEqualTo(1);
    int reads = 0;
    for (int i = 0; i < rounds.size(); i++) {
      reads += rounds.get(i).getAsJsonObject().get("status_reads").getAsInt();
    }
    assertThat(wait.get("status_reads").getAsInt()).isEqualTo(reads).isGreaterThanOrEqualTo(3);
    assertThat(wait.get("connection_status").getAsString()).isEqualTo("REJECTED");
    assertThat(run.all()).doesNotContain(SECRET);
  }

  @Test
  void whatWasSentIsOnTheScreenBeforeTheWaitAndEachRoundAsItEnds() {
    CliRun run = runUpdate("challenge", "1=correct\n", "--wait", "--answers-stdin");

    assertThat(run.code).as(run.all()).isZero();
    String out = run.out;
    assertThat(out.indexOf("Request as sent")).isLessThan(out.indexOf("Response: 200"));
    assertThat(out.indexOf("Response: 200")).isLessThan(out.indexOf("Round 1: challenged (CHALLENGED)"));
    assertThat(out).contains("  challenge 1: What city were you born in? (TEXT)")
        .contains("  answered 1 challenge from standard input (answers are never shown); resumed the aggregation")
        .contains("Round 2: connected (CONNECTED)")
        .contains("Outcome: connected (CONNECTED), after 3 status reads in 2 rounds")
        .doesNotContain("=correct");
    // the rounds keep MX's 3 s between two status reads (the sandbox's log, on the system clock: a few
    // milliseconds of the network either way)
    List<java.time.Instant> reads = new ArrayList<>();
    for (RecordedRequest request : sent()) {
      if (request.method().equals("GET") && request.path().endsWith("/status")) {
        reads.add(request.at());
      }
    }
    assertThat(reads).hasSize(3);
    for (int i = 1; i < reads.size(); i++) {
      assertThat(Duration.between(reads.get(i - 1), reads.get(i))).isGreaterThan(Duration.ofMillis(2900));
    }
  }

  @Test
  void aMissingAnswerLeavesTheMemberChallengedAndResumeFinishesIt() {
    CliRun update = runUpdate("challenge", "CRD-not-asked=x\n", "--wait", "--answers-stdin");
    assertThat(update.code).as(update.all()).isEqualTo(10);
    assertThat(update.out).contains("not answered: no answer was given for challenge 1 of the round").contains("mx-members resume");

    CliRun resume = run("1=correct\n", "resume", "--user", MxSandbox.USER_ID, "--member", MEMBER, "--answers-stdin", "--wait");
    assertThat(resume.code).as(resume.all()).isZero();
    assertThat(resume.out).contains("The member is CHALLENGED (1 challenge):").contains("challenge 1: What city were you born in? (TEXT)")
        .contains("answered 1 challenge from standard input").contains("Outcome: connected (CONNECTED)");

    CliRun notChallenged = run("1=correct\n", "resume", "--user", MxSandbox.USER_ID, "--member", MEMBER, "--answers-stdin");
    assertThat(notChallenged.code).isEqualTo(2);
    assertThat(notChallenged.err).contains("not CHALLENGED");
  }

  @Test
  void aTenMegabyteAnswersFileUnderA48MegabyteHeapIsRefusedWithNoOutOfMemory() throws Exception {
    Path answers = dir.resolve("answers.txt");
    byte[] line = ("1=" + "y".repeat(1023) + "\n").getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(answers)) {
      for (int i = 0; i < 10 * 1024; i++) {
        out.write(line);
      }
    }
    Files.setPosixFilePermissions(answers, PosixFilePermissions.fromString("rw-------"));
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
        "-cp", System.getProperty("java.class.path"), MxMembersCli.class.getName()));
    command.addAll(List.of(update("challenge", "--wait", "--answers-file", answers.toString(), "--endpoint", sandbox.baseUrl())));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(Map.of("MX_CLIENT_ID", MxSandbox.CLIENT_ID, "MX_API_KEY", MxSandbox.API_KEY, "PW", "challenge"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("--answers-file: the file is over 1048576 bytes").doesNotContain("OutOfMemoryError");
    assertThat(sent()).isEmpty();
  }
}
