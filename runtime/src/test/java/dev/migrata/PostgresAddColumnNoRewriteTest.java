package dev.migrata;

import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.integer;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.state.FieldState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: on PostgreSQL, adding a nullable column, or one with a constant default (kept in the
 * database or only filling existing rows), is a catalog change: the table is not rewritten, which
 * the table's {@code relfilenode} shows (a rewrite gives the table a new file).
 */
class PostgresAddColumnNoRewriteTest {
  @TempDir Path dir;
  private Db db;

  @AfterEach
  void drop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private String relfilenode() throws Exception {
    return db.rows("SELECT relfilenode FROM pg_class WHERE relname = 'wide_item'").get(0);
  }

  @Test
  void addingNullableOrConstantDefaultColumnsKeepsTheTableFile() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    List<MigrationDefinition> migrations =
        List.of(
            migration("wide", "0001_initial")
                .ops(createModel("wide", "Item", id(), integer("qty"))),
            migration("wide", "0002_nullable")
                .dependsOn("wide", "0001_initial")
                .ops(
                    new AddField(
                        "item",
                        FieldState.builder("note", "CharField")
                            .maxLength(20)
                            .nullable(true)
                            .build(),
                        true)),
            migration("wide", "0003_db_default")
                .dependsOn("wide", "0002_nullable")
                .ops(
                    new AddField(
                        "item",
                        FieldState.builder("level", "IntegerField").dbDefault("3").build(),
                        true)),
            migration("wide", "0004_default")
                .dependsOn("wide", "0003_db_default")
                .ops(
                    new AddField(
                        "item",
                        FieldState.builder("rank", "IntegerField").defaultValue("7").build(),
                        false)),
            // The control: a type change does rewrite the table, so the check can fail.
            migration("wide", "0005_retype")
                .dependsOn("wide", "0004_default")
                .ops(
                    new AlterField(
                        "item", FieldState.builder("qty", "BigIntegerField").build(), true)));
    Migrata m = db.configure(migrations).load();
    m.migrate("wide", "0001_initial");
    db.exec("INSERT INTO wide_item (qty) SELECT x FROM generate_series(1, 1000) x");
    String before = relfilenode();

    for (String target : List.of("0002_nullable", "0003_db_default", "0004_default")) {
      m.migrate("wide", target);
      assertThat(relfilenode()).as("table file after %s", target).isEqualTo(before);
    }
    assertThat(db.rows("SELECT count(*), count(note), sum(level), sum(rank) FROM wide_item"))
        .containsExactly("1000|0|3000|7000");
    // The one-off default filled the rows and is gone; the database default stays.
    assertThat(
            db.rows(
                "SELECT column_name, column_default FROM information_schema.columns"
                    + " WHERE table_name = 'wide_item' AND column_name IN ('level', 'rank')"
                    + " ORDER BY column_name"))
        .containsExactly("level|3", "rank|null");

    m.migrate();
    assertThat(relfilenode()).as("table file after a type change").isNotEqualTo(before);
  }
}
