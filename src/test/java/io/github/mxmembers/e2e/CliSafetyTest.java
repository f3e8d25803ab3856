package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.cli.ExitCodes;
import io.github.mxmembers.cli.MxMembersCli;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import io.github.mxmembers.sandbox.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tool keeps every byte of a credential and every secret: values reach MX as
 * given from stdin, a file or the environment; no usage or validation error repeats a value; output
 * for scripts is JSON whatever happens. Against a sandbox over loopback, run in-process.
 */
class CliSafetyTest {
  private static final String SECRET = "zz-S3CRET-value-zz";
  private static final String GUID = MxSandbox.CREDENTIAL_GUID;
  private static final String MEMBER = MxSandbox.MEMBER_GUID;

  /** One sandbox for the class, reset before each test: the shipped extension. */
  @RegisterExtension static final MxSandboxExtension SANDBOX = MxSandboxExtension.builder().build();

  private final MxSandbox sandbox = SANDBOX.sandbox();

  @TempDir Path dir;

  private static CliRun run(Map<String, String> env, byte[] stdin, boolean terminal, String... args) {
    return CliRun.run(env, stdin, terminal, args);
  }

  /** update-member against the test's sandbox, as against MX: --endpoint and the environment's keys. */
  private CliRun toSandbox(Map<String, String> extraEnv, byte[] stdin, String... args) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("MX_CLIENT_ID", MxSandbox.CLIENT_ID);
    env.put("MX_API_KEY", MxSandbox.API_KEY);
    List<String> all = new ArrayList<>(List.of("update-member", "--endpoint", sandbox.baseUrl(), "--user", MxSandbox.USER_ID, "--member", MEMBER));
    all.addAll(List.of(args));
    return run(env, stdin, false, all.toArray(new String[0]));
  }

  private String sentValue() {
    List<RecordedRequest> received = sandbox.received();
    assertThat(received).hasSize(1);
    JsonObject body = JsonParser.parseString(received.get(0).body()).getAsJsonObject();
    return body.getAsJsonObject("member").getAsJsonArray("credentials").get(0).getAsJsonObject().get("value").getAsString();
  }

  private static final List<String> AWKWARD_VALUES =
      List.of("  s3cret pass  ", "\ts3cret2\t", "a=b==c=", "q\"uo'te\\d", "pässwörd ✓ 密码", " ");

  @Test
  void everyByteOfAValueFromStdinReachesMx() {
    for (String value : AWKWARD_VALUES) {
      sandbox.reset();
      CliRun run = toSandbox(Map.of(), (GUID + "=" + value + "\n").getBytes(StandardCharsets.UTF_8), "--credentials-stdin");
      assertThat(run.code).as(run.all()).isEqualTo(ExitCodes.OK);
      assertThat(sentValue()).isEqualTo(value);
    }
  }

  @Test
  void everyByteOfAValueFromAPrivateFileReachesMxWithCrlfLines() throws Exception {
    for (String value : AWKWARD_VALUES) {
      sandbox.reset();
      Path file = dir.resolve("credentials-" + AWKWARD_VALUES.indexOf(value));
      Files.write(file, ("\r\n" + GUID + "=" + value + "\r\n").getBytes(StandardCharsets.UTF_8));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      CliRun run = toSandbox(Map.of(), new byte[0], "--credentials-file", file.toString());
      assertThat(run.code).as(run.all()).isEqualTo(ExitCodes.OK);
      assertThat(sentValue()).isEqualTo(value);
    }
  }

  @Test
  void everyByteOfAValueFromTheEnvironmentReachesMx() {
    for (String value : AWKWARD_VALUES) {
      sandbox.reset();
      CliRun run = toSandbox(Map.of("BANK_PASSWORD", value), new byte[0], "--credential-env", GUID + "=BANK_PASSWORD");
      assertThat(run.code).as(run.all()).isEqualTo(ExitCodes.OK);
      assertThat(sentValue()).isEqualTo(value);
      assertThat(run.err).doesNotContain("warning");
    }
  }

  @Test
  void aCredentialsFileOthersCanReadIsRefusedAndNothingIsSent() throws Exception {
    Path file = dir.resolve("shared");
    Files.write(file, (GUID + "=" + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun run = toSandbox(Map.of(), new byte[0], "--credentials-file", file.toString());

    assertThat(run.code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).contains("can be read by group or others").contains("chmod 600").doesNotContain(file.toString());
    assertThat(run.all()).doesNotContain(SECRET);
    assertThat(sandbox.received()).isEmpty();
  }

  @Test
  void aValueInArgvIsSentButWarnedAbout() {
    CliRun run = toSandbox(Map.of(), new byte[0], "--credential", GUID + "=" + SECRET);

    assertThat(run.code).isEqualTo(ExitCodes.OK);
    assertThat(run.err)
        .contains("can be read by other users of this machine")
        .contains("--credentials-stdin")
        .contains("--credentials-file")
        .contains("--credential-env");
    assertThat(run.all()).doesNotContain(SECRET);
  }

  /** Every option, and SECRET put where a value, a guid or a stray argument would go. */
  private static List<String[]> malformedCommandLines() {
    List<String> options =
        List.of("--api", "--user", "--credential", "--credentials-stdin", "--credentials-file", "--credential-env",
            "--id", "--metadata", "--background-aggregation-disabled", "--use-case", "--callback-payload",
            "--skip-aggregation", "--skip-webhook", "--api-version", "--endpoint", "--max-attempts", "--dry-run",
            "--json", "--debug");
    List<String[]> lines = new ArrayList<>();
    for (String option : options) {
      // no --member: always a usage error, whatever the option makes of SECRET
      lines.add(new String[] {"update-member", option, SECRET});
      lines.add(new String[] {"update-member", option + "=" + SECRET});
      lines.add(new String[] {"update-member", SECRET, option});
      lines.add(new String[] {"update-member", "--member", MEMBER, option, "-" + SECRET});
      lines.add(new String[] {"update-member", "--member", MEMBER, option, "--" + SECRET + "=G"});
      lines.add(new String[] {"update-member", "--member", MEMBER, option + "=" + SECRET, "--no-such-option"});
    }
    lines.add(new String[] {SECRET});
    lines.add(new String[] {"--" + SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credential", GUID + "=", "-" + SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credential", GUID + "=", "--" + SECRET + "=G"});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credential", SECRET + "="});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credential", SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credential", GUID, SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credentials-stdin=" + SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--use-case", SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credential-env", GUID + "=" + SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credential-env", SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--credential", GUID + "=a", "--credential", GUID + "=" + SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--metadata", "m", "--metadata", SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--metadata", "m", "--endpoint", "http://" + SECRET + ".example"});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--metadata", "m", "--api-version", SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--metadata", "m", "--max-attempts", "-1" + SECRET.length()});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--metadata", "m", "--callback-payload", ""});
    lines.add(new String[] {"update-member", "--api", "nexus", "--member", MEMBER, "--metadata", "m", "--id", SECRET});
    lines.add(new String[] {"update-member", "--member", MEMBER, "--metadata", "m", "--endpoint", "https://u:" + SECRET + "@h.example"});
    return lines;
  }

  @Test
  void noUsageOrValidationErrorEverPrintsAValue() {
    List<String[]> lines = malformedCommandLines();
    for (String[] line : lines) {
      for (boolean json : new boolean[] {false, true}) {
        List<String> args = new ArrayList<>(List.of(line));
        if (json) {
          args.add("--json");
        }
        CliRun run = run(Map.of(), new byte[0], false, args.toArray(new String[0]));
        assertThat(run.code).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.all()).as(String.join(" ", args)).doesNotContain(SECRET).doesNotContain("S3CRET");
      }
    }
    assertThat(lines).hasSizeGreaterThan(100);
  }

  @Test
  void stdinLinesThatAreNotGuidEqualsValueAreNamedByLineNumberOnly() {
    CliRun run = toSandbox(Map.of(), (GUID + "=ok\n" + SECRET + "\n").getBytes(StandardCharsets.UTF_8), "--credentials-stdin");

    assertThat(run.code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).contains("--credentials-stdin line 2: expected GUID=VALUE");
    assertThat(run.all()).doesNotContain(SECRET);
    assertThat(sandbox.received()).isEmpty();
  }

  @Test
  void jsonFailuresAreJsonOnStdoutWithStatusCodeAndRequestId() {
    sandbox.failNext(2, 503);

    CliRun run = toSandbox(Map.of(), new byte[0], "--metadata", "m", "--max-attempts", "2", "--json");

    assertThat(run.code).isEqualTo(ExitCodes.API_ERROR);
    JsonObject error = JsonParser.parseString(run.out).getAsJsonObject().getAsJsonObject("error");
    assertThat(error.get("kind").getAsString()).isEqualTo("api_error");
    assertThat(error.get("exit_code").getAsInt()).isEqualTo(3);
    assertThat(error.get("status").getAsInt()).isEqualTo(503);
    assertThat(error.get("attempts").getAsInt()).isEqualTo(2);
    assertThat(error.get("request_id").getAsString()).isEqualTo("sandbox-2");
    assertThat(error.get("message").getAsString()).contains("answered 503");
    assertThat(run.err).isEmpty();

    CliRun usage = run(Map.of(), new byte[0], false, "update-member", "--json");
    assertThat(usage.code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(JsonParser.parseString(usage.out).getAsJsonObject().getAsJsonObject("error").get("message").getAsString())
        .isEqualTo("missing required option --member");
  }

  @Test
  void humanOutputShowsTheRequestIdOfSuccessAndFailure() {
    CliRun ok = toSandbox(Map.of(), new byte[0], "--metadata", "m");
    assertThat(ok.out).contains("Response: 200 after 1 attempt, request id sandbox-1");

    sandbox.failNext(1, 409);
    CliRun failed = toSandbox(Map.of(), new byte[0], "--metadata", "m");
    assertThat(failed.code).isEqualTo(ExitCodes.API_ERROR);
    assertThat(failed.err).contains("request id sandbox-2");
  }

  @Test
  void retriesAreReportedAsTheyHappenOnlyWhenStderrIsATerminal() {
    Map<String, String> env = Map.of("MX_CLIENT_ID", MxSandbox.CLIENT_ID, "MX_API_KEY", MxSandbox.API_KEY);
    String[] args = {"update-member", "--endpoint", sandbox.baseUrl(), "--user", MxSandbox.USER_ID, "--member", MEMBER, "--metadata", "m"};

    sandbox.failNext(1, 503);
    CliRun terminal = run(env, new byte[0], true, args);
    sandbox.failNext(1, 503);
    CliRun piped = run(env, new byte[0], false, args);

    assertThat(terminal.code).isEqualTo(ExitCodes.OK);
    assertThat(terminal.err).containsPattern("mx-members: 503, retrying in \\d+\\.\\d s \\(attempt 2 of 4\\)");
    assertThat(piped.code).isEqualTo(ExitCodes.OK);
    assertThat(piped.err).doesNotContain("retrying");
  }

  @Test
  void dryRunPrintsTheRedactedRequestAndSendsNothing() {
    CliRun human = toSandbox(Map.of(), (GUID + "=" + SECRET).getBytes(StandardCharsets.UTF_8), "--credentials-stdin", "--dry-run");
    CliRun json = toSandbox(Map.of(), (GUID + "=" + SECRET).getBytes(StandardCharsets.UTF_8), "--credentials-stdin", "--dry-run", "--json");

    assertThat(human.code).isEqualTo(ExitCodes.OK);
    assertThat(human.out).contains("PUT /users/u-1234/members/" + MEMBER).contains("****").contains("Dry run: nothing was sent.");
    assertThat(JsonParser.parseString(json.out).getAsJsonObject().get("dry_run").getAsBoolean()).isTrue();
    assertThat(human.all() + json.all()).doesNotContain(SECRET).doesNotContain(MxSandbox.API_KEY);
    assertThat(sandbox.received()).isEmpty();
  }

  @Test
  void valuesArePrintedFaithfully() {
    CliRun run = toSandbox(Map.of(), new byte[0], "--metadata", "{\"a\": \"b\\\"}  ");

    assertThat(run.out).contains("metadata                             \"{\\\"a\\\": \\\"b\\\\\\\"}  \"");
  }

  @Test
  void everyCommandHasVersionExamplesAndNoUnknownUseCase() {
    String version = run(Map.of(), new byte[0], false, "--version").out.trim();
    assertThat(version).startsWith("mx-members-java/");
    assertThat(run(Map.of(), new byte[0], false, "update-member", "--version").out.trim()).isEqualTo(version);
    CliRun help = run(Map.of(), new byte[0], false, "update-member", "--help");
    assertThat(help.out).contains("Examples:").contains("MONEY_MOVEMENT, PFM").doesNotContain("UNKNOWN");
    CliRun completion = run(Map.of(), new byte[0], false, "generate-completion");
    assertThat(completion.code).isZero();
    assertThat(completion.out).contains("complete -F").contains("--credentials-file");
  }

  @Test
  void debugTurnsOnTheSdksLogAndAUsersOwnLevelIsKept() throws Exception {
    String secretStdin = GUID + "=" + SECRET + "\n";
    String debug = child(secretStdin, List.of(), "--credentials-stdin", "--debug");
    String quiet = child(secretStdin, List.of(), "--credentials-stdin");
    String usersOwn = child(secretStdin, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"), "--credentials-stdin");

    assertThat(debug).contains("DEBUG io.github.mxmembers").contains("request id sandbox-1").doesNotContain(SECRET);
    assertThat(quiet).doesNotContain("DEBUG");
    assertThat(usersOwn).contains("DEBUG io.github.mxmembers").doesNotContain(SECRET);
    // HttpClient's own header and wire logs would print the Basic auth header and the body
    for (String output : List.of(debug, quiet, usersOwn)) {
      assertThat(output).doesNotContain("Authorization: Basic").doesNotContain(">> \"").doesNotContain(SECRET);
    }
  }

  /** The tool in its own JVM, as a user runs it, against this test's sandbox; stderr and stdout together. */
  private String child(String stdin, List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MxMembersCli.class.getName()));
    command.addAll(List.of("update-member", "--endpoint", sandbox.baseUrl(), "--user", MxSandbox.USER_ID, "--member", MEMBER));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("MX_CLIENT_ID", MxSandbox.CLIENT_ID);
    builder.environment().put("MX_API_KEY", MxSandbox.API_KEY);
    sandbox.reset();
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
