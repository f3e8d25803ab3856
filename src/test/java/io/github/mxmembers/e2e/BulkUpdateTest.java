package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.bulk.BulkJournalException;
import io.github.mxmembers.bulk.BulkOutcome;
import io.github.mxmembers.bulk.BulkSummary;
import io.github.mxmembers.bulk.BulkUpdate;
import io.github.mxmembers.bulk.JournalKey;
import io.github.mxmembers.cli.MxMembersCli;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** mx-members bulk-update and the BulkUpdate engine against the sandbox, over real loopback HTTP. */
class BulkUpdateTest {
  private static final String SECRET = "bulk-S3CRET-value-7";
  /** The journals' key, in a directory of the test's own: never the user's home. */
  private static final Path KEY_FILE = keyFile();

  private static final Map<String, String> ENV =
      Map.of("MX_CLIENT_ID", MxSandbox.CLIENT_ID, "MX_API_KEY", MxSandbox.API_KEY, "MX_MEMBERS_JOURNAL_KEY", KEY_FILE.toString());

  private static Path keyFile() {
    try {
      Path dir = Files.createTempDirectory("mx-members-key");
      dir.toFile().deleteOnExit();
      return dir.resolve("journal.key");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One sandbox for the class, reset before each test: the shipped extension. */
  @RegisterExtension static final MxSandboxExtension SANDBOX = MxSandboxExtension.builder().build();

  private final MxSandbox sandbox = SANDBOX.sandbox();
  @TempDir Path dir;

  private static String guid(int i) {
    return String.format("MBR-bulk-%05d", i);
  }

  /** Members 1..n in the sandbox, and an input giving member i the metadata "m-i-tag". */
  private Path input(int n, String tag) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      sandbox.addMember(guid(i));
      lines.add("{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(i) + "\",\"metadata\":\"m-" + i + "-" + tag + "\"}");
    }
    Path input = dir.resolve("input.jsonl");
    Files.write(input, lines);
    return input;
  }

  private String metadata(int i) {
    return sandbox.platformMember(guid(i)).orElseThrow().get("metadata").getAsString();
  }

  private CliRun bulk(Path input, String... more) {
    List<String> args = new ArrayList<>(List.of("bulk-update", input.toString(), "--endpoint", sandbox.baseUrl()));
    args.addAll(List.of(more));
    return CliRun.run(ENV, new byte[0], false, args.toArray(new String[0]));
  }

