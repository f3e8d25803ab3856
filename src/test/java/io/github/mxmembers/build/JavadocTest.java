package io.github.mxmembers.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.VersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc as published: the javadoc jars the build makes, read as javadoc.io serves them (the
 * jar's own layout, module directories included). The README's links resolve in them, every page's
 * footer carries the project's licence, and every public member and record component is described.
 */
class JavadocTest {
  /** The javadoc jar of each published artifact with Javadoc, by artifact id. */
  private static final Map<String, Path> JARS =
      Map.of(
          "mx-members", jar("ergonomic", "mx-members"),
          "mx-members-sandbox", jar("src/sandbox", "mx-members-sandbox"),
          "mx-members-cli", jar("src/cli", "mx-members-cli"));

  private static Path jar(String module, String artifact) {
    return ParentBuild.root().resolve(module).resolve("target").resolve(artifact + "-" + VersionInfo.SDK_VERSION + "-javadoc.jar");
  }

  private static final Pattern LINK = Pattern.compile("https://javadoc\\.io/doc/io\\.github\\.mxmembers/([a-z-]+)/latest/([^)#\\s]+)");

  private static String read(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyJavadocLinkInTheReadmeResolvesInThePublishedJar() throws IOException {
    String readme = Files.readString(ParentBuild.root().resolve("README.md"));
    Matcher links = LINK.matcher(readme);
    int checked = 0;
    while (links.find()) {
      Path jar = JARS.get(links.group(1));
      assertThat(jar).as("a javadoc jar for " + links.group(1)).isNotNull().exists();
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        assertThat(zip.getEntry(links.group(2))).as(links.group(0)).isNotNull();
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
  }

  @Test
  void everyPageCarriesTheLicenceAndNoneSaysAllRightsReserved() throws IOException {
    for (Path jar : JARS.values()) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry entry : zip.stream().filter(e -> e.getName().endsWith(".html")).toList()) {
          String page = read(zip, entry);
          assertThat(page).as(entry.getName()).doesNotContain("All rights reserved");
          if (page.contains("<footer")) {
            assertThat(page).as(entry.getName()).contains("Licensed under the <a href=\"https://www.apache.org/licenses/LICENSE-2.0\">Apache License, Version 2.0</a>");
          }
        }
      }
    }
  }

  private static final Pattern DETAIL = Pattern.compile("<section class=\"detail\" id=\"([^\"]+)\">(.*?)</section>", Pattern.DOTALL);
  private static final Pattern ACCESSOR = Pattern.compile("Returns the value of the <code>([A-Za-z0-9]+)</code> record component");

  @Test
  void everyPublicMemberAndRecordComponentIsDescribed() throws IOException {
    List<String> undescribed = new ArrayList<>();
    for (Path jar : JARS.values()) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry entry : zip.stream().toList()) {
          String name = entry.getName();
          if (!name.matches(".*/[A-Z][A-Za-z.]*\\.html") || name.contains("/class-use/")) {
            continue;
          }
          String page = read(zip, entry);
          Matcher detail = DETAIL.matcher(page);
          while (detail.find()) {
            if (!detail.group(2).contains("<div class=\"block\">")) {
              undescribed.add(name + " " + detail.group(1));
            }
          }
          Matcher accessor = ACCESSOR.matcher(page);
          while (accessor.find()) {
            String component = accessor.group(1);
            Matcher described = Pattern.compile("<span id=\"param-" + component + "\">" + component + "</span></code> - \\S").matcher(page);
            if (!described.find()) {
              undescribed.add(name + " record component " + component);
            }
          }
        }
      }
    }
    assertThat(undescribed).isEmpty();
  }
}
