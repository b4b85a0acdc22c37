package dev.migrata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the drift check: a clean migrate of a rich model set matches what the migrations
 * describe on every backend; a schema changed by hand is reported by table and column.
 */
class CheckSchemaTest extends OnEveryBackend {
  private Migrata migrated() {
    Migrata migrata = db.configure(RichModels.migrations()).load();
    migrata.migrate();
    return migrata;
  }

  private static List<String> lines(List<SchemaDifference> differences) {
    return differences.stream().map(SchemaDifference::toString).toList();
  }

  @Test
  void aCleanMigrateHasNoDifferences() {
    assertThat(lines(migrated().checkSchema())).isEmpty();
  }

  @Test
  void aDatabaseWithNothingAppliedHasNoDifferences() {
    assertThat(db.configure(RichModels.migrations()).load().checkSchema()).isEmpty();
  }

  @Test
  void aHandAddedColumnIsReportedByName() throws Exception {
    Migrata migrata = migrated();
    db.exec("ALTER TABLE " + db.q("rich_book") + " ADD COLUMN " + db.q("extra") + " integer");
    List<SchemaDifference> differences = migrata.checkSchema();
    assertThat(lines(differences))
        .containsExactly("rich_book.extra: column is not in the applied migrations");
    assertThat(differences.get(0).table()).isEqualTo("rich_book");
    assertThat(differences.get(0).column()).isEqualTo("extra");
  }

  @Test
  void aHandAlteredTypeIsReported() throws Exception {
    Migrata migrata = migrated();
    switch (db.kind) {
      case POSTGRES -> db.exec("ALTER TABLE rich_note ALTER COLUMN body TYPE varchar(30)");
      case MARIADB -> db.exec("ALTER TABLE rich_note MODIFY body varchar(30) NOT NULL");
      case SQLITE -> rebuildNote("\"body\" varchar(30) NOT NULL");
    }
    String spelled = db.kind == Db.Kind.POSTGRES ? "character varying(30)" : "varchar(30)";
    assertThat(lines(migrata.checkSchema()))
        .containsExactly(
            "rich_note.body: type is " + spelled + ", the applied migrations describe varchar(20)");
  }

  @Test
  void aDroppedIndexIsReported() throws Exception {
    Migrata migrata = migrated();
    db.exec(
        db.kind == Db.Kind.MARIADB
            ? "DROP INDEX rich_book_title_idx ON rich_book"
            : "DROP INDEX rich_book_title_idx");
    assertThat(lines(migrata.checkSchema()))
        .containsExactly("rich_book: index rich_book_title_idx on (title, rating) is missing");
  }

  @Test
  void aDroppedNotNullIsReported() throws Exception {
    Migrata migrata = migrated();
    switch (db.kind) {
      case POSTGRES -> db.exec("ALTER TABLE rich_note ALTER COLUMN body DROP NOT NULL");
      case MARIADB -> db.exec("ALTER TABLE rich_note MODIFY body varchar(20) NULL");
      case SQLITE -> rebuildNote("\"body\" varchar(20) NULL");
    }
    assertThat(lines(migrata.checkSchema()))
        .containsExactly(
            "rich_note.body: column is NULL, the applied migrations describe NOT NULL");
  }

  @Test
  void aDroppedForeignKeyAndUniqueAreReported() throws Exception {
    Migrata migrata = migrated();
    switch (db.kind) {
      case POSTGRES -> {
        for (String c :
            db.rows(
                "SELECT conname FROM pg_constraint WHERE conrelid = 'rich_profile'::regclass"
                    + " AND contype IN ('f', 'u')")) {
          db.exec("ALTER TABLE rich_profile DROP CONSTRAINT " + db.q(c));
        }
      }
      case MARIADB -> {
        for (String c :
            db.rows(
                "SELECT constraint_name FROM information_schema.table_constraints WHERE"
                    + " table_schema = DATABASE() AND table_name = 'rich_profile' AND"
                    + " constraint_type = 'FOREIGN KEY'")) {
          db.exec("ALTER TABLE rich_profile DROP FOREIGN KEY " + db.q(c));
        }
        for (String i :
            db.rows(
                "SELECT DISTINCT index_name FROM information_schema.statistics WHERE"
                    + " table_schema = DATABASE() AND table_name = 'rich_profile' AND"
                    + " index_name <> 'PRIMARY'")) {
          db.exec("ALTER TABLE rich_profile DROP INDEX " + db.q(i));
        }
      }
      case SQLITE ->
          db.exec(
              "CREATE TABLE rich_profile_new (\"id\" integer NOT NULL PRIMARY KEY"
                  + " AUTOINCREMENT, \"author_id\" bigint NOT NULL)",
              "INSERT INTO rich_profile_new SELECT * FROM rich_profile",
              "DROP TABLE rich_profile",
              "ALTER TABLE rich_profile_new RENAME TO rich_profile");
    }
    assertThat(lines(migrata.checkSchema()))
        .containsExactly(
            "rich_profile.author_id: unique index on (author_id) is missing",
            "rich_profile.author_id: foreign key to rich_author(id) is missing");
  }

