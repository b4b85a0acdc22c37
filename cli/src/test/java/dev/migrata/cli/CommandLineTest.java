package dev.migrata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, and the one-line answers to a command line that does not parse (issues 8 and 12). */
class CommandLineTest extends CliTestBase {
  static final String COMMANDS =
      " The commands are migrate, showmigrations, sqlmigrate, makemigrations, squashmigrations,"
          + " optimizemigration or help.";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "migrate",
        "showmigrations",
        "sqlmigrate",
        "makemigrations",
        "squashmigrations",
        "optimizemigration"
      })
  void everyCommandHasItsHelpThreeWays(String command) {
    assertThat(run(command, "--help")).isZero();
    String help = out;
    assertThat(err).isEmpty();
    assertThat(help)
        .startsWith("Usage: migrata " + command + " [-h")
        .contains("  -h, --help ")
        .contains("--classpath=PATHS")
        .doesNotContain("Error");
    assertThat(run(command, "-h")).isZero();
    assertThat(out).isEqualTo(help);
    assertThat(run("help", command)).isZero();
    assertThat(out).isEqualTo(help);
  }

  @Test
  void sqlmigrateHelpInFull() {
    assertThat(run("sqlmigrate", "--help")).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Usage: migrata sqlmigrate [-h] [--backwards] [--online-ddl] [-cp=PATHS]",
                "                          [--ddl-lock-timeout=SECONDS] [--password=PASSWORD]",
                "                          [--url=URL] [--user=USER] [-v=N] APP MIGRATION",
                "Prints the SQL of one migration.",
                "      APP                   The app of the migration.",
                "      MIGRATION             The migration's name or a unique prefix of it",
                "                              (0002).",
                "      --backwards           The SQL to unapply the migration.",
                "      -cp, --classpath=PATHS",
                "                            The application's classes and jars (separated by",
                "                              the platform's path separator; dir/* for every",
                "                              jar in dir), where its migrations are found.",
                "      --ddl-lock-timeout=SECONDS",
                "                            PostgreSQL: the lock_timeout that migrate",
                "                              --ddl-lock-timeout sets, shown as it runs",
                "                              (default: 10, 0 for none).",
                "  -h, --help                Shows this help and exits.",
                "      --online-ddl          MySQL/MariaDB: show the ALGORITHM=INSTANT /",
                "                              ALGORITHM=INPLACE, LOCK=NONE clauses that migrate",
                "                              --online-ddl adds.",
                "      --password=PASSWORD   Database password (default: $MIGRATA_PASSWORD).",
                "      --url=URL             JDBC URL (default: $MIGRATA_URL).",
                "      --user=USER           Database user (default: $MIGRATA_USER).",
                "  -v, --verbosity=N         0 to 3; 0 prints no progress, 2 adds timings."));
  }

  /**
   * The synopsis of each command reads as the README's table: Django's {@code [START] END} once,
   * and every option's value named in capitals, as {@code --url=URL} is.
   */
  @Test
  void sourceCommandsNameTheirArgumentsAsTheReadmeDoes() {
    assertThat(run("squashmigrations", "--help")).isZero();
    assertThat(out)
        .startsWith(
            lines(
                "Usage: migrata squashmigrations [-h] [--no-optimize] [--noinput] [-cp=PATHS]",
                "                                [--password=PASSWORD] [--source-root=DIR]",
                "                                [--squashed-name=NAME] [--url=URL]",
                "                                [--user=USER] [-v=N] APP [START] END"))
        .contains("\n      [START] END ");
    assertThat(run("makemigrations", "--help")).isZero();
    assertThat(out)
        .contains("  -n, --name=NAME ")
        .contains("      --source-root=DIR")
        .doesNotContain("=<");
    assertThat(run("optimizemigration", "--help")).isZero();
    assertThat(out).contains("      --source-root=DIR").doesNotContain("=<");
  }

  @Test
  void theMainHelpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out)
        .startsWith(
            lines("Usage: migrata [-hV] [COMMAND]", "Applies and inspects Migrata migrations."))
        .contains("\n  migrate            Applies or unapplies migrations.\n")
        .contains("\n  help               ")
        .endsWith(
            lines(
                "",
                "Run 'migrata help COMMAND' (or COMMAND --help) for the options of a command."));
    assertThat(run("help")).isZero();
    assertThat(out).startsWith("Usage: migrata [-hV] [COMMAND]\n");
  }

  @Test
  void anUnknownCommandListsTheCommands() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err).isEqualTo(lines("Error: unknown command 'frobnicate'." + COMMANDS));
    assertThat(out).isEmpty();
    assertThat(run("help", "frobnicate")).isEqualTo(2);
    assertThat(err).isEqualTo(lines("Error: unknown command 'frobnicate'." + COMMANDS));
  }

  @Test
  void aMistypedCommandGetsTheNearestOne() {
    assertThat(run("migrat")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(lines("Error: unknown command 'migrat'. Did you mean 'migrate'?" + COMMANDS));
    assertThat(run("showmigration", "--url", "jdbc:sqlite:x.db")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: unknown command 'showmigration'. Did you mean 'showmigrations'?"
                    + COMMANDS));
    assertThat(run("squash", "library", "0002")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines("Error: unknown command 'squash'. Did you mean 'squashmigrations'?" + COMMANDS));
  }

  @Test
  void aMistypedOptionGetsTheNearestOneOfItsCommand() {
    assertThat(run("migrate", "library", "--prun")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Unknown option: '--prun'. Did you mean '--prune'? See 'migrate --help'."));
    assertThat(run("migrate", "--fake-inital")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Unknown option: '--fake-inital'. Did you mean '--fake-initial'? See"
                    + " 'migrate --help'."));
    assertThat(run("sqlmigrate", "library", "0001", "--backward")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Unknown option: '--backward'. Did you mean '--backwards'? See"
                    + " 'sqlmigrate --help'."));
    assertThat(run("showmigrations", "--uri=jdbc:sqlite:x.db")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Unknown option: '--uri'. Did you mean '--url'? See"
                    + " 'showmigrations --help'."));
  }

  @Test
  void anOptionBeforeTheCommandSaysWhereItGoes() {
    assertThat(run("--url", "jdbc:sqlite:x.db", "migrate")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Unknown option: '--url' before the command; options come after it, as in"
                    + " 'migrate --url ...'."));
    assertThat(run("--source-root", "src", "squashmigrations", "library", "0002")).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Unknown option: '--source-root' before the command; options come after"
                    + " it, as in 'makemigrations --source-root ...'."));
    assertThat(run("--frob")).isEqualTo(2);
    assertThat(err).isEqualTo(lines("Error: Unknown option: '--frob'. See 'migrata --help'."));
  }

  @Test
  void suggestionsAreOnlyNearOnes() {
    List<String> commands = List.of("migrate", "showmigrations", "sqlmigrate");
    assertThat(Suggestions.nearest("migrte", commands)).isEqualTo("migrate");
    assertThat(Suggestions.nearest("MIGRATE", commands)).isEqualTo("migrate");
    assertThat(Suggestions.nearest("show", commands)).isEqualTo("showmigrations");
    assertThat(Suggestions.nearest("frobnicate", commands)).isNull();
    assertThat(Suggestions.nearest("m", commands)).isNull();
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void aMissingCommandNamesThem() {
    assertThat(run()).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Missing command: migrate, showmigrations, sqlmigrate, makemigrations,"
                    + " squashmigrations, optimizemigration or help."));
  }
}
