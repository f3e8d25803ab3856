package io.github.mxmembers.e2e;

import io.github.mxmembers.cli.MxMembersCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the command-line tool: its exit code and everything it printed. */
final class CliRun {
  final int code;
  final String out;
  final String err;

  private CliRun(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  /** Runs the tool with this environment, standard input, and stderr a terminal or not. */
  static CliRun run(Map<String, String> env, byte[] stdin, boolean errIsTerminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        MxMembersCli.run(
            args, new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(stdin), env, errIsTerminal);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Standard output then standard error. */
  String all() {
    return out + err;
  }
}