  @Test
  void aForeignKeyWhoseOnDeleteChangedByHandIsReported() throws Exception {
    Migrata migrata = migrated();
    switch (db.kind) {
      case POSTGRES -> {
        String fk =
            db.rows(
                    "SELECT conname FROM pg_constraint WHERE conrelid = 'rich_profile'::regclass"
                        + " AND contype = 'f'")
                .get(0);
        db.exec(
            "ALTER TABLE rich_profile DROP CONSTRAINT " + db.q(fk),
            "ALTER TABLE rich_profile ADD CONSTRAINT "
                + db.q(fk)
                + " FOREIGN KEY (author_id) REFERENCES rich_author (id) ON DELETE RESTRICT");
      }
      case MARIADB -> {
        String fk =
            db.rows(
                    "SELECT constraint_name FROM information_schema.table_constraints WHERE"
                        + " table_schema = DATABASE() AND table_name = 'rich_profile' AND"
                        + " constraint_type = 'FOREIGN KEY'")
                .get(0);
        db.exec(
            "ALTER TABLE rich_profile DROP FOREIGN KEY " + db.q(fk),
            "ALTER TABLE rich_profile ADD CONSTRAINT "
                + db.q(fk)
                + " FOREIGN KEY (author_id) REFERENCES rich_author (id) ON DELETE RESTRICT");
      }
      case SQLITE ->
          db.exec(
              "CREATE TABLE rich_profile_new (\"id\" integer NOT NULL PRIMARY KEY"
                  + " AUTOINCREMENT, \"author_id\" bigint NOT NULL UNIQUE REFERENCES"
                  + " \"rich_author\" (\"id\") ON DELETE RESTRICT)",
              "INSERT INTO rich_profile_new SELECT * FROM rich_profile",
              "DROP TABLE rich_profile",
              "ALTER TABLE rich_profile_new RENAME TO rich_profile");
    }
    assertThat(lines(migrata.checkSchema()))
        .containsExactly(
            "rich_profile.author_id: foreign key to rich_author(id) is ON DELETE RESTRICT, the"
                + " applied migrations describe ON DELETE CASCADE");
  }

  @Test
  void aDroppedTableIsReported() throws Exception {
    Migrata migrata = migrated();
    db.exec("DROP TABLE " + db.q("rich_profile"));
    assertThat(lines(migrata.checkSchema())).containsExactly("rich_profile: table is missing");
  }

  @Test
  void aSnapshotListsWhatChangedSinceAnEarlierOne() throws Exception {
    Migrata migrata = migrated();
    SchemaSnapshot before = migrata.schemaSnapshot();
    assertThat(migrata.schemaSnapshot().differencesFrom(before)).isEmpty();
    db.exec("ALTER TABLE " + db.q("rich_note") + " ADD COLUMN " + db.q("extra") + " integer");
    assertThat(lines(migrata.schemaSnapshot().differencesFrom(before)))
        .containsExactly("rich_note.extra: column is new");
  }

  /** SQLite cannot alter a column: the table is rebuilt by hand, as someone would. */
  private void rebuildNote(String body) throws Exception {
    db.exec(
        "CREATE TABLE rich_note_new (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "
            + body
            + ")",
        "INSERT INTO rich_note_new SELECT * FROM rich_note",
        "DROP TABLE rich_note",
        "ALTER TABLE rich_note_new RENAME TO rich_note");
  }
}
