package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.cli.MxMembersCli;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What bulk-update shows a person and a script: progress, words, exit codes, help and completion. */
class BulkOutputTest {
  /** One sandbox for the class, reset before each test: the shipped extension. */
  @RegisterExtension static final MxSandboxExtension SANDBOX = MxSandboxExtension.builder().build();

  private final MxSandbox sandbox = SANDBOX.sandbox();
  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of(
        "MX_CLIENT_ID", MxSandbox.CLIENT_ID, "MX_API_KEY", MxSandbox.API_KEY,
        "MX_MEMBERS_JOURNAL_KEY", dir.resolve("keys").resolve("journal.key").toString());
  }

  /** One line done, one for a member MX does not have (404), one invalid. */
  private Path mixed() throws Exception {
    sandbox.addMember("MBR-out-1");
    Path input = dir.resolve("mixed.jsonl");
    Files.write(
        input,
        List.of(
            "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"MBR-out-1\",\"metadata\":\"m\"}",
            "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"MBR-out-missing\",\"metadata\":\"m\"}",
            "{\"member\":\"MBR-out-3\",\"metadata\":\"no user\"}"));
    return input;
  }

  @Test
  void progressAndSummaryUseTheSameWordsAndTheRerunExitsAsTheRunDid() throws Exception {
    Path input = mixed();

    CliRun run = CliRun.run(env(), new byte[0], true, "bulk-update", input.toString(), "--endpoint", sandbox.baseUrl());
    CliRun rerun = CliRun.run(env(), new byte[0], true, "bulk-update", input.toString(), "--endpoint", sandbox.baseUrl());

    String lastProgress = run.err.substring(run.err.lastIndexOf('\r') + 1).strip();
    assertThat(lastProgress).contains("3/3 lines: 1 done, 1 failed, 1 invalid");
    assertThat(run.out).contains("1 done, 1 failed {404=1}, 1 invalid, 0 skipped");
    assertThat(run.code).as("bad input outranks an API error").isEqualTo(2);
    assertThat(rerun.code).as(rerun.all()).isEqualTo(run.code);
    assertThat(rerun.err.substring(rerun.err.lastIndexOf('\r') + 1)).contains("3 skipped");
  }

  @Test
  void progressShowsWheneverStandardErrorIsATerminalEvenWithStandardOutputRedirected() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Paths.get("/usr/bin/script")), "no script(1) here");
    Path input = mixed();
    Path report = dir.resolve("report.txt");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        String.join(
            " ",
            quote(java), "-cp", quote(System.getProperty("java.class.path")), MxMembersCli.class.getName(),
            "bulk-update", quote(input.toString()), "--endpoint", sandbox.baseUrl(), ">", quote(report.toString()));
    ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true);
    builder.environment().putAll(env());
    Process process = builder.start();
    process.getOutputStream().close();
    String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(terminal).as("what the terminal showed").contains("\r").contains("lines: 1 done, 1 failed, 1 invalid");
    assertThat(Files.readString(report)).contains("1 done, 1 failed").doesNotContain("\r");

    // and with standard error not a terminal, nothing but the report
    ProcessBuilder plain =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MxMembersCli.class.getName(),
            "bulk-update", input.toString(), "--endpoint", sandbox.baseUrl(), "--restart");
    plain.environment().putAll(env());
    Process piped = plain.start();
    piped.getOutputStream().close();
    String err = new String(piped.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(piped.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(err).isEmpty();
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  @Test
  void everyExitCodeIsInTheHelpAndNoHelpLineIsCut() {
    CliRun top = CliRun.run(env(), new byte[0], false, "--help");
    CliRun bulk = CliRun.run(env(), new byte[0], false, "bulk-update", "--help");

    assertThat(top.out).contains("0 ok", "1 (its journal cannot be used)", "2 bad input", "3 MX API error", "4 transport failure",
        "5 unreadable response", "6 (the run stopped");
    // each command's entry in the list, its wrapped lines joined, is a whole sentence
    List<String> entries = new ArrayList<>();
    for (String line : top.out.lines().dropWhile(line -> !line.startsWith("Commands:")).skip(1).takeWhile(line -> line.startsWith("  ")).collect(Collectors.toList())) {
      if (line.startsWith("    ") && !entries.isEmpty()) {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
      } else {
        entries.add(line.strip());
      }
    }
    assertThat(entries).hasSize(7).allMatch(entry -> entry.endsWith("."));
    assertThat(entries).filteredOn(entry -> entry.startsWith("bulk-update")).singleElement().asString()
        .contains("paced, journaled, resumable.");
    assertThat(bulk.out).contains("0 every line done", "1 the journal cannot be used", "2 bad input", "3 MX API", "4 transport",
        "5 unreadable", "6 the run stopped");
  }

  @Test
  void enumValuesHaveOneSpellingAndAnyCaseIsTaken() throws Exception {
    CliRun completion = CliRun.run(env(), new byte[0], false, "generate-completion");
    assertThat(completion.out).contains("(\"platform\" \"nexus\")").contains("(\"jsonl\" \"csv\")").doesNotContain("PLATFORM").doesNotContain("JSONL");

    sandbox.addMember("MBR-out-1");
    Path input = dir.resolve("any-case.txt");
    Files.writeString(input, "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"MBR-out-1\",\"metadata\":\"case\"}\n");
    CliRun run = CliRun.run(env(), new byte[0], false, "bulk-update", input.toString(), "--format", "JsonL", "--api", "PLATFORM",
        "--endpoint", sandbox.baseUrl());
    assertThat(run.code).as(run.all()).isZero();
  }
}
