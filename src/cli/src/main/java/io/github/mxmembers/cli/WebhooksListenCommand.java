package io.github.mxmembers.cli;

import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookReceiver;
import io.github.mxmembers.webhook.WebhookServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mx-members webhooks listen}: a webhook receiver that prints what it takes, as {@code stripe listen} does. */
@Command(
    name = "listen",
    header = "Receive MX's webhooks and print each one once.",
    mixinStandardHelpOptions = true,
    versionProvider = MxMembersCli.Version.class,
    usageHelpWidth = 100,
    description = {
      "Run a webhook receiver (the SDK's WebhookReceiver on the JDK's HTTP server) and print one line",
      "per webhook it takes: verified with HTTP Basic credentials, read, MX's re-sends printed once.",
      "It answers MX as MX asks: 204 at once; 401 for missing or wrong credentials (nothing printed),",
      "405 for another method, 400 for a body that is not a JSON object, 413 over 256 KiB.",
      "The credentials are the ones you gave MX, from MX_WEBHOOK_USERNAME and MX_WEBHOOK_PASSWORD;",
      "--no-auth only behind a proxy that does mutual TLS with MX. MX posts over HTTPS: put TLS in front.",
      "It runs until interrupted (Ctrl-C), or until --max-events have been printed.",
      "",
      "With --json each webhook is one JSON object per line: kind (CONNECTION_STATUS, MEMBER,",
      "MEMBER_DATA_UPDATED, INITIAL_DATA_READY, JOB_STATUS, OTHER), type, action, member_guid,",
      "user_guid, callback_payload (the X-CALLBACK-PAYLOAD header as received), callback_text (it",
      "decoded, where it is base64 of UTF-8), deduplication_key and body (as MX sent it).",
      "",
      "Try it:",
      "  MX_WEBHOOK_USERNAME=mx MX_WEBHOOK_PASSWORD=... mx-members webhooks listen --port 8080",
      "  curl -u mx:... -H 'Content-Type: application/json' --data @connection_status.json \\",
      "       http://127.0.0.1:8080/mx/webhooks"
    },
    footer = {"", "Exit codes: 0 ok (interrupted, or --max-events printed), 2 bad input (nothing started)."})
final class WebhooksListenCommand implements Callable<Integer> {
  @Option(names = "--port", required = true, paramLabel = "PORT", description = "The port to listen on, 1 to 65535.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String bind;

  @Option(names = "--path", defaultValue = "/mx/webhooks", paramLabel = "PATH", description = "The path MX posts to (default: ${DEFAULT-VALUE}).")
  String path;

  @Option(names = "--no-auth", description = "Take every request: only where a proxy in front checks MX's client certificate.")
  boolean noAuth;

  @Option(names = "--json", description = "One JSON object per webhook, one per line.")
  boolean json;

  @Option(names = "--max-events", paramLabel = "N", description = "Stop once N webhooks have been printed.")
  Long maxEvents;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;

  WebhooksListenCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WebhookAuth auth;
    InetSocketAddress address;
    try {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("--port: from 1 to 65535");
      }
      if (maxEvents != null && maxEvents < 1) {
        throw new IllegalArgumentException("--max-events: at least 1");
      }
      auth = auth();
      address = new InetSocketAddress(InetAddress.getByName(bind), port);
    } catch (IllegalArgumentException | UnknownHostException bad) {
      err.println("mx-members: " + (bad instanceof UnknownHostException ? "--bind: not an address this machine has" : bad.getMessage()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    CountDownLatch enough = new CountDownLatch(1);
    AtomicLong printed = new AtomicLong();
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .auth(auth)
            .listener(
                event -> {
                  synchronized (out) {
                    out.println(json ? WebhookLines.json(event).toString() : WebhookLines.line(event));
                    out.flush();
                  }
                  if (maxEvents != null && printed.incrementAndGet() >= maxEvents) {
                    enough.countDown();
                  }
                })
            .build();
    WebhookServer server;
    try {
      server = WebhookServer.start(receiver, address, path);
    } catch (UncheckedIOException | IllegalArgumentException cannot) {
      receiver.close();
      err.println("mx-members: " + (cannot instanceof UncheckedIOException ? "cannot listen on " + bind + ":" + port : cannot.getMessage()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    Thread stop = new Thread(enough::countDown, "mx-members-webhooks-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    err.println("mx-members: listening for MX webhooks at " + server.url() + (noAuth ? " (no authentication)" : " (HTTP Basic)")
        + "; Ctrl-C to stop");
    err.flush();
    try {
      enough.await();
    } finally {
      server.close();
      receiver.close();
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException shuttingDown) {
        // the hook is what stopped it
      }
    }
    return ExitCodes.OK;
  }

  private WebhookAuth auth() {
    String username = env.get("MX_WEBHOOK_USERNAME");
    String password = env.get("MX_WEBHOOK_PASSWORD");
    if (noAuth) {
      if (username != null || password != null) {
        throw new IllegalArgumentException("--no-auth: MX_WEBHOOK_USERNAME or MX_WEBHOOK_PASSWORD is set; unset them or drop --no-auth");
      }
      return WebhookAuth.none();
    }
    if (username == null || password == null) {
      throw new IllegalArgumentException(
          "set MX_WEBHOOK_USERNAME and MX_WEBHOOK_PASSWORD to the Basic credentials you gave MX (or --no-auth behind mutual TLS)");
    }
    try {
      return WebhookAuth.basic(username, password);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("MX_WEBHOOK_USERNAME and MX_WEBHOOK_PASSWORD: " + bad.getMessage());
    }
  }
}
