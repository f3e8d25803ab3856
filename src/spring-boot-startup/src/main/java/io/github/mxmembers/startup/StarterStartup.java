package io.github.mxmembers.startup;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the starter adds to the start-up of a minimal Spring Boot web application: a JVM per run,
 * spawned until the application is ready (it then exits), the application without the starter's
 * auto-configuration and with it (both Platform clients and the webhook endpoint made), in turn, after
 * two warm-up runs of each; medians of wall time. Run: {@code mvn -B -ntp -q install -DskipTests &&
 * mvn -B -ntp -q -pl src/spring-boot-startup exec:exec}.
 */
public final class StarterStartup {
  private static final int ROUNDS = 10;

  private StarterStartup() {}

  /**
   * Runs the comparison.
   *
   * @param args none
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    for (int i = 0; i < 2; i++) {
      run(false);
      run(true);
    }
    List<Double> without = new ArrayList<>();
    List<Double> with = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      if (round % 2 == 0) {
        without.add(run(false));
        with.add(run(true));
      } else {
        with.add(run(true));
        without.add(run(false));
      }
    }
    double a = median(without);
    double b = median(with);
    System.out.printf(Locale.ROOT,
        "Spring Boot start-up, spawn to ready (%d rounds, medians, Java %s, %d cores): without the starter %.0f ms,"
            + " with it %.0f ms: %+.0f ms (%.2fx)%n",
        ROUNDS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), a, b, b - a, b / a);
  }

  /** One application's start-up, in milliseconds. */
  private static double run(boolean starter) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), MinimalApplication.class.getName(),
        "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
    if (starter) {
      command.addAll(List.of("--mx.members.platform.client-id=startup", "--mx.members.platform.api-key=startup-key",
          "--mx.members.webhooks.enabled=true", "--mx.members.webhooks.username=mx", "--mx.members.webhooks.password=startup-pw"));
    } else {
      command.add("--spring.autoconfigure.exclude=io.github.mxmembers.spring.MxMembersAutoConfiguration");
    }
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int code = process.waitFor();
    double millis = (System.nanoTime() - started) / 1e6;
    if (code != 0) {
      throw new IllegalStateException("the application exited with " + code);
    }
    return millis;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
