package dev.migrata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.Fixtures;
import dev.migrata.SquashRenameTest;
import dev.migrata.SquashTest;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.operations.RunJava;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** squashmigrations, optimizemigration, makemigrations --empty and the data-migration outputs. */
class SourceCommandsTest extends CliTestBase {

  private String src() {
    return dir.resolve("src").toString();
  }

  @Test
  void squashWritesTheOptimizedMigrationWithReplaces() throws Exception {
    index(SquashTest.originals());
    assertThat(run("squashmigrations", "library", "0005", "--source-root", src())).isZero();
    Path file = dir.resolve("src/test/library/M0001_squashed_0005_remove_pages_add_year.java");
    assertThat(out)
        .isEqualTo(
            lines(
                "Will squash the following migrations:",
                " - 0001_initial",
                " - 0002_book",
                " - 0003_book_pages",
                " - 0004_rename_title",
                " - 0005_remove_pages_add_year",
                "Optimizing...",
                "  Optimized from 8 operations to 2 operations.",
                "Created new squashed migration " + file,
                "  You should commit this migration but leave the old ones in place;",
                "  the new migration will be used for new installs. Once you are sure",
                "  all instances of the codebase have applied the migrations you squashed,",
                "  you can delete them."));
    String java = Files.readString(file);
    assertThat(java)
        .contains("package test.library;")
        .contains("name = \"0001_squashed_0005_remove_pages_add_year\"")
        .contains("@Dependency(app = \"library\", name = \"0001_initial\"),")
        .contains("@Dependency(app = \"library\", name = \"0005_remove_pages_add_year\")")
        .contains("initial = true")
        .contains("kind = CREATE_MODEL")
        .contains("public final class M0001_squashed_0005_remove_pages_add_year {");

    // Same name again: refused.
    assertThat(run("squashmigrations", "library", "0005", "--source-root", src())).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            "Error: Migration 0001_squashed_0005_remove_pages_add_year already exists. Use a"
                + " different name.\n");
  }

  @Test
  void squashFromAStartWithANameAndWithoutOptimizing() throws Exception {
    index(SquashTest.originals());
    assertThat(
            run(
                "squashmigrations",
                "library",
                "0002",
                "0004",
                "--no-optimize",
                "--squashed-name",
                "middle",
                "--source-root",
                src()))
        .isZero();
    assertThat(out).contains("(Skipping optimization.)\n");
    String java = Files.readString(dir.resolve("src/test/library/M0002_middle.java"));
    assertThat(java)
        .contains("dependencies = @Dependency(app = \"library\", name = \"0001_initial\")")
        .doesNotContain("initial = true");

    assertThat(run("squashmigrations", "library", "0004", "0002", "--source-root", src()))
        .isEqualTo(1);
    assertThat(err)
        .startsWith(
            "Error: The migration 'library.0004_rename_title' cannot be found."
                + " Maybe it comes after the migration 'library.0002_book'?");
  }

  /** Issue 8 #1: the folded creation of the renamed model takes the reference along. */
  @Test
  void squashOfARenamedReferencedModelRepointsTheReferenceAndReplaysBeforeWriting()
      throws Exception {
    index(SquashRenameTest.renamedTarget());
    assertThat(run("squashmigrations", "demo", "0002", "--source-root", src())).isZero();
    assertThat(out).contains("  Optimized from 3 operations to 2 operations.\n");
    String java =
        Files.readString(
            dir.resolve("src/test/demo/M0001_squashed_0002_rename_author_writer.java"));
    assertThat(java).contains("\"demo.writer\"").doesNotContain("demo.author");
  }

  @Test
  void squashThatCannotBeAppliedIsRefusedAndNothingIsWritten() throws Exception {
    // library 0002 depends on shop 0001, which depends on library 0001: the squash of both would
    // depend on shop, and shop on the squash.
    List<MigrationDefinition> migrations =
        List.of(
            Fixtures.migration("library", "0001_initial")
                .ops(Fixtures.createModel("library", "Author", Fixtures.id())),
            Fixtures.migration("shop", "0001_initial")
                .dependsOn("library", "0001_initial")
                .ops(
                    Fixtures.createModel(
                        "shop",
                        "Order",
                        Fixtures.id(),
                        Fixtures.fk("author", "library.author", "CASCADE"))),
            Fixtures.migration("library", "0002_rename_author_writer")
                .dependsOn("library", "0001_initial")
                .dependsOn("shop", "0001_initial")
                .ops(new RenameModel("Author", "Writer")));
    index(migrations);
    assertThat(run("squashmigrations", "library", "0002", "--source-root", src())).isEqualTo(1);
    assertThat(err)
        .startsWith(
            "Error: The squashed migration 0001_squashed_0002_rename_author_writer would"
                + " not rebuild the state of the migrations it replaces (replaying it fails:"
                + " Circular dependency")
        .endsWith("), so nothing was written. Squash fewer migrations, or use --no-optimize.\n");
    assertThat(dir.resolve("src/test/library/M0001_squashed_0002_rename_author_writer.java"))
        .doesNotExist();
  }

  @Test
  void squashingASquashIsRefused() throws Exception {
    index(SquashTest.withSquash());
    assertThat(run("squashmigrations", "library", "0001_squashed", "--source-root", src()))
        .isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            "Error: You cannot squash squashed migrations! Please transition it to a normal"
                + " migration first:"
                + " https://docs.djangoproject.com/en/5.2/topics/migrations/#squashing-migrations\n");
    assertThat(run("squashmigrations", "nope", "0001", "--source-root", src())).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            "Error: App 'nope' does not have migrations (so squashmigrations on it makes no"
                + " sense)\n");
  }

  @Test
  void squashKeepsRunJavaInTheOriginalClass() throws Exception {
    List<MigrationDefinition> migrations = new ArrayList<>(SquashTest.originals().subList(0, 1));
    migrations.add(
        Fixtures.migration("library", "0002_fill")
            .dependsOn("library", "0001_initial")
            .className("test.library.M0002_fill")
            .ops(new RunJava("forwards", "backwards", null, false)));
    index(migrations);
    assertThat(run("squashmigrations", "library", "0002", "--source-root", src())).isZero();
    assertThat(out).contains("Manual porting required\n");
    assertThat(Files.readString(dir.resolve("src/test/library/M0001_squashed_0002_fill.java")))
        .contains(
            "            kind = RUN_JAVA,\n"
                + "            method = \"forwards\",\n"
                + "            reverseMethod = \"backwards\",\n"
                + "            javaClass = M0002_fill.class)");
  }

  @Test
  void optimizeMigrationRewritesTheFile() throws Exception {
    List<MigrationDefinition> migrations = new ArrayList<>(SquashTest.originals().subList(0, 1));
    migrations.add(
        Fixtures.migration("library", "0002_twice")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField("author", Fixtures.integer("age"), true),
                new AlterField("author", Fixtures.chars("age", 3), true)));
    index(migrations);
    Path file = dir.resolve("src/test/library/M0002_twice.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "old");
    assertThat(run("optimizemigration", "library", "0002", "--check", "--source-root", src()))
        .isEqualTo(1);
    assertThat(out).isEqualTo("Optimizing from 2 operations to 1 operations.\n");
    assertThat(Files.readString(file)).isEqualTo("old");

    assertThat(run("optimizemigration", "library", "0002", "--source-root", src())).isZero();
    assertThat(out)
        .isEqualTo(
            lines("Optimizing from 2 operations to 1 operations.", "Optimized migration " + file));
    assertThat(Files.readString(file)).contains("kind = ADD_FIELD").doesNotContain("ALTER_FIELD");

    assertThat(run("optimizemigration", "library", "0001", "--source-root", src())).isZero();
    assertThat(out).isEqualTo("No optimizations possible.\n");
  }

  @Test
  void makeMigrationsEmptyWritesTheNextMigrationAfterTheLeaf() throws Exception {
    index(SquashTest.originals());
    assertThat(
            run(
                "makemigrations",
                "--empty",
                "library",
                "--name",
                "fill_years",
                "--source-root",
                src()))
        .isZero();
    Path file = dir.resolve("src/test/library/M0006_fill_years.java");
    assertThat(out).isEqualTo(lines("Migrations for 'library':", "  " + file));
    assertThat(Files.readString(file))
        .isEqualTo(
            lines(
                "package test.library;",
                "",
                "import dev.migrata.annotations.migration.Dependency;",
                "import dev.migrata.annotations.migration.Migration;",
                "",
                "/**",
                " * Generated by Migrata. Keep it in the source tree; it may be edited by hand, and"
                    + " the next",
                " * compile replays these annotation values.",
                " */",
                "@Migration(",
                "    app = \"library\",",
                "    name = \"0006_fill_years\",",
                "    dependencies = @Dependency(app = \"library\", name ="
                    + " \"0005_remove_pages_add_year\")",
                ")",
                "public final class M0006_fill_years {",
                "}"));

    assertThat(run("makemigrations", "--empty", "--source-root", src())).isEqualTo(1);
    assertThat(err)
        .isEqualTo("Error: You must supply at least one app label when using --empty.\n");
    assertThat(run("makemigrations", "--empty", "library", "--name", "no way")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: The migration name must be a valid Java identifier.\n");
  }

  @Test
  void planMarksIrreversibleRunJavaAndSqlMigrateCannotWriteIt() throws Exception {
    Db db = new Db(dir);
    List<MigrationDefinition> migrations = new ArrayList<>(SquashTest.originals().subList(0, 1));
    migrations.add(
        Fixtures.migration("library", "0002_fill")
            .dependsOn("library", "0001_initial")
            .ops(new RunJava("forwards", null, null, false)));
    index(migrations);
    assertThat(run("migrate", "--url", db.url, "--fake")).isZero();
    assertThat(run("migrate", "library", "0001", "--plan", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Planned operations:",
                "library.0002_fill",
                "    Raw Java operation -> IRREVERSIBLE"));
    assertThat(run("migrate", "library", "0001", "--url", db.url)).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            "Error: Operation 1 (RunJava: Raw Java operation) in"
                + " library.0002_fill is not reversible.\n");
    assertThat(run("sqlmigrate", "library", "0002", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "BEGIN;",
                "--",
                "-- Raw Java operation",
                "--",
                "-- THIS OPERATION CANNOT BE WRITTEN AS SQL",
                "COMMIT;"));
  }

  @Test
  void migrateFakeInitialAndUnknownHistoryWarning() throws Exception {
    Db db = new Db(dir);
    index(SquashTest.originals().subList(0, 2));
    assertThat(run("migrate", "--url", db.url)).isZero();
    // The history is lost and the second table dropped: only the initial migration is faked.
    db.exec(
        "DROP TABLE library_book",
        "DELETE FROM migrata_migrations",
        "INSERT INTO migrata_migrations (app, name, applied) VALUES ('library', '0099_gone', 0)");
    assertThat(run("migrate", "--fake-initial", "--url", db.url)).as(err).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Apply all migrations: library",
                "Running migrations:",
                "  Applying library.0001_initial... FAKED",
                "  Applying library.0002_book... OK"));
    assertThat(err)
        .isEqualTo(
            "Warning: The history table records 1 migration that is not in the code (ignored):"
                + " library.0099_gone. If it was removed on purpose, delete its row with: migrate"
                + " library --prune\n");
  }
}
