package io.github.mxmembers.cli;

import io.github.mxmembers.model.UseCase;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Describes a command-line mistake from what this tool defines (option names, expected forms),
 * never from what was typed: picocli's own messages quote arguments, and an argument may be a
 * credential value typed in the wrong place.
 */
final class UsageErrors {
  private UsageErrors() {}

  static String describe(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException) {
      List<String> suggestions = new ArrayList<>();
      for (String suggestion : ((CommandLine.UnmatchedArgumentException) e).getSuggestions()) {
        if (isOptionOf(e.getCommandLine(), suggestion)) {
          suggestions.add(suggestion);
        }
      }
      return "unknown option or unexpected argument (not repeated here: it may be a secret; options take"
          + " NAME=VALUE or NAME VALUE)"
          + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
    }
    if (e instanceof CommandLine.MissingParameterException) {
      List<String> names = new ArrayList<>();
      for (ArgSpec missing : ((CommandLine.MissingParameterException) e).getMissing()) {
        names.add(name(missing));
      }
      // picocli's wording only chooses ours: its text is not shown
      return e.getMessage() != null && e.getMessage().startsWith("Missing required parameter")
          ? "option " + String.join(", ", names) + " needs a value"
          : "missing required option " + String.join(", ", names);
    }
    if (e instanceof CommandLine.OverwrittenOptionException) {
      return "option " + name(((CommandLine.OverwrittenOptionException) e).getOverwritten()) + " is given more than once";
    }
    ArgSpec spec = e.getArgSpec();
    if (spec != null) {
      return "invalid value for option " + name(spec) + expected(spec);
    }
    return "invalid command line (details not shown: they may hold a secret)";
  }

  private static String name(ArgSpec spec) {
    return spec.isOption() ? ((OptionSpec) spec).longestName() : spec.paramLabel();
  }

  private static boolean isOptionOf(CommandLine cli, String name) {
    return cli.getCommandSpec().findOption(name) != null || cli.getSubcommands().containsKey(name);
  }

  private static String expected(ArgSpec spec) {
    Class<?> type = spec.type();
    if (type == List.class && spec.auxiliaryTypes().length > 0) {
      type = spec.auxiliaryTypes()[0];
    }
    if (type == boolean.class || type == Boolean.class) {
      return ": expected true or false";
    }
    if (type == int.class || type == Integer.class) {
      return ": expected a whole number";
    }
    if (type == UseCase.class) {
      return ": expected one of " + String.join(", ", UseCases.sendable());
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        names.add(constant.toString().toLowerCase(java.util.Locale.ROOT));
      }
      return ": expected one of " + String.join(", ", names);
    }
    return ": expected " + spec.paramLabel();
  }
}
