package io.github.mxmembers.cli;

import com.google.gson.JsonObject;
import io.github.mxmembers.VersionInfo;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mx-members}: update MX members from a terminal, against MX or the embedded sandbox. */
@Command(
    name = "mx-members",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    versionProvider = MxMembersCli.Version.class,
    description = "Update MX members (Platform API or Nexus API) from a terminal.",
    subcommands = {UpdateMemberCommand.class, CredentialsCommand.class, ResumeCommand.class, BulkUpdateCommand.class, WebhooksCommand.class, CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
    footer = {
      "",
      "Exit codes: 0 ok, 2 bad input, 3 MX API error, 4 transport failure, 5 unreadable response;",
      "bulk-update also 1 (its journal cannot be used) and 6 (the run stopped on an unexpected failure);",
      "update-member --wait and resume also 7 (needs the end user), 8 (ended otherwise), 9 (the wait timed",
      "out) and 10 (still challenged: an answer missing, or 5 rounds).",
      "'mx-members COMMAND --help' says what each means for that command."
    })
public final class MxMembersCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line, such as {@code update-member --member MBR-... --metadata m}
   */
  public static void main(String[] args) {
    // quiet by default, unless the user chose a level (-Dorg.slf4j.simpleLogger.defaultLogLevel=...)
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // HttpClient's wire and header logs print raw traffic, credentials and keys included: off,
    // whatever level the user chose
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire", "off");
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers", "off");
    int code =
        run(
            args,
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            System.in,
            System.getenv(),
            Terminal.stderrIsTerminal());
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
    return run(args, out, err, in, env, false);
  }

  /**
   * Runs the tool, saying whether standard error is a terminal: retries are reported there as they
   * happen only then.
   *
   * @param args the command line
   * @param out where results go
   * @param err where errors go
   * @param in where {@code --credentials-stdin} reads from
   * @param env the environment variables
   * @param errIsTerminal whether {@code err} is a terminal a person watches
   * @return the exit code, one of {@link ExitCodes}
   */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> env,
      boolean errIsTerminal) {
    CommandLine cli =
        new CommandLine(new MxMembersCli(), new Factory(in, env, errIsTerminal))
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
    UpdateMemberCommand.addFieldOptions(cli.getSubcommands().get("update-member").getCommandSpec());
    cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    return cli.execute(args);
  }

  /**
   * Usage errors, never echoing anything the user typed but option names this tool defines: an
   * unknown argument may be a credential typed with a space instead of '=', and any value may be
   * one too.
   */
  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String message = UsageErrors.describe(e);
    if (Arrays.asList(args).contains("--json")) {
      JsonObject error = new JsonObject();
      error.addProperty("kind", "bad_input");
      error.addProperty("exit_code", ExitCodes.BAD_INPUT);
      error.addProperty("message", message);
      JsonObject root = new JsonObject();
      root.add("error", error);
      cli.getOut().println(root);
      cli.getOut().flush();
      return ExitCodes.BAD_INPUT;
    }
    cli.getErr().println("mx-members: " + message);
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.BAD_INPUT;
  }

  /** The top-level command, as picocli makes it: {@link #run(String[], PrintWriter, PrintWriter, InputStream, Map)} is the way in. */
  public MxMembersCli() {}

  /** Run without a command: prints the usage, listing the commands. picocli calls it. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Hands each command the streams and environment it runs with. */
  private static final class Factory implements CommandLine.IFactory {
    private final InputStream in;
    private final Map<String, String> env;
    private final boolean errIsTerminal;

    Factory(InputStream in, Map<String, String> env, boolean errIsTerminal) {
      this.in = in;
      this.env = env;
      this.errIsTerminal = errIsTerminal;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == UpdateMemberCommand.class) {
        return type.cast(new UpdateMemberCommand(in, env, errIsTerminal));
      }
      if (type == CredentialsCommand.class) {
        return type.cast(new CredentialsCommand(env));
      }
      if (type == ResumeCommand.class) {
        return type.cast(new ResumeCommand(in, env, errIsTerminal));
      }
      if (type == WebhooksListenCommand.class) {
        return type.cast(new WebhooksListenCommand(env));
      }
      if (type == BulkUpdateCommand.class) {
        return type.cast(new BulkUpdateCommand(env, errIsTerminal));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {VersionInfo.USER_AGENT};
    }
  }
}