  @Test
  void aRunThrough429BurstsAnd503sCompletesEveryLine() throws Exception {
    Path input = input(120, "a");
    sandbox.failNext(3, 503);
    sandbox.rateLimitNext(6, 1);
    sandbox.rateLimit(60);

    CliRun run = bulk(input, "--concurrency", "8", "--json");

    assertThat(run.code).as(run.all()).isZero();
    JsonObject report = JsonParser.parseString(run.out).getAsJsonObject();
    assertThat(report.get("done").getAsLong()).isEqualTo(120);
    assertThat(report.get("failed").getAsLong()).isZero();
    assertThat(report.get("rate_limited").getAsLong()).isGreaterThanOrEqualTo(6);
    assertThat(IntStream.rangeClosed(1, 120).mapToObj(this::metadata))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 120).mapToObj(i -> "m-" + i + "-a").collect(Collectors.toList()));
    assertThat(Files.exists(dir.resolve("input.rejects.jsonl"))).isFalse();
  }

  @Test
  void aDryRunNamesEveryBadLineAndSendsNothing() throws Exception {
    Path input = dir.resolve("bad.jsonl");
    Files.write(
        input,
        List.of(
            "{\"user\":\"u-1234\",\"member\":\"MBR-1\",\"metadata\":\"fine\"}",
            "{\"member\":\"MBR-2\",\"metadata\":\"no user on Platform\"}",
            "",
            "{\"user\":\"u-1234\",\"member\":\"MBR-3\",\"use_cases\":[\"NOT_A_USE_CASE\"]}",
            "not json at all " + SECRET,
            "{\"user\":\"u-1234\",\"member\":\"MBR-5\",\"" + SECRET + "\":1}",
            "{\"user\":\"u-1234\",\"member\":\"MBR-6\",\"skip_aggregation\":true}"));

    CliRun run = bulk(input, "--dry-run");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.out)
        .contains("line 2: user is required")
        .contains("line 4: use_cases: expected")
        .contains("line 5: not a JSON object")
        .contains("line 6: a field this tool does not take")
        .contains("line 7: skipAggregation")
        .contains("Dry run: 6 lines checked, 5 bad; nothing was sent.")
        .doesNotContain("line 1:")
        .doesNotContain(SECRET);
    assertThat(sandbox.received()).isEmpty();
    assertThat(Files.exists(dir.resolve("bad.jsonl.journal"))).isFalse();
  }

  @Test
  void aCredentialValueNeverReachesTheJournalReportRejectsOrLogs() throws Exception {
    sandbox.addMember(guid(1));
    Path input = dir.resolve("credentials.jsonl");
    String credential = "{\"guid\":\"" + MxSandbox.CREDENTIAL_GUID + "\",\"value\":\"" + SECRET + "\"}";
    Files.write(
        input,
        List.of(
            "{\"user\":\"u-1234\",\"member\":\"" + guid(1) + "\",\"credentials\":[" + credential + "]}",
            "{\"user\":\"u-1234\",\"member\":\"MBR-missing\",\"credentials\":[" + credential + "]}",
            "{\"member\":\"" + guid(1) + "\",\"credentials\":[" + credential + "]}"));

    CliRun human = bulk(input, "--debug");
    CliRun json = bulk(input.resolveSibling("credentials.jsonl"), "--json", "--journal", dir.resolve("second.journal").toString());

    assertThat(human.code).isEqualTo(2);
    assertThat(sandbox.received()).anySatisfy(request -> assertThat(request.body()).contains(SECRET)); // it was sent
    Path rejects = dir.resolve("credentials.rejects.jsonl");
    assertThat(Files.readAllLines(rejects))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains(MxSandbox.CREDENTIAL_GUID).doesNotContain("value"));
    for (String text :
        List.of(
            human.out,
            human.err,
            json.out,
            json.err,
            Files.readString(dir.resolve("credentials.jsonl.journal")),
            Files.readString(dir.resolve("second.journal")),
            Files.readString(rejects))) {
      assertThat(text).doesNotContain(SECRET);
    }
    assertThat(human.out).contains("1 done, 1 failed {404=1}, 1 invalid");
  }

  @Test
  void killedAtAnyPointARerunSkipsWhatWasFinishedAndEndsAsAnUninterruptedRun() throws Exception {
    int lines = 300;
    Path input = input(lines, "k");
    Path journal = dir.resolve("input.jsonl.journal");
    sandbox.latency(Duration.ofMillis(5));

    // three runs killed (kill -9) as the journal passes 10%, 45% and 80%, then one that finishes
    for (int killAt : new int[] {30, 135, 240}) {
      Process child = child(input);
      Eventually.until(
          "the journal past " + killAt + " entries", Duration.ofSeconds(60), () -> entries(journal), n -> n >= killAt || !child.isAlive());
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertThat(entries(journal)).isLessThan(lines);
    }
    Process last = child(input);
    String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).as(output).isZero();

    // every line recorded exactly once, every member exactly as its line says
    List<Long> keys = new ArrayList<>();
    for (String line : Files.readAllLines(journal).subList(1, Files.readAllLines(journal).size())) {
      JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
      assertThat(entry.get("outcome").getAsString()).isEqualTo("done");
      keys.add(entry.get("key").getAsLong());
    }
    assertThat(keys).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, lines).boxed().collect(Collectors.toList()));
    for (int i = 1; i <= lines; i++) {
      assertThat(metadata(i)).isEqualTo("m-" + i + "-k");
    }
    JsonObject report = JsonParser.parseString(output.substring(output.indexOf('{'))).getAsJsonObject();
    assertThat(report.get("done").getAsLong() + report.get("skipped").getAsLong()).isEqualTo(lines);
  }

  @Test
  void theEngineRunsAStreamAndTellsOfEachUpdateOnce() {
    for (int i = 1; i <= 20; i++) {
      sandbox.addMember(guid(i));
    }
    List<BulkOutcome> outcomes = new CopyOnWriteArrayList<>();

    BulkSummary summary =
        BulkUpdate.builder()
            .platform(MxPlatformAsyncClient.builder().baseUrl(sandbox.baseUrl()).credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY))
            .concurrency(4)
            .maxRate(500)
            .onOutcome(outcomes::add)
            .build()
            .run(
                IntStream.rangeClosed(1, 21)
                    .mapToObj(i -> MemberUpdate.builder().user(MxSandbox.USER_ID).member(guid(i)).metadata("e-" + i).build()));

    assertThat(summary.done()).isEqualTo(20);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.failedByReason()).containsEntry("404", 1L);
    assertThat(outcomes).extracting(BulkOutcome::key).hasSize(21).doesNotHaveDuplicates();
    assertThat(metadata(20)).isEqualTo("e-20");
  }

  @Test
  void aJournalThatCannotBeWrittenStopsTheRunWithItsError() throws Exception {
    // the journal is a pipe whose reader takes the header line and hangs up: the first outcome's
    // write then fails (a full disk, as far as the run can tell)
    Path journal = dir.resolve("journal.fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", journal.toString()).start();
    } catch (IOException noMkfifo) {
      Assumptions.abort("no mkfifo on this machine");
      return;
    }
    assertThat(mkfifo.waitFor()).isZero();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in = Files.newBufferedReader(journal)) {
                in.readLine();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    reader.start();
    for (int i = 1; i <= 5; i++) {
      sandbox.addMember(guid(i));
    }
    sandbox.latency(Duration.ofMillis(300)); // the reader is long gone when the first answer comes
    List<BulkOutcome> outcomes = new CopyOnWriteArrayList<>();
    BulkUpdate bulk =
        BulkUpdate.builder()
            .platform(MxPlatformAsyncClient.builder().baseUrl(sandbox.baseUrl()).credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY))
            .concurrency(1)
            .journal(journal)
            .journalKey(JournalKey.fromFile(KEY_FILE))
            .onOutcome(outcomes::add)
            .build();

    assertThatThrownBy(
            () ->
                bulk.run(
                    IntStream.rangeClosed(1, 5)
                        .mapToObj(i -> MemberUpdate.builder().user(MxSandbox.USER_ID).member(guid(i)).metadata("j-" + i).build())))
        .isInstanceOf(BulkJournalException.class)
        .hasMessageContaining("the journal journal.fifo cannot be written");
    reader.join(TimeUnit.SECONDS.toMillis(5));

    // nothing was told that was not recorded, and nothing more was sent once the write failed
    assertThat(outcomes).isEmpty();
    assertThat(sandbox.received()).hasSize(1);
  }

  @Test
  void csvTakesThePlainFieldsAndRefusesCredentials() throws Exception {
    sandbox.addMember(guid(1));
    sandbox.addMember(guid(2));
    Path input = dir.resolve("members.csv");
    Files.write(
        input,
        List.of(
            "user,member,metadata,use_cases,background_aggregation_is_disabled",
            "u-1234," + guid(1) + ",\"closed, archived\",MONEY_MOVEMENT;PFM,true",
            "u-1234," + guid(2) + ",,,false",
            "u-1234," + guid(2) + ",too,many,fields,here"));

    CliRun run = bulk(input);

    assertThat(run.code).as(run.all()).isEqualTo(2);
    assertThat(run.out).contains("2 done, 0 failed, 1 invalid").contains("line 4: expected 5 fields");
    JsonObject first = sandbox.platformMember(guid(1)).orElseThrow();
    assertThat(first.get("metadata").getAsString()).isEqualTo("closed, archived");
    assertThat(first.get("background_aggregation_is_disabled").getAsBoolean()).isTrue();
    assertThat(first.get("use_cases").toString()).isEqualTo("[\"MONEY_MOVEMENT\",\"PFM\"]");
    assertThat(Files.readAllLines(dir.resolve("members.rejects.csv")))
        .containsExactly("user,member,metadata,use_cases,background_aggregation_is_disabled", "u-1234," + guid(2) + ",too,many,fields,here");

    Path withCredentials = dir.resolve("credentials.csv");
    Files.write(withCredentials, List.of("user,member,credentials", "u-1234," + guid(1) + "," + SECRET));
    CliRun refused = bulk(withCredentials);
    assertThat(refused.code).isEqualTo(2);
    assertThat(refused.err).contains("CSV takes no credentials").doesNotContain(SECRET);
  }

  @Test
  void onATerminalProgressIsRewrittenInPlaceOnStandardError() throws Exception {
    Path input = input(30, "p");

    CliRun run =
        CliRun.run(ENV, new byte[0], true, "bulk-update", input.toString(), "--endpoint", sandbox.baseUrl());
    CliRun piped = bulk(input.resolveSibling("input.jsonl"), "--journal", dir.resolve("other.journal").toString());

    assertThat(run.code).isZero();
    assertThat(run.err).startsWith("\r").contains("30/30 lines").contains("/s").contains("ETA");
    assertThat(piped.err).isEmpty();
  }

  @Test
  void theEngineUpdatesNexusMembersOverOneSession() {
    for (int i = 1; i <= 10; i++) {
      sandbox.addMember(guid(i));
    }

    BulkSummary summary =
        BulkUpdate.builder()
            .nexus(
                MxNexusAsyncClient.builder()
                    .baseUrl(sandbox.baseUrl())
                    .ssoBaseUrl(sandbox.baseUrl())
                    .sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID))
            .build()
            .run(
                IntStream.rangeClosed(1, 10)
                    .mapToObj(
                        i ->
                            MemberUpdate.builder()
                                .member(guid(i))
                                .credential(MxSandbox.CREDENTIAL_GUID, "pw-" + i)
                                .skipAggregation(true)
                                .build()));

    assertThat(summary.done()).isEqualTo(10);
    assertThat(sandbox.received()).filteredOn(request -> request.path().equals("/sessions")).hasSize(1);
  }

  /** The tool in a JVM of its own, journaling to the default journal beside the input. */
  private Process child(Path input) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MxMembersCli.class.getName()));
    command.addAll(List.of("bulk-update", input.toString(), "--endpoint", sandbox.baseUrl(), "--concurrency", "4", "--json"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(ENV);
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /** Whole entries in the journal so far (its header not counted). */
  private static long entries(Path journal) throws IOException {
    if (!Files.exists(journal)) {
      return 0;
    }
    byte[] bytes = Files.readAllBytes(journal);
    long lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return Math.max(0, lines - 1);
  }
}
