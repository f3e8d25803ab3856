package io.github.mxmembers.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release, rehearsed: src/release/rehearse builds the bundle {@code mvn -Drelease deploy} would
 * upload to Maven Central, signed with a throwaway key, uploading nothing; this checks that the bundle
 * holds exactly the published artifacts, each whole and signed.
 */
class ReleaseRehearsalTest {
  private static final String VERSION = "0.1.0";
  private static final String GROUP = "io/github/mxmembers/";
  /** What is published, and in which files: a pom alone, or a jar with its sources and Javadoc. */
  private static final Map<String, List<String>> PUBLISHED =
      Map.of(
          "mx-members-parent", List.of(".pom"),
          "mx-members-bom", List.of(".pom"),
          "mx-members-generated", List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar"),
          "mx-members", List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar"),
          "mx-members-sandbox", List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar"),
          "mx-members-micrometer", List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar"),
          "mx-members-spring-boot-starter", List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar"),
          "mx-members-cli", List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar", "-all.jar"));
  private static final List<String> CHECKSUMS = List.of(".md5", ".sha1", ".sha256", ".sha512");

  private static Path bundle;
  private static Path work;
  private static String log;

  @BeforeAll
  static void rehearse() throws Exception {
    Assumptions.assumeTrue(onPath("gpg") && onPath("git"), "the rehearsal needs gpg and git");
    List<String> command = new ArrayList<>(List.of(ParentBuild.root().resolve("src/release/rehearse").toString(), VERSION));
    command.addAll(ParentBuild.settings());
    ProcessBuilder builder = new ProcessBuilder(command).directory(ParentBuild.root().toFile()).redirectErrorStream(true);
    // the rehearsal's mvn is this build's
    builder.environment().put("PATH", ParentBuild.mvn().getParent() + ":" + System.getenv("PATH"));
    Process process = builder.start();
    process.getOutputStream().close();
    log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(8, TimeUnit.MINUTES)).as("the rehearsal ended").isTrue();
    assertThat(process.exitValue()).as(log).isZero();
    List<String> lines = log.lines().toList();
    bundle = Paths.get(lines.get(lines.size() - 1));
    work = bundle.getParent().getParent().getParent().getParent();
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Paths.get(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (work != null && work.getFileName().toString().startsWith("mx-members-rehearsal.")) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void theBundleHoldsExactlyThePublishedArtifactsEachSignedAndChecksummed() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    PUBLISHED.forEach(
        (artifact, suffixes) -> {
          for (String suffix : suffixes) {
            String file = GROUP + artifact + "/" + VERSION + "/" + artifact + "-" + VERSION + suffix;
            expected.add(file);
            expected.add(file + ".asc");
            for (String checksum : CHECKSUMS) {
              expected.add(file + checksum); // signatures carry none: Central asks for none
            }
          }
        });
    TreeSet<String> entries = new TreeSet<>();
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      zip.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).forEach(entries::add);
      assertThat(entries).containsExactlyElementsOf(expected);
      for (String name : entries) {
        assertThat(zip.getEntry(name).getSize()).as(name).isPositive();
      }
    }
  }

  @Test
  void eachSignatureVerifiesAgainstTheRehearsalKey() throws Exception {
    Path files = Files.createTempDirectory(work, "verify");
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      for (String artifact : List.of("mx-members", "mx-members-cli")) {
        String jar = GROUP + artifact + "/" + VERSION + "/" + artifact + "-" + VERSION + ".jar";
        Path local = files.resolve(artifact + ".jar");
        Files.copy(zip.getInputStream(zip.getEntry(jar)), local);
        Files.copy(zip.getInputStream(zip.getEntry(jar + ".asc")), files.resolve(artifact + ".jar.asc"));
        ProcessBuilder verify =
            new ProcessBuilder("gpg", "--batch", "--verify", files.resolve(artifact + ".jar.asc").toString(), local.toString())
                .redirectErrorStream(true);
        verify.environment().put("GNUPGHOME", work.resolve("gnupg").toString());
        Process process = verify.start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(said).isZero();
        assertThat(said).contains("Good signature");
      }
    }
  }

  @Test
  void thePublishedPomsNameTheProjectAndTheCliGivesNoLoggerToItsDependents() throws IOException {
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      for (String artifact : PUBLISHED.keySet()) {
        String pom = new String(
            zip.getInputStream(zip.getEntry(GROUP + artifact + "/" + VERSION + "/" + artifact + "-" + VERSION + ".pom")).readAllBytes(),
            StandardCharsets.UTF_8);
        assertThat(pom).as(artifact).contains("<version>" + VERSION + "</version>").doesNotContain("SNAPSHOT");
      }
      String cli = new String(
          zip.getInputStream(zip.getEntry(GROUP + "mx-members-cli/" + VERSION + "/mx-members-cli-" + VERSION + ".pom")).readAllBytes(),
          StandardCharsets.UTF_8);
      int simple = cli.indexOf("<artifactId>slf4j-simple</artifactId>");
      assertThat(simple).isPositive();
      assertThat(cli.substring(simple, cli.indexOf("</dependency>", simple))).contains("<optional>true</optional>");
    }
  }
}
