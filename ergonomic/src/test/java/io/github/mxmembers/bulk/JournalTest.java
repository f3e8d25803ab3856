package io.github.mxmembers.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final String KEY = "0011223344556677";
  private static final String INPUT = "aa".repeat(32);

  @TempDir Path dir;

  private static JsonObject outcome(String outcome) {
    JsonObject entry = new JsonObject();
    entry.addProperty("outcome", outcome);
    return entry;
  }

  private Journal open(Path path) {
    return Journal.open(path, KEY, INPUT, false);
  }

  @Test
  void remembersWhatAnEarlierRunFinished() {
    Path path = dir.resolve("run.journal");
    try (Journal journal = open(path)) {
      journal.record(1, 11, outcome("done"));
      journal.record(3, -33, outcome("failed"));
    }
    try (Journal again = open(path)) {
      assertThat(again.finished(1, 11)).isTrue();
      assertThat(again.finished(2, 22)).isFalse();
      assertThat(again.finished(3, -33)).isTrue();
      assertThat(again.failedBefore(1)).isFalse();
      assertThat(again.failedBefore(3)).isTrue();
    }
  }

  @Test
  void aLineTornByACrashWasNotRecorded() throws Exception {
    Path path = dir.resolve("run.journal");
    try (Journal journal = open(path)) {
      journal.record(1, 11, outcome("done"));
    }
    Files.write(path, "{\"key\":2,\"fp\":\"00000016\",\"outc".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

    try (Journal again = open(path)) {
      assertThat(again.finished(1, 11)).isTrue();
      assertThat(again.finished(2, 22)).isFalse();
      again.record(2, 22, outcome("done"));
    }
    assertThat(Files.readAllLines(path)).hasSize(3).allMatch(line -> line.startsWith("{") && line.endsWith("}"));
  }

  @Test
  void refusesAnItemOfOtherContent() {
    Path path = dir.resolve("run.journal");
    try (Journal journal = open(path)) {
      journal.record(1, 11, outcome("done"));
    }
    try (Journal again = open(path)) {
      assertThatThrownBy(() -> again.finished(1, 12))
          .isInstanceOf(Journal.Failure.class)
          .hasMessageContaining("recorded item 1 with other content");
    }
  }

  @Test
  void refusesAnotherKeyOrInputAndLeavesTheFileAsItWas() throws Exception {
    Path path = dir.resolve("run.journal");
    try (Journal journal = open(path)) {
      journal.record(1, 11, outcome("done"));
    }
    byte[] before = Files.readAllBytes(path);

    assertThatThrownBy(() -> Journal.open(path, "ffffffffffffffff", INPUT, false))
        .isInstanceOf(Journal.Failure.class)
        .hasMessageContaining("under another journal key");
    assertThatThrownBy(() -> Journal.open(path, KEY, "bb".repeat(32), false))
        .isInstanceOf(Journal.Failure.class)
        .hasMessageContaining("written for another input");
    assertThatThrownBy(() -> Journal.open(path, KEY, null, false)).hasMessageContaining("written for another input");
    assertThat(Files.readAllBytes(path)).isEqualTo(before);
  }

  @Test
  void refusesWhatIsNoWholeJournalAndNeverWritesToIt() throws Exception {
    String header = Journal.header(KEY, INPUT);
    byte[][] files = {
      "hello\n".getBytes(StandardCharsets.UTF_8), // another tool's text
      header.substring(0, 12).getBytes(StandardCharsets.UTF_8), // a torn header, nothing after it
      (header.substring(0, 12) + "\n{\"key\":1,\"fp\":\"0b\",\"outcome\":\"done\"}\n").getBytes(StandardCharsets.UTF_8),
      {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n', (byte) 0xc3}, // binary garbage
      (header + "\n" + "{\"key\":1,\"fp\":\"0b\",\"outcome\":\"done\"}\n" + "\u00ff\u0000garbage\n" + "{\"key\":2,\"fp\":\"0c\"}\n")
          .getBytes(StandardCharsets.UTF_8), // a bad line in the middle
      (header + "\n").replace("\"mx_members_journal\":2", "\"mx_members_journal\":1").getBytes(StandardCharsets.UTF_8),
    };
    String[] reasons = {
      "is not an mx-members journal",
      "is not an mx-members journal",
      "is not an mx-members journal",
      "is not an mx-members journal",
      "line 3 is not a journal entry",
      "is in format 1",
    };
    for (int i = 0; i < files.length; i++) {
      Path path = dir.resolve("case-" + i + ".journal");
      Files.write(path, files[i]);

      assertThatThrownBy(() -> open(path)).as("case %d", i).isInstanceOf(Journal.Failure.class).hasMessageContaining(reasons[i]);
      assertThat(Files.readAllBytes(path)).as("case %d left as it was", i).isEqualTo(files[i]);
    }
  }

  @Test
  void restartStartsAnyFileOver() throws Exception {
    Path path = dir.resolve("run.journal");
    Files.writeString(path, "hello\n");

    try (Journal journal = Journal.open(path, KEY, INPUT, true)) {
      assertThat(journal.finished(1, 11)).isFalse();
      journal.record(1, 11, outcome("done"));
    }
    assertThat(Files.readAllLines(path)).hasSize(2).first().isEqualTo(Journal.header(KEY, INPUT));
  }

  @Test
  void aNewJournalHasItsWholeHeaderAndNoTemporaryFileIsLeft() throws Exception {
    Path path = dir.resolve("run.journal");
    try (Journal journal = Journal.open(path, KEY, null, false)) {
      assertThat(journal.failure()).isEmpty();
    }
    assertThat(Files.readString(path)).isEqualTo("{\"mx_members_journal\":2,\"key\":\"" + KEY + "\"}\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(path);
    }
  }
}
