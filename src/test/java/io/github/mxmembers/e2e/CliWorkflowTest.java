package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.cli.MxMembersCli;
import io.github.mxmembers.sandbox.MxSandbox;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * update-member --wait and credentials against the embedded sandbox playing MX Bank: scripted (answers
 * on standard input or in a file) and on a pseudo-terminal (script(1)), where credentials and answers
 * are typed without echo.
 */
class CliWorkflowTest {
  private static final String MEMBER = MxSandbox.MEMBER_GUID;
  private static final String CREDENTIAL = MxSandbox.CREDENTIAL_GUID;
  private static final String SECRET_ANSWER = "correct";

  @TempDir Path dir;

  private static CliRun run(byte[] stdin, String... args) {
    return CliRun.run(Map.of(), stdin, false, args);
  }

  private static String[] update(String password, String... more) {
    List<String> args = new ArrayList<>(List.of("update-member", "--user", "u-1234", "--member", MEMBER, "--credentials-stdin"));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  @Test
  void aChallengedMemberAnsweredFromAFileConnects() throws Exception {
    Path answers = dir.resolve("answers.txt");
    Files.writeString(answers, "CRD-mxbank-text-1=" + SECRET_ANSWER + "\n");
    Files.setPosixFilePermissions(answers, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    CliRun run = run((CREDENTIAL + "=challenge\n").getBytes(StandardCharsets.UTF_8), update("challenge", "--wait", "--answers-file", answers.toString(), "--json"));

    assertThat(run.code).as(run.all()).isZero();
    JsonObject wait = JsonParser.parseString(run.out).getAsJsonObject().getAsJsonObject("wait");
    assertThat(wait.get("outcome").getAsString()).isEqualTo("connected");
    assertThat(wait.get("exit_code").getAsInt()).isZero();
    assertThat(run.all()).doesNotContain("=" + SECRET_ANSWER).doesNotContain("\"" + SECRET_ANSWER + "\"");
  }

  @Test
  void twoRoundsOfAnswersOnStandardInputConnect() {
    String stdin = "CRD-mxbank-text-1=challenge\nCRD-mxbank-text-2=correct\n";
    List<String> args = new ArrayList<>(List.of("update-member", "--user", "u-1234", "--member", MEMBER, "--credential",
        CREDENTIAL + "=challenge", "--wait", "--answers-stdin"));

    CliRun run = run(stdin.getBytes(StandardCharsets.UTF_8), args.toArray(new String[0]));

    assertThat(run.code).as(run.all()).isZero();
    assertThat(run.out).contains("Outcome: connected (CONNECTED)");
  }

  @Test
  void eachOutcomeHasItsExitCode() {
    CliRun rejected = run(("CRD-mxbank-options-1=incorrect\n").getBytes(StandardCharsets.UTF_8),
        "update-member", "--user", "u-1234", "--member", MEMBER, "--credential", CREDENTIAL + "=options", "--wait", "--answers-stdin", "--json");
    CliRun failed = run(new byte[0], "update-member", "--user", "u-1234", "--member", MEMBER, "--credential", CREDENTIAL + "=BAD_REQUEST", "--wait");
    CliRun connected = run(new byte[0], "update-member", "--api", "nexus", "--member", MEMBER, "--credential", CREDENTIAL + "=n3w", "--wait");

    assertThat(rejected.code).as(rejected.all()).isEqualTo(7);
    JsonObject wait = JsonParser.parseString(rejected.out).getAsJsonObject().getAsJsonObject("wait");
    assertThat(wait.get("end_user_action").getAsString()).isEqualTo("answer_again");
    assertThat(wait.get("connection_status").getAsString()).isEqualTo("REJECTED");
    assertThat(failed.code).as(failed.all()).isEqualTo(8);
    assertThat(failed.out).contains("Outcome: ended (FAILED)");
    assertThat(connected.code).as(connected.all()).isZero();
  }

  @Test
  void anAnswersFileOthersCanReadIsRefusedBeforeTheUpdateIsSent() throws Exception {
    Path answers = dir.resolve("open-answers.txt");
    Files.writeString(answers, "CRD-mxbank-text-1=" + SECRET_ANSWER + "\n");
    Files.setPosixFilePermissions(answers, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

    CliRun run = run(new byte[0], "update-member", "--user", "u-1234", "--member", MEMBER, "--credential", CREDENTIAL + "=challenge",
        "--wait", "--answers-file", answers.toString(), "--json");

    assertThat(run.code).isEqualTo(2);
    JsonObject report = JsonParser.parseString(run.out).getAsJsonObject();
    assertThat(report.has("request")).as("nothing was sent").isFalse();
    assertThat(report.getAsJsonObject("error").get("message").getAsString()).contains("--answers-file").contains("chmod 600");
  }

  @Test
  void badWaitInputIsRefusedBeforeAnythingIsSentAndAMissingAnswerIsNamed() {
    CliRun tooShort = run(new byte[0], "update-member", "--user", "u-1234", "--member", MEMBER, "--metadata", "m", "--wait", "--wait-timeout", "2");
    CliRun noWait = run(new byte[0], "update-member", "--user", "u-1234", "--member", MEMBER, "--metadata", "m", "--answers-stdin");
    CliRun missing = run(("CRD-other=" + SECRET_ANSWER + "\n").getBytes(StandardCharsets.UTF_8),
        "update-member", "--user", "u-1234", "--member", MEMBER, "--credential", CREDENTIAL + "=challenge", "--wait", "--answers-stdin");

    assertThat(tooShort.code).isEqualTo(2);
    assertThat(tooShort.err).contains("--wait-timeout");
    assertThat(noWait.code).isEqualTo(2);
    assertThat(noWait.err).contains("add --wait");
    // the update was sent, so not 2: the member is still challenged (10), and the way on is named
    assertThat(missing.code).isEqualTo(10);
    assertThat(missing.out).contains("no answer was given for challenge 1 of the round (TEXT, \"What city were you born in?\")")
        .contains("mx-members resume").doesNotContain(SECRET_ANSWER);
  }

  @Test
  void credentialsListsWhatTheMemberNeeds() {
    CliRun listed = run(new byte[0], "credentials", "--user", "u-1234", "--member", MEMBER, "--json");
    CliRun nexus = run(new byte[0], "credentials", "--api", "nexus", "--member", MEMBER);

    assertThat(listed.code).as(listed.all()).isZero();
    JsonObject credential = JsonParser.parseString(listed.out).getAsJsonObject().getAsJsonArray("credentials").get(0).getAsJsonObject();
    assertThat(credential.get("guid").getAsString()).isEqualTo(CREDENTIAL);
    assertThat(credential.get("label").getAsString()).isEqualTo("Password");
    assertThat(credential.get("type").getAsString()).isEqualTo("PASSWORD");
    assertThat(credential.get("field_type").getAsString()).isEqualTo("PASSWORD");
    assertThat(credential.get("echoed").getAsBoolean()).isFalse();
    assertThat(nexus.code).as(nexus.all()).isZero();
    assertThat(nexus.out).contains("Password").contains(CREDENTIAL).contains("hidden");
  }

  @Test
  void onATerminalCredentialsAndAnswersAreAskedWithoutEcho() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Paths.get("/usr/bin/script")), "no script(1) here");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ", quote(java), "-cp", quote(System.getProperty("java.class.path")), MxMembersCli.class.getName(),
        "update-member", "--user", "u-1234", "--member", MEMBER, "--ask-credentials", "--wait");
    Process process = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
    Terminal terminal = new Terminal(process);

