package dev.migrata.security;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names that look already quoted are quoted again (issue 12): a table, column or index named like
 * a piece of SQL creates an object with exactly that odd name, and a {@code victim} table
 * survives both applying and unapplying.
 */
class HostileNamesTest extends OnEveryBackend {
  /** A table name that closes the identifier, ends the statement and drops {@code victim}. */
  private String hostileTable() {
    String q = kind == Db.Kind.MARIADB ? "`" : "\"";
    return q + "t" + q + " (id int); DROP TABLE victim; CREATE TABLE " + q + "y" + q;
  }

  private List<MigrationDefinition> migrations(String table, String column, String index) {
    ModelState model =
        ModelState.of("evil", "Thing", List.of(id(), chars("name", 20)))
            .withTable(table)
            .withComment("a 'comment'); DROP TABLE victim; --")
            .withIndexes(List.of(new IndexState(index, List.of("name"), false, null)));
    FieldState added =
        FieldState.builder("extra", "CharField")
            .maxLength(40)
            .column(column)
            .defaultValue("it's'); DROP TABLE victim; --")
            .build();
    return List.of(
        migration("evil", "0001_initial").ops(CreateModel.of(model)),
        migration("evil", "0002_extra")
            .dependsOn("evil", "0001_initial")
            .ops(new AddField("thing", added, true)),
        // Altering a column rebuilds the table on SQLite; a unique constraint is named too.
        migration("evil", "0003_alter")
            .dependsOn("evil", "0002_extra")
            .ops(
                new AlterField("thing", chars("name", 30), true),
                new AddConstraint(
                    "thing",
                    ConstraintState.unique(
                        index.charAt(0) + "u" + index.substring(1), List.of("name"), null))));
  }

  @Test
  void namesThatLookQuotedAreQuotedAgainAndDropNothing() throws Exception {
    db.exec("CREATE TABLE victim (id int)", "INSERT INTO victim VALUES (1)");
    // Short enough for PostgreSQL's 63 and MariaDB's 64 characters.
    String table = hostileTable();
    String q = kind == Db.Kind.MARIADB ? "`" : "\"";
    String column = q + "c" + q + "; DROP TABLE victim; -- " + q;
    String index = q + "i" + q + "; DROP TABLE victim; -- " + q;

    db.configure(migrations(table, column, index)).load().migrate("evil", "0001_initial");
    db.exec("INSERT INTO " + quoted(table) + " (" + db.q("name") + ") VALUES ('a')");
    db.configure(migrations(table, column, index)).load().migrate();

    assertThat(db.tables()).contains(table, "victim").doesNotContain("t", "y");
    assertThat(db.columns(table)).containsExactly("id", "name", column);
    assertThat(db.indexes(table)).contains(index);
    // The existing row got the default, a string literal with quotes in it.
    assertThat(db.rows("SELECT " + quoted(column) + " FROM " + quoted(table)))
        .containsExactly("it's'); DROP TABLE victim; --");
    assertThat(db.rows("SELECT id FROM victim")).containsExactly("1");

    db.configure(migrations(table, column, index)).load().migrate("evil", "zero");

    assertThat(db.tables()).contains("victim").doesNotContain(table);
    assertThat(db.rows("SELECT id FROM victim")).containsExactly("1");
  }

  /** The test's own quoting, independent of Migrata's. */
  private String quoted(String name) {
    String q = kind == Db.Kind.MARIADB ? "`" : "\"";
    return q + name.replace(q, q + q) + q;
  }
}
