package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.state.FieldState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite adds a column with a constant database default in place, as Django does, instead of
 * rebuilding the table; what SQLite's ADD COLUMN refuses still rebuilds.
 */
class SqliteAddFieldTest {
  @TempDir Path dir;

  private static List<MigrationDefinition> with(FieldState field) {
    List<MigrationDefinition> migrations = new ArrayList<>(library());
    migrations.add(
        migration("library", "0004_author_extra")
            .dependsOn("library", "0003_data")
            .ops(new AddField("author", field, true)));
    return migrations;
  }

  private String sql(FieldState field) {
    return new Db(dir)
        .configure()
        .migrations(with(field))
        .load()
        .sqlMigrate("library", "0004", false);
  }

  @Test
  void aConstantDatabaseDefaultIsAddedInPlace() throws Exception {
    FieldState notNull = FieldState.builder("level", "IntegerField").dbDefault("3").build();
    assertThat(sql(notNull))
        .contains("ALTER TABLE \"library_author\" ADD COLUMN \"level\" integer DEFAULT 3 NOT NULL")
        .doesNotContain("new__");
    FieldState text =
        FieldState.builder("code", "CharField")
            .maxLength(5)
            .nullable(true)
            .dbDefault("'x'")
            .build();
    assertThat(sql(text)).contains("ADD COLUMN \"code\"").doesNotContain("new__");

    // Applied over existing rows: they take the default, and the column keeps it for new ones.
    try (Db db = new Db(dir, "applied.db")) {
      Migrata m = db.configure().migrations(with(notNull)).load();
      m.migrate("library", "0003_data");
      db.exec("INSERT INTO library_author (name) VALUES ('before')");
      m.migrate();
      db.exec("INSERT INTO library_author (name) VALUES ('after')");
      assertThat(db.rows("SELECT name, level FROM library_author ORDER BY id"))
          .endsWith("before|3", "after|3");
    }
  }

  @Test
  void whatAddColumnRefusesStillRebuildsTheTable() {
    // An expression default, and NOT NULL with a NULL default.
    assertThat(
            sql(
                FieldState.builder("stamp", "CharField")
                    .maxLength(30)
                    .dbDefault("(datetime('now'))")
                    .nullable(true)
                    .build()))
        .contains("new__");
    assertThat(sql(FieldState.builder("level", "IntegerField").dbDefault("NULL").build()))
        .contains("new__");
    assertThat(sql(FieldState.builder("level", "IntegerField").build())).contains("new__");
  }
}
