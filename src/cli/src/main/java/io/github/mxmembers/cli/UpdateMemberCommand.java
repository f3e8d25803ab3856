package io.github.mxmembers.cli;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxClient;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.UpdateField;
import io.github.mxmembers.model.UseCase;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookReceiver;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** {@code mx-members update-member}: one member update, printed as sent and as MX answered. */
@Command(
    name = "update-member",
    mixinStandardHelpOptions = true,
    versionProvider = MxMembersCli.Version.class,
    usageHelpWidth = 100,
    description = {
      "Update a member on the MX Platform API or the Nexus API.",
      "Without --endpoint it runs against an embedded sandbox: no MX account needed.",
      "",
      "MX credentials come from the environment: MX_CLIENT_ID and MX_API_KEY (Platform Basic auth;",
      "for Nexus the SSO API key, with MX_USER_ID), or MX_API_TOKEN (Nexus, a one-time token).",
      "",
      "Credential values: prefer --credentials-stdin, --credentials-file or --credential-env. A value",
      "given with --credential can be read by other users of this machine (ps, /proc) and stays in",
      "shell history. Stdin and file take one GUID=VALUE per line: the value is everything after the",
      "first '=' to the end of the line, spaces, tabs, quotes and '=' included; lines end with LF or",
      "CRLF; empty lines are skipped; UTF-8."
    },
    footer = {
      "",
      "Examples:",
      "  mx-members update-member --user u-1234 --member MBR-7c6f361b-e582-15b6-60c0-358f12466b4b \\",
      "      --credentials-stdin < new-password.txt",
      "  mx-members update-member --api nexus --member MBR-7c6f361b-e582-15b6-60c0-358f12466b4b \\",
      "      --credential-env CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f=BANK_PASSWORD --skip-webhook --json",
      "  mx-members update-member --endpoint integration --user u-1234 --member MBR-7c6f... \\",
      "      --metadata 'reconnected' --dry-run",
      "",
      "  mx-members update-member --user u-1234 --member MBR-7c6f361b-e582-15b6-60c0-358f12466b4b \\",
      "      --ask-credentials --wait",
      "",
      "Exit codes: 0 ok (with --wait: connected), 2 bad input (nothing sent), 3 MX API error,",
      "4 transport failure, 5 unreadable response; with --wait also 7 the member needs the end user",
      "(new credentials, a new MFA answer, the institution, OAuth), 8 the aggregation ended otherwise",
      "(FAILED, CLOSED, ...), 9 the wait timed out while MX was still aggregating, 10 still challenged",
      "(an answer missing for a challenge MX asked: answer it with 'mx-members resume'; or 5 rounds).",
      "",
      "MFA answers (--answers-stdin, --answers-file): one per line, GUID=VALUE, or N=VALUE for the N-th",
      "challenge of a round in MX's order (MX's guids are known only once it asks); each line is used",
      "once, the rounds taking them in order. A guid given twice, an empty value, a NUL, or more than",
      "1 MiB is refused before anything is sent.",
      "",
      "--json adds 'wait': outcome, connection_status, end_user_action, status_reads and",
      "waited_seconds (every round's together), exit_code, and rounds: each round's outcome,",
      "connection_status, status_reads, waited_seconds, the challenges asked (guid, type, label), and",
      "answered_from and answers (how many; never the values) or unanswered (why). Against the",
      "embedded sandbox also 'webhooks', each as 'webhooks listen --json' prints it."
    })
final class UpdateMemberCommand implements Callable<Integer> {
  @Mixin SendOptions options;

  // the options of the update's fields (--user, --member, --id, --metadata, ...) are made from the
  // SDK's table of fields: see addFieldOptions

  @Option(names = "--credential", paramLabel = "GUID=VALUE", description = "A credential to send; repeatable. Visible to other local users: see above.")
  List<String> credentials = new ArrayList<>();

  @Option(names = "--credentials-stdin", description = "Read GUID=VALUE lines from standard input.")
  boolean credentialsFromStdin;

