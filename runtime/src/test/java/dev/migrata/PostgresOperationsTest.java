package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddConstraintNotValid;
import dev.migrata.internal.operations.Collation;
import dev.migrata.internal.operations.CreateCollation;
import dev.migrata.internal.operations.CreateExtension;
import dev.migrata.internal.operations.RemoveCollation;
import dev.migrata.internal.operations.ValidateConstraint;
import dev.migrata.internal.state.ConstraintState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Django's contrib.postgres operations at migrate time (issue 10), and their no-op elsewhere. */
class PostgresOperationsTest {
  private static final ConstraintState CHECK = ConstraintState.check("title_set", "title <> ''");
  private static final Collation CI = new Collation("ci", "und-u-ks-level2", "icu", false);

  @TempDir Path dir;
  private Db db;

  @AfterEach
  void drop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  /** 0004 adds the check NOT VALID (atomic), 0005 validates it, 0006 extension and collations. */
  private static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        migration("library", "0004_not_valid")
            .dependsOn("library", "0003_data")
            .ops(new AddConstraintNotValid("book", CHECK)));
    all.add(
        migration("library", "0005_validate")
            .dependsOn("library", "0004_not_valid")
            .ops(new ValidateConstraint("book", "title_set")));
    all.add(
        migration("library", "0006_pg")
            .dependsOn("library", "0005_validate")
            .ops(
                CreateExtension.citext(),
                new CreateCollation(CI),
                new CreateCollation(new Collation("old", "de-DE", "icu", true)),
                new RemoveCollation(new Collation("old", "de-DE", "icu", true))));
    return all;
  }

  private List<String> constraintValid() throws Exception {
    return db.rows("SELECT conname, convalidated FROM pg_constraint WHERE conname = 'title_set'");
  }

  @Test
  void onPostgresqlTheOperationsRunAsDjangos() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = db.configure(migrations()).load();
    assertThat(m.sqlMigrate("library", "0004", false))
        .contains(
            "ALTER TABLE \"library_book\" ADD CONSTRAINT \"title_set\" CHECK (title <> '') NOT"
                + " VALID;");
    assertThat(m.sqlMigrate("library", "0005", false))
        .contains(
            "SET statement_timeout = 0;\n"
                + "ALTER TABLE \"library_book\" VALIDATE CONSTRAINT \"title_set\";\n"
                + "RESET statement_timeout;");
    assertThat(m.sqlMigrate("library", "0005", true)).contains("-- (no-op)");
    assertThat(m.sqlMigrate("library", "0006", false))
        .contains("-- Creates extension citext")
        .contains("CREATE EXTENSION IF NOT EXISTS \"citext\";")
        .contains(
            "CREATE COLLATION \"ci\" (locale=\"und-u-ks-level2\", provider=\"icu\","
                + " deterministic=false);")
        .contains("DROP COLLATION \"old\";");
    assertThat(m.sqlMigrate("library", "0006", true))
        .contains("DROP EXTENSION IF EXISTS \"citext\";")
        .contains("DROP COLLATION \"ci\";");

    m.migrate("library", "0003");
    db.exec("INSERT INTO library_book (title, author_id, rating) VALUES ('', 1, 0)");
    m.migrate("library", "0004");
    assertThat(constraintValid()).containsExactly("title_set|false");
    // NOT VALID skips existing rows but checks new ones
    assertThatThrownBy(
            () -> db.exec("INSERT INTO library_book (title, author_id, rating) VALUES ('', 1, 0)"))
        .hasMessageContaining("title_set");
    assertThatThrownBy(() -> m.migrate("library", "0005")).hasMessageContaining("title_set");
    db.exec("UPDATE library_book SET title = 'fixed'");
    m.migrate("library", "0005");
    assertThat(constraintValid()).containsExactly("title_set|true");

    m.migrate("library", "0006");
    assertThat(db.rows("SELECT extname FROM pg_extension WHERE extname = 'citext'"))
        .containsExactly("citext");
    assertThat(
            db.rows(
                "SELECT collname, collisdeterministic FROM pg_collation WHERE collname"
                    + " IN ('ci', 'old')"))
        .containsExactly("ci|false");

    m.migrate("library", "0004"); // ValidateConstraint backwards: nothing to undo
    assertThat(db.rows("SELECT extname FROM pg_extension WHERE extname = 'citext'")).isEmpty();
    assertThat(db.rows("SELECT collname FROM pg_collation WHERE collname IN ('ci', 'old')"))
        .isEmpty();
    assertThat(constraintValid()).containsExactly("title_set|true");
    m.migrate("library", "0003");
    assertThat(constraintValid()).isEmpty();
  }

  @Test
  void onSqliteThePostgresqlOnlyOperationsAreNoOpsWithANote() throws Exception {
    db = Db.create(Db.Kind.SQLITE, dir);
    skippedElsewhere();
  }

  @Test
  void onMariadbThePostgresqlOnlyOperationsAreNoOpsWithANote() throws Exception {
    db = Db.create(Db.Kind.MARIADB, dir);
    skippedElsewhere();
  }

  private void skippedElsewhere() throws Exception {
    Migrata m = db.configure(migrations()).load();
    assertThat(m.sqlMigrate("library", "0004", false))
        .contains("CHECK (title <> '')")
        .doesNotContain("NOT VALID");
    assertThat(m.sqlMigrate("library", "0005", false))
        .contains("-- (no-op: VALIDATE CONSTRAINT runs on PostgreSQL only)");
    assertThat(m.sqlMigrate("library", "0006", false))
        .contains("-- (no-op: CREATE EXTENSION runs on PostgreSQL only)")
        .contains("-- (no-op: CREATE COLLATION runs on PostgreSQL only)")
        .contains("-- (no-op: DROP COLLATION runs on PostgreSQL only)")
        .doesNotContain("CREATE EXTENSION IF");
    m.migrate();
    assertThatThrownBy(
            () -> db.exec("INSERT INTO library_book (title, author_id, rating) VALUES ('', 1, 0)"))
        .hasMessageContaining("title_set");
    m.migrate("library", "0003");
    db.exec("INSERT INTO library_book (title, author_id, rating) VALUES ('', 1, 0)");
  }
}
