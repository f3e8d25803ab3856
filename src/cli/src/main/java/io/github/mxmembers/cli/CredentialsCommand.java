package io.github.mxmembers.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxClient;
import io.github.mxmembers.model.RequiredCredential;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mx-members credentials}: what a member's institution asks for, to update it with. */
@Command(
    name = "credentials",
    header = "List the credentials a member needs, in the order to ask for them.",
    mixinStandardHelpOptions = true,
    versionProvider = MxMembersCli.Version.class,
    usageHelpWidth = 100,
    description = {
      "List the credentials a member's institution asks for: each one's display order, label (what to ask",
      "the end user), type (MX's type: LOGIN, PASSWORD...), field type (MX's field_type: TEXT, PASSWORD...),",
      "whether --ask-credentials echoes it as typed (only for a field type of TEXT) or hides it, and guid",
      "(what update-member --credential GUID=VALUE takes). Without --endpoint it asks the embedded sandbox.",
      "Keys come from the environment, as for update-member."
    },
    footer = {"", "Exit codes: 0 ok, 2 bad input (nothing sent), 3 MX API error, 4 transport failure, 5 unreadable response."})
final class CredentialsCommand implements Callable<Integer> {
  @Mixin SendOptions options;

  @Option(names = "--user", paramLabel = "ID", description = "Platform only: the user, by your id or MX's guid.")
  String user;

  @Option(names = "--member", required = true, paramLabel = "ID", description = "The member: on Platform its id or guid, on Nexus its guid.")
  String member;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;

  CredentialsCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    options.applyDebug();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<RequiredCredential> credentials;
      try (Endpoint endpoint = Endpoint.of(options, env);
          MxClient client = endpoint.client(CallListener.NONE, null)) {
        credentials = client.listCredentials(endpoint.member(user, member));
      }
      print(credentials, out);
      return ExitCodes.OK;
    } catch (RuntimeException failure) {
      Report report = new Report(options.api.name());
      report.failure(failure);
      if (options.json) {
        report.print(out, err, true);
      } else {
        err.println("mx-members: " + failure.getMessage());
        err.flush();
      }
      return ExitCodes.of(failure);
    }
  }

  private void print(List<RequiredCredential> credentials, PrintWriter out) {
    List<RequiredCredential> ordered = new ArrayList<>(credentials);
    ordered.sort(Comparator.comparingInt(c -> c.displayOrder().orElse(Integer.MAX_VALUE)));
    if (options.json) {
      JsonArray list = new JsonArray();
      for (RequiredCredential credential : ordered) {
        JsonObject entry = new JsonObject();
        entry.addProperty("guid", credential.guid());
        credential.label().ifPresent(label -> entry.addProperty("label", label));
        credential.fieldName().ifPresent(name -> entry.addProperty("field_name", name));
        credential.type().ifPresent(type -> entry.addProperty("type", type));
        credential.fieldType().ifPresent(type -> entry.addProperty("field_type", type));
        entry.addProperty("echoed", credential.echoable());
        credential.displayOrder().ifPresent(order -> entry.addProperty("display_order", order));
        list.add(entry);
      }
      JsonObject root = new JsonObject();
      root.add("credentials", list);
      out.println(root);
    } else {
      for (RequiredCredential credential : ordered) {
        out.printf(
            "%s  %-20s %-12s %-12s %-9s %s%n",
            credential.displayOrder().isPresent() ? String.valueOf(credential.displayOrder().getAsInt()) : "-",
            credential.label().orElse("(no label)"),
            credential.type().orElse("-"),
            credential.fieldType().orElse("-"),
            credential.echoable() ? "echoed" : "hidden",
            credential.guid());
      }
    }
    out.flush();
  }
}
