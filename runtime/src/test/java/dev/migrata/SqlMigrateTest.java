package dev.migrata;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlMigrateTest extends OnEveryBackend {
  static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> migrations = new ArrayList<>(library());
    migrations.add(
        migration("library", "0004_help")
            .dependsOn("library", "0003_data")
            .ops(
                new AlterField(
                    "book",
                    FieldState.builder("rating", "IntegerField").defaultValue("0")
                        .helpText("Stars").build(),
                    true)));
    migrations.add(
        migration("library", "0005_author_changes")
            .dependsOn("library", "0004_help")
            .ops(
                new AddField("author", FieldState.builder("nickname", "CharField").maxLength(50)
                    .nullable(true).build(), true),
                new AddField("author", FieldState.builder("isbn", "CharField").maxLength(13)
                    .nullable(true).build(), true),
                new AddField("author", FieldState.builder("birthYear", "IntegerField")
                    .nullable(true).build(), true)));
    migrations.add(
        migration("library", "0006_django_table")
            .dependsOn("library", "0005_author_changes")
            .ops(
                new AlterField("author", chars("name", 150), true),
                new RenameField("author", "nickname", "alias"),
                new AddIndex("book", new IndexState("book_title_idx", List.of("title"), false, null)),
                new AddConstraint("book", ConstraintState.unique(
                    "library_book_title_author_id_1c0ac942_uniq", List.of("title", "author"), null)),
                new AddConstraint("author", ConstraintState.check("birth_year_gte_0", "birth_year >= 0")),
                new AddField("author", FieldState.builder("email", "CharField").maxLength(254)
                    .nullable(true).unique(true).build(), true),
                new RemoveField("author", "isbn"),
                new AlterModelTable("author", "authors"),
                new AddField("author", FieldState.builder("slug", "CharField").maxLength(50)
                    .index(true).defaultValue("x").build(), false),
                new AlterField("author", FieldState.builder("birthYear", "IntegerField")
                    .defaultValue("1900").build(), false)));
    return migrations;
  }

  private String sql(String name, boolean backwards) {
    return db.configure().migrations(migrations()).load().sqlMigrate("library", name, backwards);
  }

  /**
   * The SQL of each migration, compared byte for byte with {@code sqlmigrate/<backend>/<name>.sql}
   * (django-behaviour §5.6: the same migrations, each backend's own SQL; BEGIN/COMMIT only where
   * the migration is atomic). {@code -Dmigrata.regenerate=true} rewrites the files.
   */
  @Test
  void eachBackendPrintsItsOwnSql() throws Exception {
    for (String name : List.of("0001_initial", "0002_book_rating", "0004_help", "0006_django_table")) {
      golden(name, sql(name, false));
    }
    golden("0001_initial.backwards", sql("0001_initial", true));
  }

  private void golden(String name, String actual) throws Exception {
    Path file =
        Path.of("src/test/resources/sqlmigrate", kind.name().toLowerCase(java.util.Locale.ROOT),
            name + ".sql");
    if (Boolean.getBoolean("migrata.regenerate")) {
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file, actual);
    }
    assertThat(actual).as(file.toString()).isEqualTo(java.nio.file.Files.readString(file));
  }

  /** A UUID default is the dashed text where the column is a uuid, else its 32 hex digits. */
  @Test
  void uuidDefaultsAreDashedOnlyWhereTheColumnIsAUuid() {
    List<MigrationDefinition> migrations = new ArrayList<>(library());
    migrations.add(
        migration("library", "0004_author_key")
            .dependsOn("library", "0003_data")
            .ops(
                new AddField("author", FieldState.builder("key", "UUIDField")
                    .defaultValue("12345678-1234-5678-1234-567812345678").build(), false)));
    String sql =
        db.configure().migrations(migrations).load().sqlMigrate("library", "0004", false);
    assertThat(sql)
        .contains(
            kind != Db.Kind.SQLITE // PostgreSQL; MariaDB 10.7+ (the test server)
                ? "'12345678-1234-5678-1234-567812345678'"
                : "'12345678123456781234567812345678'");
  }

  @Test
  void atomicMigrationsAreWrappedOnlyWhereDdlRollsBack() {
    String sql = sql("0001", false);
    if (kind == Db.Kind.MARIADB) {
      assertThat(sql).doesNotContain("BEGIN;").doesNotContain("COMMIT;");
    } else {
      assertThat(sql).startsWith("BEGIN;\n").endsWith("COMMIT;\n");
    }
    List<MigrationDefinition> nonAtomic =
        List.of(
            migration("library", "0001_initial").atomic(false)
                .ops(CreateModel.of(ModelState.of("library", "Author", List.of(Fixtures.id())))));
    assertThat(db.configure().migrations(nonAtomic).load().sqlMigrate("library", "0001", false))
        .doesNotContain("BEGIN;");
  }

  /** The SQL above is not only printed: it runs, over rows that need the defaults. */
  @Test
  void theDjangoTableMigrationApplies() throws Exception {
    Migrata m = db.configure().migrations(migrations()).load();
    m.migrate("library", "0005");
    db.exec("INSERT INTO library_author (name, nickname, isbn) VALUES ('Bea', 'B', '123')");
    m.migrate();
    assertThat(db.rows("SELECT name, alias, birth_year, slug FROM authors ORDER BY id"))
        .containsExactly("Ann|null|1900|x", "Bea|B|1900|x");
    if (kind == Db.Kind.POSTGRES) {
      assertThat(db.indexes("authors"))
          .contains("authors_email_d70f2375_like", "authors_slug_3bad909a_like");
    }
    m.migrate("library", "0005");
    assertThat(db.rows("SELECT name, nickname, birth_year FROM library_author ORDER BY id"))
        .containsExactly("Ann|null|1900", "Bea|B|1900");
  }
}
