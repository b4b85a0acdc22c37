package dev.migrata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one line printed for a command line that does not parse: an unknown command lists the
 * commands, and a mistyped command or option gets the nearest one ("did you mean"), as git and
 * Django's {@code manage.py} do.
 */
final class UsageErrors {
  static final String COMMANDS =
      "migrate, showmigrations, sqlmigrate, makemigrations, squashmigrations, optimizemigration"
          + " or help";

  private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("Unknown subcommand '(.*)'\\.");

  private UsageErrors() {}

  static String message(ParameterException e) {
    CommandLine cli = e.getCommandLine();
    CommandSpec spec = cli.getCommandSpec();
    Matcher help = UNKNOWN_SUBCOMMAND.matcher(String.valueOf(e.getMessage()));
    if (help.matches()) {
      // "help frobnicate": the same answer as "frobnicate".
      return unknownCommand(help.group(1), new ArrayList<>(root(cli).getSubcommands().keySet()));
    }
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      boolean option = first.startsWith("-");
      if (!option && spec.parent() == null && !spec.subcommands().isEmpty()) {
        return unknownCommand(first, new ArrayList<>(spec.subcommands().keySet()));
      }
      if (option && u.isUnknownOption()) {
        String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
          names.addAll(List.of(o.names()));
        }
        String command = spec.parent() == null ? commandWith(spec, name) : null;
        if (command != null) {
          return "Unknown option: '"
              + name
              + "' before the command; options come after it, as"
              + " in '"
              + command
              + " "
              + name
              + " ...'.";
        }
        String near = Suggestions.nearest(name, names);
        return "Unknown option: '"
            + name
            + "'."
            + (near == null ? "" : " Did you mean '" + near + "'?")
            + " See '"
            + spec.qualifiedName(" ").replaceFirst("^migrata ", "")
            + " --help'.";
      }
    }
    return e.getMessage();
  }

  private static String unknownCommand(String name, List<String> commands) {
    String near = Suggestions.nearest(name, commands);
    return "unknown command '"
        + name
        + "'."
        + (near == null ? "" : " Did you mean '" + near + "'?")
        + " The commands are "
        + COMMANDS
        + ".";
  }

  /** The first command that has option {@code name}, or null. */
  private static String commandWith(CommandSpec root, String name) {
    return root.subcommands().entrySet().stream()
        .filter(e -> e.getValue().getCommandSpec().findOption(name) != null)
        .map(java.util.Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  private static CommandLine root(CommandLine cli) {
    while (cli.getParent() != null) {
      cli = cli.getParent();
    }
    return cli;
  }
}