  @Option(names = "--credentials-file", paramLabel = "PATH", description = "Read GUID=VALUE lines from a file only its owner can read (chmod 600).")
  Path credentialsFile;

  @Option(names = "--credential-env", paramLabel = "GUID=VARIABLE", description = "A credential whose value is in an environment variable; repeatable.")
  List<String> credentialsFromEnv = new ArrayList<>();

  @Option(names = "--api-version", paramLabel = "VERSION", description = "Platform Accept-Version (default: the newest this build supports).")
  String apiVersion;

  @Option(names = "--dry-run", description = "Print the request that would be sent (secrets redacted) and send nothing.")
  boolean dryRun;

  @Option(names = "--ask-credentials", description = "Ask on the terminal, without echo, for each credential the member's institution needs (by its label).")
  boolean askCredentials;

  @Mixin WaitOptions wait;

  /** The MFA answers given on stdin or in a file, read before anything is sent; null to ask on the terminal. */
  private List<Credential> given;

  /** The exit code the wait's outcome gives, when there was a wait. */
  private int outcomeCode = ExitCodes.OK;

  @picocli.CommandLine.Spec CommandSpec spec;

  private final InputStream in;
  private final Map<String, String> env;
  private final boolean errIsTerminal;

  UpdateMemberCommand(InputStream in, Map<String, String> env, boolean errIsTerminal) {
    this.in = in;
    this.env = env;
    this.errIsTerminal = errIsTerminal;
  }

  @Override
  public Integer call() {
    options.applyDebug();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Report report = new Report(options.api.name());
    try {
      checkWaitOptions();
      // everything read from the user before anything is sent: a file that cannot be used stops here
      given = wait.answers(in);
      MemberUpdate.Builder update = update(err);
      try (Endpoint endpoint = Endpoint.of(options, env)) {
        if (endpoint.sandbox() != null) {
          report.sandbox(endpoint.sandbox().baseUrl());
          report.before(
              options.api == SendOptions.Api.PLATFORM
                  ? endpoint.sandbox().platformMember(text(UpdateField.MEMBER)).orElse(null)
                  : endpoint.sandbox().nexusMember(text(UpdateField.MEMBER)).orElse(null));
        }
        send(update, report, endpoint, out, err);
      }
    } catch (RuntimeException failure) {
      report.failure(failure);
      report.print(out, err, options.json);
      return ExitCodes.of(failure);
    }
    report.print(out, err, options.json);
    return outcomeCode;
  }

  /** The wait's options, checked before anything is sent. */
  private void checkWaitOptions() {
    wait.check(credentialsFromStdin ? "--credentials-stdin" : null, true);
    if (wait.waitForAggregation && dryRun) {
      throw new IllegalArgumentException("--wait waits for what an update starts: it cannot go with --dry-run");
    }
    if (askCredentials && options.api == SendOptions.Api.PLATFORM && text(UpdateField.USER) == null) {
      throw new IllegalArgumentException("--user: required on the Platform API");
    }
    if (askCredentials && Answers.console().isEmpty()) {
      throw new IllegalArgumentException("--ask-credentials asks on a terminal, and there is none: give the credentials with --credentials-stdin or --credentials-file");
    }
  }

  /** Sends the update to the endpoint, then, with --wait, follows it through to its outcome. */
  @SuppressWarnings("try") // the webhook receiver is a resource to close, not used in the body
  private void send(MemberUpdate.Builder update, Report report, Endpoint endpoint, PrintWriter out, PrintWriter err) {
    CallListener retries = errIsTerminal ? new RetriesOnTerminal(err, options.maxAttempts) : CallListener.NONE;
    try (MxClient client = endpoint.client(retries, apiVersion == null ? null : apiVersion());
        WebhookReceiver webhooks = sandboxWebhooks(endpoint, client, report, err)) {
      report.endpoint(endpoint.name());
      MemberRef member = endpoint.member(text(UpdateField.USER), text(UpdateField.MEMBER));
      MemberUpdate asked = withAskedCredentials(update, client, member);
      report.request(client.preview(asked));
      if (dryRun) {
        report.dryRun();
        return;
      }
      report.result(client.updateMember(asked));
      if (!options.json) {
        report.printSentNow(out); // what was sent, on the screen before the wait begins
      }
      if (wait.waitForAggregation) {
        Answers answers = new Answers(given, Answers.console().orElse(null));
        AggregationOutcome outcome =
            new FollowThrough(client, member, wait, answers, report, err, errIsTerminal).fromUpdate();
        report.outcome(outcome);
        outcomeCode = exitCode(outcome);
      }
    }
  }

