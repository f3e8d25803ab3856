package io.github.mxmembers.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable CLI jar carries the licence and notice texts of everything it bundles: every bundled
 * project (found by its pom.properties, and picocli, which ships none) is named with its version in
 * META-INF/THIRD-PARTY.txt, and every licence text that file points to is in the jar.
 */
class CliJarLicencesTest {
  private static final Path JAR = ParentBuild.root().resolve("src/cli/target/mx-members.jar");

  private static String text(JarFile jar, String name) throws IOException {
    assertThat(jar.getEntry(name)).as(name + " in the jar").isNotNull();
    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyBundledProjectIsNamedWithItsVersionAndLicence() throws IOException {
    assertThat(JAR).exists();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String thirdParty = text(jar, "META-INF/THIRD-PARTY.txt");
      List<String> bundled = new ArrayList<>();
      for (var entries = jar.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
          Properties pom = new Properties();
          try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            pom.load(in);
          }
          if (!pom.getProperty("groupId").equals("io.github.mxmembers")) {
            bundled.add(pom.getProperty("groupId") + ":" + pom.getProperty("artifactId") + ":" + pom.getProperty("version"));
          }
        }
      }
      assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
      bundled.add("info.picocli:picocli:");
      assertThat(bundled).hasSizeGreaterThanOrEqualTo(8);
      for (String project : bundled) {
        assertThat(thirdParty).as("THIRD-PARTY.txt names " + project).contains(project);
      }
      assertThat(thirdParty).contains("io.github.mxmembers:mx-members");
      // the public suffix list HttpClient bundles is under the MPL
      if (jar.getEntry("org/publicsuffix/list/effective_tld_names.dat") != null) {
        assertThat(thirdParty).contains("Public Suffix List").contains("MPL-2.0.txt");
      }
    }
  }

  @Test
  void theLicenceAndNoticeTextsAreWholeAndNamed() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(text(jar, "META-INF/LICENSE")).contains("Apache License").contains("Version 2.0").hasSizeGreaterThan(10_000);
      assertThat(text(jar, "META-INF/licenses/MIT-SLF4J.txt")).contains("QOS.ch").contains("Permission is hereby granted");
      assertThat(text(jar, "META-INF/licenses/MPL-2.0.txt")).contains("Mozilla Public License Version 2.0");
      String notice = text(jar, "META-INF/NOTICE");
      assertThat(notice).contains("in this case for mx-members").doesNotContain("in this case for \n").contains("Apache HttpClient");
    }
  }

  @Test
  void theThinJarsPomGivesItsDependentsNoLoggerProvider() throws IOException {
    String pom = Files.readString(ParentBuild.root().resolve("src/cli/pom.xml"));
    int simple = pom.indexOf("<artifactId>slf4j-simple</artifactId>");
    assertThat(pom.substring(simple, pom.indexOf("</dependency>", simple))).contains("<optional>true</optional>");
  }
}
