package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.cli.MxMembersCli;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import io.github.mxmembers.sandbox.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * bulk-update given what users' files and tools give it: a rerun with another input, a journal that
 * is none, a line of 10 MB in a small heap, an unwritable rejects file, a byte-order mark, the same
 * member twice, an input of no known format. The journal and hang cases run the tool in a JVM of its
 * own, as a user does; the sandbox records what reached it.
 */
class BulkSafetyTest {
  /** One sandbox for the class, reset before each test: the shipped extension. */
  @RegisterExtension static final MxSandboxExtension SANDBOX = MxSandboxExtension.builder().build();

  private final MxSandbox sandbox = SANDBOX.sandbox();
  @TempDir Path dir;
  private Path keyFile;

  @BeforeEach
  void keyFile() {
    keyFile = dir.resolve("key").resolve("journal.key");
  }

  private Map<String, String> env() {
    return Map.of(
        "MX_CLIENT_ID", MxSandbox.CLIENT_ID, "MX_API_KEY", MxSandbox.API_KEY, "MX_MEMBERS_JOURNAL_KEY", keyFile.toString());
  }

  private static String guid(int i) {
    return String.format("MBR-safe-%03d", i);
  }

  /** A credentials campaign: member i gets password {@code tag-i}. */
  private Path campaign(String name, int n, String tag) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      sandbox.addMember(guid(i));
      lines.add(
          "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(i) + "\",\"credentials\":[{\"guid\":\""
              + MxSandbox.CREDENTIAL_GUID + "\",\"value\":\"" + tag + "-" + i + "\"}]}");
    }
    Path input = dir.resolve(name);
    Files.write(input, lines);
    return input;
  }

  private List<RecordedRequest> updates() {
    return sandbox.received().stream().filter(r -> r.method().equals("PUT")).collect(Collectors.toList());
  }

  /** The tool in a JVM of its own; its output once it has ended (within a minute). */
  private Child child(List<String> jvm, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MxMembersCli.class.getName()));
    command.add("bulk-update");
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint", sandbox.baseUrl()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env());
    Process process = builder.start();
    process.getOutputStream().close();
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("the run ended within a minute: " + output).isTrue();
    return new Child(process.exitValue(), output);
  }

  private static final class Child {
    final int code;
    final String output;

    Child(int code, String output) {
      this.code = code;
      this.output = output;
    }
  }

  @Test
  void aRerunWhoseCredentialValuesDifferIsRefusedBeforeAnythingIsSent() throws Exception {
    Path input = campaign("campaign.jsonl", 5, "old-pass");
    Path journal = dir.resolve("campaign.jsonl.journal");
    Child first = child(List.of(), input.toString(), "--json");
    assertThat(first.code).as(first.output).isZero();
    assertThat(updates()).hasSize(5);
    byte[] journalBefore = Files.readAllBytes(journal);

    // the same members, the same lengths, only the passwords changed
    sandbox.reset();
    campaign("campaign.jsonl", 5, "new-pass");
    Child rerun = child(List.of(), input.toString());

    assertThat(rerun.code).as(rerun.output).isEqualTo(1);
    assertThat(rerun.output).contains("the journal campaign.jsonl.journal was written for another input").contains("restart");
    assertThat(updates()).as("nothing sent").isEmpty();
    assertThat(Files.readAllBytes(journal)).as("the journal left as it was").isEqualTo(journalBefore);

    // --restart is the way to start over: every line is sent
    Child restarted = child(List.of(), input.toString(), "--restart", "--json");
    assertThat(restarted.code).as(restarted.output).isZero();
    assertThat(updates()).hasSize(5).allMatch(r -> r.body().contains("new-pass-"));
  }

  @Test
  void theJournalHoldsNothingAPasswordCanBeTestedAgainst() throws Exception {
    Path input = campaign("short.jsonl", 1, "pw");
    assertThat(child(List.of(), input.toString()).code).isZero();

    String journal = Files.readString(dir.resolve("short.jsonl.journal"));
    String line = Files.readAllLines(input).get(0);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    String plainHash = HexFormat.of().formatHex(sha256.digest(line.getBytes(StandardCharsets.UTF_8)));
    assertThat(journal).doesNotContain("pw-1").doesNotContain(plainHash).doesNotContain(plainHash.substring(0, 16));
    // the key lives where it was named, not beside the journal
    assertThat(Files.exists(keyFile)).isTrue();
    assertThat(keyFile.getParent()).isNotEqualTo(input.getParent());
  }

  @Test
  void metadataOfTheSameLengthAnEditedDoneLineAndAnotherFormatAreEachRefused() throws Exception {
    for (int i = 1; i <= 3; i++) {
      sandbox.addMember(guid(i));
    }
    Path input = dir.resolve("meta.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      lines.add("{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(i) + "\",\"metadata\":\"a\"}");
    }
    Files.write(input, lines);
    assertThat(child(List.of(), input.toString()).code).isZero();
    sandbox.reset();

    Files.write(input, lines.stream().map(l -> l.replace("\"a\"", "\"b\"")).collect(Collectors.toList()));
    Child metadata = child(List.of(), input.toString());
    assertThat(metadata.code).as(metadata.output).isEqualTo(1);

    // the same members as CSV, with the JSON Lines input's journal
    Path csv = dir.resolve("meta.csv");
    List<String> rows = new ArrayList<>(List.of("user,member,metadata"));
    for (int i = 1; i <= 3; i++) {
      rows.add(MxSandbox.USER_ID + "," + guid(i) + ",a");
    }
    Files.write(csv, rows);
    Child otherFormat = child(List.of(), csv.toString(), "--journal", dir.resolve("meta.jsonl.journal").toString());
    assertThat(otherFormat.code).as(otherFormat.output).isEqualTo(1);
    assertThat(otherFormat.output).contains("written for another input");
    assertThat(updates()).isEmpty();
  }

  @Test
  void aJournalThatIsNoWholeJournalIsRefusedWithOneMessageAndLeftAsItIs() throws Exception {
    Path input = campaign("torn.jsonl", 2, "p");
    Path journal = dir.resolve("torn.jsonl.journal");
    byte[][] journals = {
      "{\"mx_members_jou".getBytes(StandardCharsets.UTF_8),
      "{\"mx_members_jou\n{\"key\":1,\"fp\":\"00\",\"outcome\":\"done\"}\n".getBytes(StandardCharsets.UTF_8),
      {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', '\n', (byte) 0x80},
      "name,email\nann,ann@example.com\n".getBytes(StandardCharsets.UTF_8),
    };
    for (byte[] bytes : journals) {
      Files.write(journal, bytes);

      Child run = child(List.of(), input.toString());

      assertThat(run.code).as(run.output).isEqualTo(1);
      assertThat(run.output).contains("the journal torn.jsonl.journal is not an mx-members journal").contains("left as it is");
      assertThat(Files.readAllBytes(journal)).isEqualTo(bytes);
    }
    assertThat(updates()).isEmpty();
  }

  @Test
  void aTenMegabyteLineInASmallHeapIsRefusedAtOnceAndNothingIsSent() throws Exception {
    sandbox.addMember(guid(1));
    Path input = dir.resolve("huge.jsonl");
    String huge = "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(1) + "\",\"metadata\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
    Files.writeString(input, "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(2) + "\",\"metadata\":\"fine\"}\n" + huge + "\n");

    for (int attempt = 0; attempt < 2; attempt++) { // a fresh journal, then the one the first left (if any)
      Child run = child(List.of("-Xmx48m"), input.toString());

      assertThat(run.code).as(run.output).isEqualTo(2);
      assertThat(run.output).contains("line 2 of the input is over 65536 characters").contains("nothing was sent");
      assertThat(run.output).doesNotContain("OutOfMemoryError");
    }
    assertThat(updates()).isEmpty();

    // a dry run lists it as a bad line, without reading it whole
    Child dry = child(List.of("-Xmx48m"), input.toString(), "--dry-run");
    assertThat(dry.code).as(dry.output).isEqualTo(2);
    assertThat(dry.output).contains("line 2: the line is over 65536 characters").contains("2 lines checked, 1 bad");
  }

  @Test
  void anUnwritableRejectsFileRefusesTheRunBeforeAnythingIsSent() throws Exception {
    Path input = dir.resolve("r.jsonl");
    Files.writeString(input, "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"MBR-missing\",\"metadata\":\"m\"}\n");
    Path notADirectory = dir.resolve("plain-file");
    Files.writeString(notADirectory, "x");

    CliRun run = bulk(input, "--rejects", notADirectory.resolve("r.rejects.jsonl").toString());

    assertThat(run.code).as(run.all()).isEqualTo(2);
    assertThat(run.err).contains("--rejects: the rejects file").contains("nothing was sent");
    assertThat(updates()).isEmpty();
    assertThat(Files.exists(dir.resolve("r.jsonl.journal"))).isFalse();
  }

  private CliRun bulk(Path input, String... more) {
    List<String> args = new ArrayList<>(List.of("bulk-update", input.toString(), "--endpoint", sandbox.baseUrl()));
    args.addAll(List.of(more));
    return CliRun.run(env(), new byte[0], false, args.toArray(new String[0]));
  }

  @Test
  void aRejectsFileIsOwnerOnlyAndHoldsNoCredentialValueWhateverFieldItSatUnder() throws Exception {
    sandbox.addMember(guid(1));
    sandbox.addMember(guid(2));
    Path input = dir.resolve("typo.jsonl");
    Files.write(input, List.of(
        "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(1) + "\",\"credential\":[{\"guid\":\"CRD-1\",\"value\":\"S3CRETcliTYPO\"}]}",
        "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(2) + "\",\"nested\":{\"deeper\":[{\"value\":\"S3CRETdeep\"}]}}"));

    CliRun run = bulk(input);

    Path rejects = dir.resolve("typo.rejects.jsonl");
    assertThat(Files.exists(rejects)).as(run.all()).isTrue();
    assertThat(Files.readString(rejects)).contains(guid(1)).contains(guid(2)).doesNotContain("S3CRET");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(rejects))).isEqualTo("rw-------");
    assertThat(run.all()).doesNotContain("S3CRET");
    assertThat(updates()).isEmpty();
  }

  @Test
  void aByteOrderMarkIsTakenOnEitherFormat() throws Exception {
    sandbox.addMember(guid(1));
    sandbox.addMember(guid(2));
    Path csv = dir.resolve("excel.csv");
    Files.write(csv, ("\uFEFFuser,member,metadata\n" + MxSandbox.USER_ID + "," + guid(1) + ",from-excel\n").getBytes(StandardCharsets.UTF_8));
    Path jsonl = dir.resolve("bom.jsonl");
    Files.write(
        jsonl,
        ("\uFEFF{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(2) + "\",\"metadata\":\"from-bom\"}\n").getBytes(StandardCharsets.UTF_8));

    CliRun fromCsv = bulk(csv);
    CliRun fromJsonl = bulk(jsonl);

    assertThat(fromCsv.code).as(fromCsv.all()).isZero();
    assertThat(fromJsonl.code).as(fromJsonl.all()).isZero();
    assertThat(sandbox.platformMember(guid(1)).orElseThrow().get("metadata").getAsString()).isEqualTo("from-excel");
    assertThat(sandbox.platformMember(guid(2)).orElseThrow().get("metadata").getAsString()).isEqualTo("from-bom");
  }

  @Test
  void theSameMemberTwiceIsSentOnceAndTheLaterLineIsReportedTheSameOnTheRerun() throws Exception {
    sandbox.addMember(guid(1));
    sandbox.addMember(guid(2));
    Path input = dir.resolve("twice.jsonl");
    Files.write(
        input,
        List.of(
            "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(1) + "\",\"metadata\":\"first\"}",
            "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(2) + "\",\"metadata\":\"other\"}",
            "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(1) + "\",\"metadata\":\"second\"}"));

    CliRun dry = bulk(input, "--dry-run");
    CliRun run = bulk(input, "--json");
    CliRun rerun = bulk(input, "--json");

    assertThat(dry.code).isEqualTo(2);
    assertThat(dry.out).contains("line 3: an earlier item of this run updates the same member");
    assertThat(run.code).as(run.all()).isEqualTo(2);
    JsonObject report = JsonParser.parseString(run.out).getAsJsonObject();
    assertThat(report.get("done").getAsLong()).isEqualTo(2);
    assertThat(report.get("invalid").getAsLong()).isEqualTo(1);
    assertThat(updates()).hasSize(2);
    assertThat(sandbox.platformMember(guid(1)).orElseThrow().get("metadata").getAsString()).isEqualTo("first");
    assertThat(rerun.code).as(rerun.all()).isEqualTo(2);
    assertThat(updates()).hasSize(2);
  }

  @Test
  void anInputOfNoKnownFormatIsRefusedUnlessTheFormatIsGiven() throws Exception {
    sandbox.addMember(guid(1));
    Path input = dir.resolve("input.txt");
    Files.writeString(input, "{\"user\":\"" + MxSandbox.USER_ID + "\",\"member\":\"" + guid(1) + "\",\"metadata\":\"txt\"}\n");

    CliRun refused = bulk(input);
    assertThat(refused.code).isEqualTo(2);
    assertThat(refused.err).contains("neither .jsonl nor .csv").contains("--format");
    assertThat(updates()).isEmpty();

    CliRun given = bulk(input, "--format", "jsonl");
    assertThat(given.code).as(given.all()).isZero();
    assertThat(updates()).hasSize(1);
  }
}
