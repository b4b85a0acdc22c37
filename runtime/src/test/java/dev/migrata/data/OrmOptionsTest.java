package dev.migrata.data;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelOptions;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.OrmOptions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ORM-only options on every backend (issue 9): no SQL when they change, existing rows get the
 * current time (or the empty string) when such a field is added, and data migrations see them.
 */
class OrmOptionsTest extends OnEveryBackend {
  private static final String READS = OrmOptionsReads.class.getName();

  private static FieldState createdOn() {
    // As the processor writes an autoNowAdd field added to rows: Django's questioner's answer.
    return FieldState.builder("createdOn", "DateField")
        .defaultMethod("java.time.LocalDate::now")
        .orm(new OrmOptions(null, false, false, false, true))
        .build();
  }

  private static FieldState modified() {
    return FieldState.builder("modified", "LocalDateTimeField")
        .orm(new OrmOptions(null, false, true, true, false))
        .build();
  }

  private static FieldState summary() {
    return FieldState.builder("summary", "TextField")
        .orm(new OrmOptions(null, true, true, false, false))
        .build();
  }

  private static List<MigrationDefinition> migrations() {
    return List.of(
        migration("library", "0001_initial")
            .ops(createModel("library", "Book", id(), chars("title", 100))),
        migration("library", "0002_books")
            .dependsOn("library", "0001_initial")
            .ops(
                new RunSql(
                    List.of("INSERT INTO library_book (title) VALUES ('Old')"),
                    List.of("DELETE FROM library_book"),
                    false)),
        migration("library", "0003_book_created_on_and_more")
            .dependsOn("library", "0002_books")
            .ops(
                new AddField("book", createdOn(), false),
                new AddField("book", modified(), true),
                new AddField("book", summary(), true)),
        migration("library", "0004_alter_book_options_and_more")
            .dependsOn("library", "0003_book_created_on_and_more")
            .ops(
                new AlterModelOptions(
                    "book", true, new ModelOptions("livre", null, List.of("-createdOn", "title"))),
                new AlterField(
                    "book",
                    chars("title", 100).toBuilder()
                        .orm(new OrmOptions("titre", true, false, false, false))
                        .build(),
                    true)),
        migration("library", "0005_read_options")
            .dependsOn("library", "0004_alter_book_options_and_more")
            .className(READS)
            .ops(new RunJava("read", null, null, false)));
  }

  @Test
  void changingOnlyOrmOptionsRunsNoSql() {
    String sql = db.configure(migrations()).load().sqlMigrate("library", "0004", false);
    assertThat(sql)
        .contains("-- Change Meta options on book\n--\n-- (no-op)")
        .contains("-- Alter field title on book\n--\n-- (no-op)");
    assertThat(sql.replaceAll("(?m)^(--.*|BEGIN;|COMMIT;)\n", "")).isEmpty();
  }

  @Test
  void addedAutomaticTimesFillExistingRowsWithNowAndBlankTextWithEmpty() throws Exception {
    LocalDate before = LocalDate.now();
    db.configure(migrations()).load().migrate("library", "0004");
    LocalDate after = LocalDate.now();
    List<String> rows = db.rows("SELECT title, created_on, summary FROM library_book");
    assertThat(rows).hasSize(1);
    String[] row = rows.get(0).split("\\|", -1);
    assertThat(row[0]).isEqualTo("Old");
    assertThat(LocalDate.parse(row[1].substring(0, 10))).isBetween(before, after);
    assertThat(row[2]).isEmpty();
    assertThat(db.rows("SELECT COUNT(*) FROM library_book WHERE modified IS NULL"))
        .containsExactly("0");
  }

  @Test
  void dataMigrationsSeeTheOptionsAndInsertsFillAutomaticTimes() throws Exception {
    db.configure(migrations()).load().migrate();
    assertThat(OrmOptionsReads.SEEN)
        .containsExactly(
            "livre / livres / [-createdOn, title]",
            "FieldOptions[verboseName=titre, blank=true, editable=false, autoNow=false,"
                + " autoNowAdd=false]",
            "FieldOptions[verboseName=created on, blank=false, editable=false, autoNow=false,"
                + " autoNowAdd=true]");
    assertThat(
            db.rows(
                "SELECT COUNT(*) FROM library_book WHERE title = 'Added by a data migration'"
                    + " AND created_on IS NOT NULL AND modified IS NOT NULL"))
        .containsExactly("1");
  }
}
