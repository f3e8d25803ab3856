package io.github.mxmembers.regeneration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.build.ParentBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "When MX ships a new version", done for real: a copy of the SDK (root pom, openapi/, generated/,
 * ergonomic/) is rebuilt with Maven after switching mx.platform.version to a test-fixture spec
 * (openapi/test-fixtures: written by us, never published by MX).
 * With the outer build's local repository, settings and offline flag ({@link ParentBuild}): it has already fetched every plugin and dependency.
 */
class RegenerationTest {
  private static final Path ROOT = ParentBuild.root();
  private static final String GATE_ONLY = "-Dtest=PlatformSpecGateTest";

  @TempDir static Path scratch;

  @BeforeAll
  static void mavenIsAtHand() {
    assertThat(mvn()).as("the Maven running this build").exists();
  }

  private static Path mvn() {
    return ParentBuild.mvn();
  }

  /** A fresh copy of the SDK with the fixture spec installed as the given version. */
  private static Path sdkWith(String fixture, String version) throws IOException {
    Path copy = Files.createTempDirectory(scratch, version);
    Files.copy(ROOT.resolve("pom.xml"), copy.resolve("pom.xml"));
    for (String dir : new String[] {"openapi", "generated/src", "ergonomic/src"}) {
      copyTree(ROOT.resolve(dir), copy.resolve(dir));
    }
    // every module's pom: the reactor lists them all, and -pl leaves the others unbuilt
    try (Stream<Path> poms = Files.walk(ROOT, 3)) {
      for (Path pom : (Iterable<Path>) poms.filter(RegenerationTest::isModulePom)::iterator) {
        Path target = copy.resolve(ROOT.relativize(pom).toString());
        Files.createDirectories(target.getParent());
        Files.copy(pom, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(
        ROOT.resolve("openapi/test-fixtures").resolve(fixture),
        copy.resolve("openapi/mx-platform-" + version + ".yaml"));
    return copy;
  }

  private static boolean isModulePom(Path path) {
    String relative = ROOT.relativize(path).toString().replace('\\', '/');
    return path.getFileName().toString().equals("pom.xml")
        && !relative.equals("pom.xml")
        && !relative.contains("target/")
        && !relative.startsWith(".");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (from.relativize(file).toString().startsWith("target")) {
          continue; // the outer build's output
        }
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  /** One build: the switch is the only property set. */
  private static Build build(Path sdk, String version, String... extra) throws Exception {
    List<String> command = new ArrayList<>(List.of(mvn().toString(), "-B", "-ntp"));
    command.addAll(ParentBuild.settings());
    command.addAll(List.of(
        "-pl", "openapi,generated,ergonomic", "verify",
        "-Dmx.platform.version=" + version, "-Dsurefire.failIfNoSpecifiedTests=false"));
    command.addAll(List.of(extra));
    Path log = sdk.resolve("build.log");
    Process process =
        new ProcessBuilder(command).directory(sdk.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(8, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the nested build did not finish in 8 minutes");
    }
    return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static final class Build {
    final int exit;
    final String log;

    Build(int exit, String log) {
      this.exit = exit;
      this.log = log;
    }
  }

  private static String generated(Path sdk, String relative) throws IOException {
    return Files.readString(
        sdk.resolve("generated/target/generated-sources/openapi-platform/src/main/java/io/github/mxmembers/generated/platform").resolve(relative));
  }

  @Test
  void aTrimmedResponseTripsTheGateBeforeAnythingIsGenerated() throws Exception {
    Path sdk = sdkWith("mx-platform-fixture20260430-trimmed.yaml", "fixture20260430");

    Build build = build(sdk, "fixture20260430", GATE_ONLY);

    // the gate runs in openapi/, first in the reactor: nothing is generated from a spec it stops
    assertThat(build.exit).as(build.log).isNotZero();
    assertThat(sdk.resolve("generated/target/generated-sources")).doesNotExist();
    assertThat(build.log)
        .contains("Platform spec fixture20260430 against v20250224: INCOMPATIBLE")
        .contains("fixture20260430 replaces v20250224: <why it is acceptable>")
        .contains("user_id");
  }

  @Test
  void aRemovedFieldFailsTheErgonomicLayersCompilationNotARunTimeNull() throws Exception {
    Path sdk = sdkWith("mx-platform-fixture20260430-trimmed.yaml", "fixture20260430");

    // past the gate (tests skipped): what the code itself says about the removed fields
    Build build = build(sdk, "fixture20260430", "-Dmaven.test.skip=true");

    assertThat(build.exit).as(build.log).isNotZero();
    assertThat(generated(sdk, "JSON.java")).contains("API_VERSION = \"fixture20260430\"");
    assertThat(generated(sdk, "model/MemberResponse.java")).doesNotContain("getUserId").contains("getUserGuid");
    assertThat(build.log)
        .contains("COMPILATION ERROR")
        .contains("ergonomic/src/main/java/io/github/mxmembers/internal/platform/PlatformOperations.java")
        .contains("SERIALIZED_NAME_USER_ID")
        .contains("SERIALIZED_NAME_OAUTH_WINDOW_URI");
  }

  @Test
  void anAddedFieldPassesTheGateAndTheWholeSdkBuildsAndTests() throws Exception {
    Path sdk = sdkWith("mx-platform-fixture20260501-additive.yaml", "fixture20260501");

    Build build = build(sdk, "fixture20260501");

    assertThat(build.exit).as(build.log).isZero();
    assertThat(build.log).contains("Platform spec fixture20260501 against v20250224: compatible").contains("linked_at");
    assertThat(generated(sdk, "model/MemberResponse.java")).contains("public String getLinkedAt()");
    assertThat(Files.readString(sdk.resolve("ergonomic/target/generated-sources/java-templates/io/github/mxmembers/PlatformApiVersion.java")))
        .contains("FIXTURE20260501(\"fixture20260501\")");
  }

  /**
   * A status MX adds reaches the users' {@code ConnectionStatus} at once, and the build fails, naming
   * it, until someone decides what it means to a wait for an aggregation (the waiter's switch): a
   * status the SDK knows is one whose outcome was decided, never one that silently ends a wait.
   */
  @Test
  void aNewStatusValueReachesTheConnectionStatusUsersReadAndWaitsForADecision() throws Exception {
    Path sdk = sdkWith("mx-platform-fixture20260601-new-status.yaml", "fixture20260601");
    // a value added to a response enum is a breaking change to openapi-diff: acknowledged here
    Files.writeString(
        sdk.resolve("openapi/breaking-changes-acknowledged.txt"),
        "fixture20260601 replaces v20250224: REVOKED is a new connection_status; older SDKs read it as UNKNOWN\n",
        StandardOpenOption.APPEND);

    Build build = build(sdk, "fixture20260601");

    assertThat(build.log)
        .contains("Platform spec fixture20260601 against v20250224: INCOMPATIBLE, acknowledged")
        .contains("REVOKED");
    assertThat(Files.readString(sdk.resolve("ergonomic/target/generated-sources/public-enums/src/main/java/io/github/mxmembers/model/ConnectionStatus.java")))
        .contains("REVOKED(\"REVOKED\")");
    // the ergonomic tests read a member with each of the spec's statuses through connectionStatus():
    // v20250224 lists 22, so a 23rd Platform case is REVOKED
    String report =
        Files.readString(sdk.resolve("ergonomic/target/surefire-reports/TEST-io.github.mxmembers.PublicEnumsFollowTheSpecTest.xml"));
    assertThat(report)
        .contains("testcase name=\"everyPlatformSpecStatusReadsAsItsOwnConstant(String)[23]\"")
        .doesNotContain("<failure")
        .doesNotContain("<error");
    // and the waiter has not decided what REVOKED means: the build stops there, saying so
    assertThat(build.exit).as(build.log).isNotZero();
    assertThat(build.log)
        .contains("Tests run:")
        .contains("AggregationWaiter.decided(REVOKED): decide what it means to a wait");
  }
}