  /**
   * With --wait against the embedded sandbox, a receiver for the sandbox's webhooks: each wakes the
   * wait on its member and is shown beside the status reads (live on a terminal, and in the report).
   * Null otherwise; closing it delivers what it took before the report is printed.
   */
  private WebhookReceiver sandboxWebhooks(Endpoint endpoint, MxClient client, Report report, PrintWriter err) {
    if (endpoint.sandbox() == null || !wait.waitForAggregation) {
      return null;
    }
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .auth(WebhookAuth.basic(MxSandbox.WEBHOOK_USERNAME, MxSandbox.WEBHOOK_PASSWORD))
            .wakeWaits(client)
            .listener(
                event -> {
                  report.webhook(event);
                  if (errIsTerminal) {
                    err.println("mx-members: webhook " + WebhookLines.line(event));
                    err.flush();
                  }
                })
            .build();
    endpoint.sandbox().receiveWebhooks(receiver);
    return receiver;
  }

  /** The update, with the credentials asked on the terminal for --ask-credentials. */
  private MemberUpdate withAskedCredentials(MemberUpdate.Builder update, MxClient client, MemberRef member) {
    if (askCredentials) {
      for (Credential credential : new Answers(null, Answers.console().orElse(null)).credentials(client.listCredentials(member))) {
        update.credential(credential);
      }
    }
    return update.build();
  }

  static int exitCode(AggregationOutcome outcome) {
    switch (outcome.kind()) {
      case CONNECTED:
        return ExitCodes.OK;
      case NEEDS_END_USER:
        return ExitCodes.NEEDS_END_USER;
      case TIMED_OUT:
        return ExitCodes.WAIT_TIMED_OUT;
      case NEEDS_ANSWERS:
        return ExitCodes.STILL_CHALLENGED;
      default:
        return ExitCodes.ENDED;
    }
  }

  private PlatformApiVersion apiVersion() {
    try {
      return PlatformApiVersion.fromValue(apiVersion);
    } catch (IllegalArgumentException e) {
      List<String> supported = new ArrayList<>();
      for (PlatformApiVersion version : PlatformApiVersion.values()) {
        supported.add(version.value());
      }
      throw new IllegalArgumentException("--api-version: this build supports " + String.join(", ", supported));
    }
  }

  /**
   * Adds an option for each field of the SDK's table ({@link UpdateField}) but the credentials, which
   * have options of their own that keep values off the command line: its name from the field's
   * ({@code --use-cases}, and {@code --use-case} for one at a time), its help from the table's.
   * A field that says how an update is made ({@code --skip-webhook}) is a flag; one that changes the
   * member takes {@code true|false}. Values go through the field's text form and so the SDK's checks.
   */
  static void addFieldOptions(CommandSpec command) {
    for (UpdateField field : UpdateField.values()) {
      if (field.kind() == UpdateField.Kind.CREDENTIALS) {
        continue;
      }
      OptionSpec.Builder option = OptionSpec.builder(names(field)).required(field == UpdateField.MEMBER);
      switch (field.kind()) {
        case BOOLEAN:
          if (field.role() == UpdateField.Role.QUALIFIER) {
            option.type(boolean.class).description(field.description());
          } else {
            option.type(Boolean.class).arity("1").paramLabel("true|false").description(field.description());
          }
          break;
        case USE_CASES:
          option
              .type(List.class)
              .auxiliaryTypes(UseCase.class)
              .converters(new UseCases())
              .completionCandidates(new UseCases())
              .paramLabel("USE_CASE")
              .description(field.description() + " One of: ${COMPLETION-CANDIDATES}.");
          break;
        default:
          option.type(String.class).paramLabel(field.kind() == UpdateField.Kind.TEXT ? "TEXT" : "ID").description(field.description());
      }
      command.addOption(option.build());
    }
  }