    terminal.await("Password: ");
    terminal.type("challenge");
    terminal.await("What city were you born in?: ");
    terminal.type(SECRET_ANSWER);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String screen = terminal.screen();

    assertThat(process.exitValue()).as(screen).isZero();
    assertThat(screen).contains("CHALLENGED").contains("Outcome: connected (CONNECTED)");
    // what was typed never shows: neither the password nor the answer
    assertThat(screen.replace("Password: ", "")).doesNotContain("challenge\r").doesNotContain("=challenge");
    assertThat(screen).doesNotContain(SECRET_ANSWER + "\r");
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** What a pseudo-terminal shows, and typing on it once a prompt is there. */
  private static final class Terminal {
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final OutputStream keyboard;

    Terminal(Process process) {
      this.keyboard = process.getOutputStream();
      InputStream screen = process.getInputStream();
      Thread reader = new Thread(() -> {
        byte[] buffer = new byte[4096];
        try {
          for (int n; (n = screen.read(buffer)) > 0; ) {
            synchronized (shown) {
              shown.write(buffer, 0, n);
            }
          }
        } catch (java.io.IOException ended) {
          // the process is gone
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    String screen() {
      synchronized (shown) {
        return shown.toString(StandardCharsets.UTF_8);
      }
    }

    /** Waits for the prompt; a password prompt is printed once echo is off (Console.readPassword). */
    void await(String prompt) throws Exception {
      Eventually.until("the prompt " + prompt, Duration.ofSeconds(60), this::screen, shown -> shown.contains(prompt));
    }

    void type(String line) throws java.io.IOException {
      keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    }
  }
}
