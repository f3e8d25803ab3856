package io.github.mxmembers.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate: compares the active Platform spec with the version it replaces (the
 * newest spec in openapi/ dated before it) and fails on an incompatible change (a removed response
 * field, a newly required parameter, a changed type) unless openapi/breaking-changes-acknowledged.txt
 * has a line {@code <new> replaces <old>: <why>}. Compatible changes pass and are reported.
 */
final class SpecCompatibilityGate {
  static final String ACKNOWLEDGEMENTS = "breaking-changes-acknowledged.txt";
  private static final Pattern SPEC = Pattern.compile("mx-platform-(.+)\\.yaml");
  private static final Pattern DATE = Pattern.compile("(\\d{8})");

  private SpecCompatibilityGate() {}

  /** What the gate found. */
  static final class Verdict {
    final String oldVersion;
    final String newVersion;
    final boolean incompatible;
    final boolean acknowledged;
    final String report;

    Verdict(String oldVersion, String newVersion, boolean incompatible, boolean acknowledged, String report) {
      this.oldVersion = oldVersion;
      this.newVersion = newVersion;
      this.incompatible = incompatible;
      this.acknowledged = acknowledged;
      this.report = report;
    }

    boolean passes() {
      return !incompatible || acknowledged;
    }

    /** What the build prints: the verdict, how to acknowledge, then openapi-diff's report. */
    String summary() {
      String verdict;
      if (!incompatible) {
        verdict = "compatible";
      } else if (acknowledged) {
        verdict = "INCOMPATIBLE, acknowledged in openapi/" + ACKNOWLEDGEMENTS;
      } else {
        verdict =
            "INCOMPATIBLE: the build stops here. Review the changes below; if the SDK should move"
                + " anyway, add this line to openapi/"
                + ACKNOWLEDGEMENTS
                + ":\n  "
                + newVersion
                + " replaces "
                + oldVersion
                + ": <why it is acceptable>";
      }
      return "Platform spec " + newVersion + " against " + oldVersion + ": " + verdict + "\n\n" + report;
    }
  }

  /** The version a spec file name carries, or empty for another file. */
  static Optional<String> versionOf(Path spec) {
    Matcher matcher = SPEC.matcher(spec.getFileName().toString());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The newest Platform spec in the directory dated before the active version, if any. */
  static Optional<Path> predecessor(Path openapiDir, String activeVersion) throws IOException {
    Optional<String> activeDate = dateOf(activeVersion);
    if (activeDate.isEmpty()) {
      return Optional.empty();
    }
    List<Path> earlier;
    try (Stream<Path> files = Files.list(openapiDir)) {
      earlier =
          files
              .filter(file -> versionOf(file).flatMap(SpecCompatibilityGate::dateOf).isPresent())
              .filter(file -> dateOf(versionOf(file).get()).get().compareTo(activeDate.get()) < 0)
              .sorted(Comparator.comparing(file -> dateOf(versionOf(file).get()).get()))
              .collect(Collectors.toList());
    }
    return earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
  }

  private static Optional<String> dateOf(String version) {
    Matcher matcher = DATE.matcher(version);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** Compares two specs; acknowledgements are read from the file, which may be absent. */
  static Verdict check(Path oldSpec, Path newSpec, Path acknowledgements) throws IOException {
    String oldVersion = versionOf(oldSpec).orElse(oldSpec.getFileName().toString());
    String newVersion = versionOf(newSpec).orElse(newSpec.getFileName().toString());
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(oldSpec.toUri().toString(), newSpec.toUri().toString());
    String report = new MarkdownRender().render(diff);
    return new Verdict(
        oldVersion,
        newVersion,
        diff.isIncompatible(),
        acknowledged(acknowledgements, oldVersion, newVersion),
        report);
  }

  private static boolean acknowledged(Path file, String oldVersion, String newVersion)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    String expected = newVersion + " replaces " + oldVersion + ":";
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("#") && trimmed.startsWith(expected)
          && trimmed.length() > expected.length()) {
        return true;
      }
    }
    return false;
  }
}
