package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.state.FieldState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names and types Django 5.2 gives that concern one backend only (PostgreSQL's pattern-ops
 * index, MariaDB's native uuid, SQLite's JSON check): each test runs on its backend, in a fresh
 * database of its own, and nowhere else (so nothing is reported as skipped).
 */
class DjangoBackendSpecificTest {
  @TempDir Path dir;
  private Db db;

  private void on(Db.Kind backend) {
    db = Db.create(backend, dir);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private Migrata load(MigrationDefinition... migrations) {
    return db.configure(List.of(migrations)).load();
  }


  /** Item 3: a foreign key whose column is varchar gets the pattern-ops index, as Django's. */
  @Test
  void postgresForeignKeyToACharKeyGetsTheLikeIndex() throws Exception {
    on(Db.Kind.POSTGRES);
    load(DjangoNamesTest.codes()).migrate();
    assertThat(db.indexes("library_item"))
        .containsExactly("library_item_code_id_0fd8370b", "library_item_code_id_0fd8370b_like");
    assertThat(db.rows("SELECT indexdef FROM pg_indexes WHERE indexname LIKE '%_like'"))
        .anySatisfy(d -> assertThat(d).contains("code_id varchar_pattern_ops"));

    // Without an index the foreign key has no _like index either; with one again it comes back.
    FieldState unindexed =
        FieldState.builder("code", "ForeignKey").to("library.code").onDelete("CASCADE").build();
    MigrationDefinition drop =
        migration("library", "0002_unindex")
            .dependsOn("library", "0001_initial")
            .ops(new AlterField("item", unindexed, true));
    load(DjangoNamesTest.codes(), drop).migrate();
    assertThat(db.indexes("library_item")).isEmpty();
    load(DjangoNamesTest.codes(), drop).migrate("library", "0001");
    assertThat(db.indexes("library_item"))
        .containsExactly("library_item_code_id_0fd8370b", "library_item_code_id_0fd8370b_like");

    // Added later, the same.
    MigrationDefinition add =
        migration("library", "0003_other")
            .dependsOn("library", "0002_unindex")
            .ops(
                new AddField(
                    "code",
                    FieldState.builder("parent", "ForeignKey")
                        .to("library.code")
                        .onDelete("CASCADE")
                        .nullable(true)
                        .index(true)
                        .build(),
                    true));
    String sql = load(DjangoNamesTest.codes(), drop, add).sqlMigrate("library", "0003", false);
    assertThat(sql).contains("\"parent_id\" varchar_pattern_ops");
  }


  /** Item 5: MariaDB 10.7+ has a uuid type, which Django 5 uses; values go in and out dashed. */
  @Test
  void mariadbUuidsAreTheNativeType() throws Exception {
    on(Db.Kind.MARIADB);
    load(DjangoNamesTest.tokens()).migrate();
    assertThat(db.columnDefinitions("library_token")).contains("key uuid NOT NULL");
    UUID value = UUID.fromString("12345678-1234-5678-1234-567812345678");
    try (Connection c = db.open();
        PreparedStatement ps = c.prepareStatement("INSERT INTO library_token (`key`) VALUES (?)")) {
      ps.setObject(1, value);
      ps.executeUpdate();
    }
    try (Connection c = db.open();
        PreparedStatement ps = c.prepareStatement("SELECT `key` FROM library_token");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(UUID.fromString(rs.getString(1))).isEqualTo(value);
    }
  }


  /** Item 5: a char(32) column of an older Django stays as it is until a migration touches it. */
  @Test
  void mariadbKeepsExistingCharUuidColumns() throws Exception {
    on(Db.Kind.MARIADB);
    db.exec(
        "CREATE TABLE library_token (id integer AUTO_INCREMENT NOT NULL PRIMARY KEY,"
            + " `key` char(32) NOT NULL)",
        "INSERT INTO library_token (`key`) VALUES ('12345678123456781234567812345678')");
    MigrationDefinition more =
        migration("library", "0002_token_note")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField(
                    "token", FieldState.builder("note", "IntegerField").nullable(true).build(),
                    true));
    Migrata migrata = load(DjangoNamesTest.tokens(), more);
    migrata.migrate(migrata.plan(), false, true);
    assertThat(db.history()).containsExactly("library.0001_initial", "library.0002_token_note");
    assertThat(migrata.sqlMigrate("library", "0002", false)).doesNotContain("`key`");
    assertThat(db.columnDefinitions("library_token")).contains("key char(32) NOT NULL");
    assertThat(db.rows("SELECT `key` FROM library_token"))
        .containsExactly("12345678123456781234567812345678");
  }


  /** Item 6: SQLite's JSON columns are text that must be valid JSON, as Django's. */
  @Test
  void sqliteJsonColumnsCheckTheirJson() throws Exception {
    on(Db.Kind.SQLITE);
    MigrationDefinition more =
        migration("library", "0002_meta")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField(
                    "document",
                    FieldState.builder("meta", "JSONField").defaultValue("{}").build(),
                    false));
    load(DjangoNamesTest.documents(), more).migrate();
    assertThat(db.rows("SELECT sql FROM sqlite_master WHERE name = 'library_document'").get(0))
        .contains("\"data\" text NULL CHECK ((JSON_VALID(\"data\") OR \"data\" IS NULL))")
        .contains("\"meta\" text NOT NULL CHECK ((JSON_VALID(\"meta\") OR \"meta\" IS NULL))");
    db.exec("INSERT INTO library_document (data, meta) VALUES (NULL, '[1]')");
    assertThatThrownBy(
            () -> db.exec("INSERT INTO library_document (data, meta) VALUES ('{oops', '{}')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("CHECK");
  }
}