  private static String[] names(UpdateField field) {
    String name = field.optionName();
    return field.kind() == UpdateField.Kind.USE_CASES
        ? new String[] {name.substring(0, name.length() - 1), name}
        : new String[] {name};
  }

  /** The value given for a field's option as its text form, or null when it was not given. */
  private String text(UpdateField field) {
    Object value = spec.findOption(field.optionName()).getValue();
    if (value instanceof List) {
      List<String> names = new ArrayList<>();
      for (Object useCase : (List<?>) value) {
        names.add(((UseCase) useCase).value());
      }
      return names.isEmpty() ? null : String.join(";", names);
    }
    if (value instanceof Boolean && field.role() == UpdateField.Role.QUALIFIER) {
      return (Boolean) value ? "true" : null; // a flag: given or not
    }
    return value == null ? null : value.toString();
  }

  /** The update as the options give it; built once any credentials asked on the terminal are in. */
  private MemberUpdate.Builder update(PrintWriter err) {
    MemberUpdate.Builder update = MemberUpdate.builder();
    for (UpdateField field : UpdateField.values()) {
      String text = field.role() == UpdateField.Role.ADDRESS ? text(field) : null;
      if (text != null) {
        update = field.setText(update, text);
      }
    }
    if (!credentials.isEmpty()) {
      err.println(
          "mx-members: warning: a credential value on the command line can be read by other users of this"
              + " machine (ps, /proc) and stays in shell history; use --credentials-stdin,"
              + " --credentials-file or --credential-env instead");
    }
    List<Credential> all = new ArrayList<>();
    for (int i = 0; i < credentials.size(); i++) {
      all.add(CredentialInput.pair(credentials.get(i), "--credential #" + (i + 1)));
    }
    for (int i = 0; i < credentialsFromEnv.size(); i++) {
      all.add(CredentialInput.fromEnvironment(credentialsFromEnv.get(i), "--credential-env #" + (i + 1), env));
    }
    if (credentialsFromStdin) {
      all.addAll(CredentialInput.lines(CredentialInput.read(in), "--credentials-stdin"));
    }
    if (credentialsFile != null) {
      all.addAll(CredentialInput.lines(CredentialInput.readFile(credentialsFile), "--credentials-file"));
    }
    for (int i = 0; i < all.size(); i++) {
      try {
        update.credential(all.get(i));
      } catch (IllegalArgumentException duplicate) {
        throw new IllegalArgumentException("credential #" + (i + 1) + ": its guid is given twice");
      }
    }
    for (UpdateField field : UpdateField.values()) {
      String text = field.role() != UpdateField.Role.ADDRESS && field.kind() != UpdateField.Kind.CREDENTIALS ? text(field) : null;
      if (text != null) {
        update = field.setText(update, text);
      }
    }
    if (!askCredentials) {
      update.build(); // checks the whole (nothing to change, a field the API lacks) before anything is sent
    }
    return update;
  }

  /** Says on a terminal's stderr that a retry is coming, so that a slow run is not a silent one. */
  private static final class RetriesOnTerminal implements CallListener {
    private final PrintWriter err;
    private final int maxAttempts;

    RetriesOnTerminal(PrintWriter err, int maxAttempts) {
      this.err = err;
      this.maxAttempts = maxAttempts;
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
      err.println(
          String.format(
              Locale.ROOT,
              "mx-members: %s, retrying in %.1f s (attempt %d of %d)",
              event.reason(),
              event.delay().toMillis() / 1000.0,
              event.nextAttempt(),
              maxAttempts));
      err.flush();
    }
  }
}
