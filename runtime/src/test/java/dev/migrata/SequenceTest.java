package dev.migrata;

import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AlterSequence;
import dev.migrata.internal.operations.CreateSequence;
import dev.migrata.internal.operations.DeleteSequence;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.SequenceState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's sequence operations on a real database: a sequence where the backend has them
 * (PostgreSQL, MariaDB), Hibernate's one-row {@code next_val} table where it has not (SQLite), each
 * forwards and backwards, and none of it reported by the drift check.
 */
class SequenceTest extends OnEveryBackend {
  private static final SequenceState INVOICE = new SequenceState("invoice_seq", 100, 50);

  private static List<MigrationDefinition> history() {
    return List.of(
        migration("billing", "0001_initial")
            .ops(
                new CreateSequence(INVOICE),
                createModel(
                    "billing",
                    "Invoice",
                    FieldState.builder("id", "BigIntegerField").primaryKey(true).build())),
        migration("billing", "0002_alter_sequence_invoice_seq")
            .dependsOn("billing", "0001_initial")
            .ops(new AlterSequence("invoice_seq", 10)),
        migration("billing", "0003_delete_sequence_invoice_seq")
            .dependsOn("billing", "0002_alter_sequence_invoice_seq")
            .ops(new DeleteSequence(INVOICE.withIncrement(10))));
  }

  private boolean sequences() {
    return db.kind != Db.Kind.SQLITE;
  }

  /** The next value the sequence hands out (or the table's stored value). */
  private List<String> next() throws Exception {
    return switch (db.kind) {
      case POSTGRES -> db.rows("SELECT nextval('invoice_seq')");
      case MARIADB -> db.rows("SELECT NEXTVAL(invoice_seq)");
      case SQLITE -> db.rows("SELECT next_val FROM invoice_seq");
    };
  }

  @Test
  void createsTheSequenceWithItsStartAndIncrement() throws Exception {
    Migrata migrata = db.configure(history()).load();
    migrata.migrate("billing", "0001_initial");
    assertThat(next()).containsExactly("100");
    if (sequences()) {
      assertThat(next()).containsExactly("150");
    } else {
      assertThat(db.columns("invoice_seq")).containsExactly("next_val");
    }
    assertThat(migrata.checkSchema()).isEmpty();
  }

  @Test
  void altersTheIncrementAndDeletesTheSequence() throws Exception {
    Migrata migrata = db.configure(history()).load();
    migrata.migrate("billing", "0002_alter_sequence_invoice_seq");
    next();
    if (sequences()) {
      assertThat(next()).containsExactly("110");
    }
    migrata.migrate();
    assertThat(db.tables()).doesNotContain("invoice_seq");
    assertThat(migrata.checkSchema()).isEmpty();
  }

  @Test
  void backwardsCreatesAgainAndDropsAgain() throws Exception {
    Migrata migrata = db.configure(history()).load();
    migrata.migrate();
    migrata.migrate("billing", "0001_initial");
    assertThat(next()).containsExactly("100");
    migrata.migrate("billing", "zero");
    if (sequences()) {
      String exists =
          db.kind == Db.Kind.POSTGRES
              ? "SELECT count(*) FROM pg_sequences WHERE sequencename = 'invoice_seq'"
              : "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                  + " AND table_name = 'invoice_seq'";
      assertThat(db.rows(exists)).containsExactly("0");
    } else {
      assertThat(db.tables()).doesNotContain("invoice_seq");
    }
  }

  @Test
  void theDriftCheckReportsAMissingOrChangedSequence() throws Exception {
    Migrata migrata = db.configure(history()).load();
    migrata.migrate("billing", "0001_initial");
    switch (db.kind) {
      case POSTGRES, MARIADB -> {
        db.exec("DROP SEQUENCE invoice_seq", "CREATE SEQUENCE invoice_seq START WITH 100");
        db.exec("CREATE SEQUENCE stray_seq");
        assertThat(migrata.checkSchema().stream().map(SchemaDifference::toString))
            .containsExactly(
                "invoice_seq: sequence increment is 1, the applied migrations describe 50",
                "stray_seq: sequence is not in the applied migrations");
        db.exec("DROP SEQUENCE invoice_seq");
        assertThat(migrata.checkSchema().stream().map(SchemaDifference::toString))
            .contains("invoice_seq: sequence is missing");
      }
      case SQLITE -> {
        db.exec("DROP TABLE invoice_seq");
        assertThat(migrata.checkSchema().stream().map(SchemaDifference::toString))
            .containsExactly("invoice_seq: table is missing");
      }
    }
  }

  @Test
  void sqlMigrateShowsEachBackendsStatements() {
    Migrata migrata = db.configure(history()).load();
    String sql = migrata.sqlMigrate("billing", "0001_initial", false);
    String q = db.kind == Db.Kind.MARIADB ? "`" : "\"";
    if (sequences()) {
      String options = db.kind == Db.Kind.MARIADB ? " NOCACHE" : "";
      assertThat(sql)
          .contains(
              "CREATE SEQUENCE "
                  + q
                  + "invoice_seq"
                  + q
                  + " START WITH 100 INCREMENT BY 50"
                  + options);
    } else {
      assertThat(sql)
          .contains("CREATE TABLE \"invoice_seq\" (\"next_val\" bigint)")
          .contains("INSERT INTO \"invoice_seq\" VALUES (100)");
    }
  }
}
