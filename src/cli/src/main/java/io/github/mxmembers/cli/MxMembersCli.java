package io.github.mxmembers.cli;

import io.github.mxmembers.internal.SdkInfo;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mx-members}: update MX members from a terminal, against MX or the embedded sandbox. */
@Command(
    name = "mx-members",
    mixinStandardHelpOptions = true,
    versionProvider = MxMembersCli.Version.class,
    description = "Update MX members (Platform API or Nexus API) from a terminal.",
    subcommands = {UpdateMemberCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Exit codes: 0 ok, 2 bad input, 3 MX API error, 4 transport failure, 5 unreadable response."
    })
public final class MxMembersCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line, such as {@code update-member --member MBR-... --metadata m}
   */
  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int code =
        run(
            args,
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            System.in,
            System.getenv());
    System.exit(code);
  }

  /**
   * Runs the tool with the given streams and environment, for embedding and tests.
   *
   * @param args the command line
   * @param out where results go
   * @param err where errors go
   * @param in where {@code --credentials-stdin} reads from
   * @param env the environment variables ({@code MX_CLIENT_ID}, {@code MX_API_KEY}, ...)
   * @return the exit code, one of {@link ExitCodes}
   */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    CommandLine cli =
        new CommandLine(new MxMembersCli(), new Factory(in, env))
            .setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExitCodeExceptionMapper(ExitCodes::of)
            .setParameterExceptionHandler(MxMembersCli::badArguments)
            .setExecutionExceptionHandler(
                (failure, commandLine, parseResult) -> {
                  commandLine.getErr().println("mx-members: " + failure.getMessage());
                  return ExitCodes.of(failure);
                });
    cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    return cli.execute(args);
  }

  /**
   * Usage errors, never echoing a value: an unmatched argument may be a credential typed with a
   * space instead of '=', and any option value after '=' may be one too.
   */
  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String message;
    if (e instanceof CommandLine.UnmatchedArgumentException) {
      List<String> options = new ArrayList<>();
      for (String unmatched : ((CommandLine.UnmatchedArgumentException) e).getUnmatched()) {
        if (unmatched.startsWith("-")) {
          int eq = unmatched.indexOf('=');
          options.add(eq < 0 ? unmatched : unmatched.substring(0, eq));
        }
      }
      message =
          options.isEmpty()
              ? "unexpected argument (values are not repeated here; options take NAME=VALUE)"
              : "unknown option " + String.join(", ", options);
    } else {
      message = e.getMessage().replaceAll("=[^'\\s,]+", "=****");
    }
    cli.getErr().println("mx-members: " + message);
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Hands each command the streams and environment it runs with. */
  private static final class Factory implements CommandLine.IFactory {
    private final InputStream in;
    private final Map<String, String> env;

    Factory(InputStream in, Map<String, String> env) {
      this.in = in;
      this.env = env;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == UpdateMemberCommand.class) {
        return type.cast(new UpdateMemberCommand(in, env));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {SdkInfo.USER_AGENT};
    }
  }
}
