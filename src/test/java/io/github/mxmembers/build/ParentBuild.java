package io.github.mxmembers.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The Maven build running the tests, for the tests that run a nested build (regeneration, the release
 * rehearsal): where its Maven is, and its settings, passed on so that the nested build finds what it
 * resolved.
 */
public final class ParentBuild {
  private ParentBuild() {}

  /** {@return the mvn of the Maven running this build} */
  public static Path mvn() {
    return Paths.get(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
  }

  /** {@return the root of the repository under test} */
  public static Path root() {
    return Paths.get(System.getProperty("mx.repository.root", "..")).toAbsolutePath().normalize();
  }

  /**
   * {@return its local repository (a CI cache, {@code -Dmaven.repo.local}), its settings files
   * ({@code -s}, {@code -gs}) and its offline flag, as options for a nested mvn}
   */
  public static List<String> settings() {
    List<String> settings = new ArrayList<>();
    String repository = System.getProperty("mx.parent.localRepository", "");
    if (!repository.isBlank()) {
      settings.add("-Dmaven.repo.local=" + repository);
    }
    String userSettings = System.getProperty("mx.parent.userSettings", "");
    if (!userSettings.isBlank() && Files.isRegularFile(Paths.get(userSettings))) {
      settings.addAll(List.of("-s", userSettings));
    }
    String globalSettings = System.getProperty("mx.parent.globalSettings", "");
    if (!globalSettings.isBlank() && Files.isRegularFile(Paths.get(globalSettings))) {
      settings.addAll(List.of("-gs", globalSettings));
    }
    // "offline=true": a property made of the one expression would be a Boolean, which surefire cannot pass
    if (System.getProperty("mx.parent.offline", "").equals("offline=true")) {
      settings.add("-o");
    }
    return settings;
  }
}
