package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RemoveIndex;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The names and types Django 5.2 gives on each backend, so that a database Django created is one
 * Migrata can migrate. Every expected name was computed with Django's own algorithm.
 */
class DjangoNamesTest extends OnEveryBackend {
  private Migrata load(MigrationDefinition... migrations) {
    return db.configure(List.of(migrations)).load();
  }

  private List<String> constraints() throws SQLException {
    return switch (kind) {
      case POSTGRES ->
          db.rows(
              "SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                  + " WHERE n.nspname = current_schema() ORDER BY 1");
      case MARIADB ->
          db.rows(
              "SELECT constraint_name FROM information_schema.table_constraints"
                  + " WHERE table_schema = DATABASE() ORDER BY 1");
      default -> db.rows("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL");
    };
  }

  private static MigrationDefinition publications() {
    return migration("library", "0001_initial")
        .ops(
            createModel("library", "Foundation", id()),
            createModel("library", "Organisation", id()),
            createModel(
                "library",
                "Publication",
                id(),
                fk("foundation", "library.foundation", "CASCADE"),
                FieldState.builder("contributingOrganisations", "ManyToManyField")
                    .to("library.organisation")
                    .build()));
  }

  /** Item 1: the hash part of a shortened name keeps as many characters as Django's. */
  @Test
  void longForeignKeyAndJoinTableNamesAreDjangos() throws Exception {
    load(publications()).migrate();
    String fk = "library_publication_foundation_id_10cb49a1_fk_library_f";
    String uniq = "library_publication_cont_publication_id_organisat_7a0bef88_uniq";
    if (kind == Db.Kind.SQLITE) {
      // No limit on SQLite (Django: 200), and foreign keys are inline there.
      assertThat(String.join("\n", constraints()))
          .contains(
              "library_publication_contributing_organisations_publication_id_organisation_id"
                  + "_7a0bef88_uniq");
      return;
    }
    assertThat(constraints())
        .contains(
            fk,
            uniq,
            "library_publication__publication_id_5e9b7c90_fk_library_p",
            "library_publication__organisation_id_115afc85_fk_library_o");
    if (kind == Db.Kind.POSTGRES) {
      assertThat(db.indexes("library_publication_contributing_organisations"))
          .contains(
              "library_publication_contri_publication_id_5e9b7c90",
              "library_publication_contri_organisation_id_115afc85");
    }
    // And what Migrata created by these names it finds again by them.
    load(
            publications(),
            migration("library", "0002_remove")
                .dependsOn("library", "0001_initial")
                .ops(
                    new RemoveField("publication", "foundation"),
                    new RemoveField("publication", "contributingOrganisations")))
        .migrate();
    assertThat(constraints()).doesNotContain(fk, uniq);
  }

  private static MigrationDefinition codes() {
    return migration("library", "0001_initial")
        .ops(
            createModel(
                "library",
                "Code",
                FieldState.builder("code", "CharField").maxLength(10).primaryKey(true).build()),
            createModel("library", "Item", id(), fk("code", "library.code", "CASCADE")));
  }

  /** Item 3: a foreign key whose column is varchar gets the pattern-ops index, as Django's. */
  @Test
  void postgresForeignKeyToACharKeyGetsTheLikeIndex() throws Exception {
    assumeTrue(kind == Db.Kind.POSTGRES);
    load(codes()).migrate();
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
    load(codes(), drop).migrate();
    assertThat(db.indexes("library_item")).isEmpty();
    load(codes(), drop).migrate("library", "0001");
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
    String sql = load(codes(), drop, add).sqlMigrate("library", "0003", false);
    assertThat(sql).contains("\"parent_id\" varchar_pattern_ops");
  }

  private static MigrationDefinition conditional(IndexState index) {
    return migration("library", "0001_initial")
        .ops(
            CreateModel.of(
                ModelState.of("library", "Book", List.of(id(), chars("title", 50)))
                    .withIndexes(List.of(index))));
  }

  /** Item 4: without partial indexes (MySQL, MariaDB) Django creates no conditional index. */
  @Test
  void conditionalIndexesExistOnlyWhereTheBackendHasPartialIndexes() throws Exception {
    IndexState index = new IndexState("book_short_idx", List.of("title"), false, "id > 10");
    IndexState added = new IndexState("book_later_idx", List.of("title"), false, "id > 20");
    MigrationDefinition second =
        migration("library", "0002_index")
            .dependsOn("library", "0001_initial")
            .ops(new AddIndex("book", added));
    load(conditional(index), second).migrate();
    if (kind == Db.Kind.MARIADB) {
      assertThat(db.indexes("library_book")).isEmpty();
      assertThat(load(conditional(index), second).sqlMigrate("library", "0002", false))
          .doesNotContain("CREATE INDEX");
    } else {
      assertThat(db.indexes("library_book")).containsExactly("book_later_idx", "book_short_idx");
    }
    MigrationDefinition third =
        migration("library", "0003_remove")
            .dependsOn("library", "0002_index")
            .ops(new RemoveIndex("book", "book_later_idx"));
    load(conditional(index), second, third).migrate();
    assertThat(db.indexes("library_book"))
        .isEqualTo(kind == Db.Kind.MARIADB ? List.of() : List.of("book_short_idx"));
  }

  private static MigrationDefinition tokens() {
    return migration("library", "0001_initial")
        .ops(
            createModel(
                "library", "Token", id(), FieldState.builder("key", "UUIDField").build()));
  }

  /** Item 5: MariaDB 10.7+ has a uuid type, which Django 5 uses; values go in and out dashed. */
  @Test
  void mariadbUuidsAreTheNativeType() throws Exception {
    assumeTrue(kind == Db.Kind.MARIADB);
    load(tokens()).migrate();
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
    assumeTrue(kind == Db.Kind.MARIADB);
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
    Migrata migrata = load(tokens(), more);
    migrata.migrate(migrata.plan(), false, true);
    assertThat(db.history()).containsExactly("library.0001_initial", "library.0002_token_note");
    assertThat(migrata.sqlMigrate("library", "0002", false)).doesNotContain("`key`");
    assertThat(db.columnDefinitions("library_token")).contains("key char(32) NOT NULL");
    assertThat(db.rows("SELECT `key` FROM library_token"))
        .containsExactly("12345678123456781234567812345678");
  }

  private static MigrationDefinition documents() {
    return migration("library", "0001_initial")
        .ops(
            createModel(
                "library",
                "Document",
                id(),
                FieldState.builder("data", "JSONField").nullable(true).build()));
  }

  /** Item 6: SQLite's JSON columns are text that must be valid JSON, as Django's. */
  @Test
  void sqliteJsonColumnsCheckTheirJson() throws Exception {
    assumeTrue(kind == Db.Kind.SQLITE);
    MigrationDefinition more =
        migration("library", "0002_meta")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField(
                    "document",
                    FieldState.builder("meta", "JSONField").defaultValue("{}").build(),
                    false));
    load(documents(), more).migrate();
    assertThat(db.rows("SELECT sql FROM sqlite_master WHERE name = 'library_document'").get(0))
        .contains("\"data\" text NULL CHECK ((JSON_VALID(\"data\") OR \"data\" IS NULL))")
        .contains("\"meta\" text NOT NULL CHECK ((JSON_VALID(\"meta\") OR \"meta\" IS NULL))");
    db.exec("INSERT INTO library_document (data, meta) VALUES (NULL, '[1]')");
    assertThatThrownBy(
            () -> db.exec("INSERT INTO library_document (data, meta) VALUES ('{oops', '{}')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("CHECK");
  }

  private static MigrationDefinition contributions() {
    List<String> fields = List.of("publicationTitle", "organisationName");
    List<String> columns = List.of("publication_title", "organisation_name");
    return migration("library", "0001_initial")
        .ops(
            CreateModel.of(
                ModelState.of(
                        "library",
                        "Contribution",
                        List.of(id(), chars("publicationTitle", 20), chars("organisationName", 20)))
                    .withConstraints(
                        List.of(
                            ConstraintState.unique(
                                Names.uniqueTogetherName("library_contribution", columns),
                                fields,
                                null)))));
  }

  /**
   * Item 2: an unnamed unique over several fields is named as Django names a unique_together, so
   * a table Django created (fake-initial) has it under the name Migrata drops; a name beyond the
   * backend's limit is shortened exactly as Django shortens it there.
   */
  @Test
  void uniqueTogetherNamesAreDjangosOnEachBackend() throws Exception {
    String name =
        kind == Db.Kind.SQLITE
            ? "library_contribution_publication_title_organisation_name_2e6142bb_uniq"
            : "library_contribution_publication_title_organi_2e6142bb_uniq";
    String q = kind == Db.Kind.MARIADB ? "`" : "\"";
    String auto =
        kind == Db.Kind.SQLITE
            ? "integer NOT NULL PRIMARY KEY AUTOINCREMENT"
            : kind == Db.Kind.POSTGRES
                ? "bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY"
                : "bigint AUTO_INCREMENT NOT NULL PRIMARY KEY";
    // The table as Django 5.2 creates it for unique_together = [("publication_title", ...)].
    db.exec(
        "CREATE TABLE library_contribution (id " + auto + ", publication_title varchar(20) NOT"
            + " NULL, organisation_name varchar(20) NOT NULL, CONSTRAINT " + q + name + q
            + " UNIQUE (publication_title, organisation_name))");
    MigrationDefinition remove =
        migration("library", "0002_remove_unique")
            .dependsOn("library", "0001_initial")
            .ops(
                new RemoveConstraint(
                    "contribution",
                    Names.uniqueTogetherName(
                        "library_contribution",
                        List.of("publication_title", "organisation_name"))));
    Migrata migrata = load(contributions(), remove);
    migrata.migrate(migrata.plan("library", "0001"), false, true);
    assertThat(db.history()).containsExactly("library.0001_initial");
    if (kind != Db.Kind.SQLITE) {
      assertThat(constraints()).contains(name);
    }
    migrata.migrate();
    String insert =
        "INSERT INTO library_contribution (publication_title, organisation_name) VALUES ('a', 'b')";
    db.exec(insert, insert);
    assertThat(String.join("\n", constraints())).doesNotContain(name);

    // Created by Migrata, the unique has Django's name too, and goes back by it.
    db.exec("DELETE FROM library_contribution");
    migrata.migrate("library", "zero");
    db.exec("DROP TABLE IF EXISTS library_contribution");
    migrata.migrate("library", "0001");
    assertThat(String.join("\n", constraints())).contains(name);
    migrata.migrate();
    assertThat(String.join("\n", constraints())).doesNotContain(name);
  }
}
