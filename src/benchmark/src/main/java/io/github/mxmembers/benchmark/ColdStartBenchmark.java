package io.github.mxmembers.benchmark;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: spawn to first call, in a JVM per run ({@link ColdStart}), the SDK's and raw
 * HttpClient 5's in turn (which goes first alternates), against the one loopback server. Each JVM
 * builds its client and makes one update; the whole process is timed, so what the two share (the
 * JVM's own start, HttpClient 5 and Gson) is in both.
 */
final class ColdStartBenchmark {
  private ColdStartBenchmark() {}

  static void run(String baseUrl, int rounds) throws IOException, InterruptedException {
    List<Double> sdk = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    once("raw", baseUrl); // the page cache warm for both
    once("sdk", baseUrl);
    for (int round = 0; round < rounds; round++) {
      double r;
      double s;
      if (round % 2 == 0) {
        r = once("raw", baseUrl);
        s = once("sdk", baseUrl);
      } else {
        s = once("sdk", baseUrl);
        r = once("raw", baseUrl);
      }
      raw.add(r);
      sdk.add(s);
      ratios.add(s / r);
    }
    System.out.printf(
        Locale.ROOT,
        "cold start            : spawn to first call, sdk %.0f ms, raw %.0f ms (medians of %d); ratio median %.3f (min %.3f, max %.3f)%n",
        UpdateMemberBenchmark.median(sdk), UpdateMemberBenchmark.median(raw), rounds,
        UpdateMemberBenchmark.median(ratios), ratios.stream().mapToDouble(d -> d).min().orElse(0),
        ratios.stream().mapToDouble(d -> d).max().orElse(0));
  }

  /** One child JVM, start to exit, in milliseconds. */
  private static double once(String which, String baseUrl) throws IOException, InterruptedException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    long started = System.nanoTime();
    Process child =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), which, baseUrl)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!child.waitFor(60, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new IOException("a cold start did not end in 60 s");
    }
    if (child.exitValue() != 0) {
      throw new IOException("the " + which + " cold start failed: exit " + child.exitValue());
    }
    return (System.nanoTime() - started) / 1e6;
  }
}
