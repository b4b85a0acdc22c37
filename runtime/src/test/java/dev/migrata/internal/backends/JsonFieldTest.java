package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.state.FieldState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Django's JSONField on every backend: {@code jsonb} on PostgreSQL, {@code json} on MariaDB,
 * {@code text} on SQLite; its JSON default fills the existing rows.
 */
class JsonFieldTest extends OnEveryBackend {
  final List<MigrationDefinition> migrations = new ArrayList<>();

  @BeforeEach
  void setUp() {
    migrations.add(
        migration("library", "0001_initial")
            .ops(createModel("library", "Author", id(), chars("name", 100))));
  }

  private Migrata migrata() {
    return db.configure(migrations).load();
  }

  /** PostgreSQL's jsonb prints a space after ',' and ':'; the others keep the text as stored. */
  private List<String> json(String column) throws SQLException {
    return db.rows("SELECT " + column + " FROM library_author ORDER BY id").stream()
        .map(s -> s.replace(", ", ",").replace(": ", ":"))
        .toList();
  }

  @Test
  void jsonDefaultsFillExistingRowsOnEveryBackend() throws Exception {
    migrata().migrate();
    db.exec("INSERT INTO library_author (name) VALUES ('Ann')");
    migrations.add(
        migration("library", "0002_json")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField(
                    "author",
                    FieldState.builder("tags", "JSONField")
                        .defaultValue("[\"a\",\"it's\",\"b\\\\c\"]")
                        .build(),
                    false),
                new AddField(
                    "author",
                    FieldState.builder("scores", "JSONField").defaultValue("{\"x\":1}").build(),
                    false),
                new AddField(
                    "author",
                    FieldState.builder("extra", "JSONField").nullable(true).build(),
                    false)));
    migrata().migrate();

    assertThat(json("tags")).containsExactly("[\"a\",\"it's\",\"b\\\\c\"]");
    assertThat(json("scores")).containsExactly("{\"x\":1}");
    assertThat(db.rows("SELECT extra FROM library_author")).containsExactly("null");

    // The default only filled the existing rows; new rows give their own value.
    db.exec(
        "INSERT INTO library_author (name, tags, scores) VALUES ('Bo', '[]', '{\"y\":[2,3]}')");
    assertThat(json("tags")).element(1).isEqualTo("[]");
    assertThat(json("scores")).element(1).isEqualTo("{\"y\":[2,3]}");
    if (kind != Db.Kind.SQLITE) {
      assertThatThrownBy(() -> db.exec("UPDATE library_author SET tags = 'not json'"))
          .as("a JSON column type refuses text that is not JSON")
          .isInstanceOf(SQLException.class);
    }

    migrata().migrate("library", "0001_initial");
    assertThat(db.columns("library_author")).containsExactly("id", "name");
  }
}
