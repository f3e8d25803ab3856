package io.github.mxmembers.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard error is a terminal a person watches, whatever standard output is: {@code
 * System.console()} is null as soon as standard output is redirected ({@code > report.txt}, {@code |
 * cat}), which would hide progress that goes to standard error. Asks {@code test -t 2} with this
 * process's standard error handed down; where there is no {@code sh} (Windows), falls back on {@code
 * System.console()}.
 */
final class Terminal {
  private Terminal() {}

  static boolean stderrIsTerminal() {
    try {
      Process test =
          new ProcessBuilder("sh", "-c", "test -t 2")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      test.getOutputStream().close();
      if (test.waitFor(2, TimeUnit.SECONDS)) {
        return test.exitValue() == 0;
      }
      test.destroyForcibly();
    } catch (IOException noShell) {
      // no sh here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return System.console() != null;
  }
}
