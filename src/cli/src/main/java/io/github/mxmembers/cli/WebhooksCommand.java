package io.github.mxmembers.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mx-members webhooks}: what MX pushes back. */
@Command(
    name = "webhooks",
    header = "Receive MX's webhooks.",
    mixinStandardHelpOptions = true,
    versionProvider = MxMembersCli.Version.class,
    usageHelpWidth = 100,
    description = "Receive the webhooks MX sends: 'mx-members webhooks listen --help'.",
    subcommands = {WebhooksListenCommand.class})
final class WebhooksCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
