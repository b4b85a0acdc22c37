package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RemoveIndex;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import java.sql.SQLException;
import java.util.List;
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

  static MigrationDefinition publications() {
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

  static MigrationDefinition codes() {
    return migration("library", "0001_initial")
        .ops(
            createModel(
                "library",
                "Code",
                FieldState.builder("code", "CharField").maxLength(10).primaryKey(true).build()),
            createModel("library", "Item", id(), fk("code", "library.code", "CASCADE")));
  }

  static MigrationDefinition conditional(IndexState index) {
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

  static MigrationDefinition tokens() {
    return migration("library", "0001_initial")
        .ops(
            createModel(
                "library", "Token", id(), FieldState.builder("key", "UUIDField").build()));
  }

  static MigrationDefinition documents() {
    return migration("library", "0001_initial")
        .ops(
            createModel(
                "library",
                "Document",
                id(),
                FieldState.builder("data", "JSONField").nullable(true).build()));
  }

  static MigrationDefinition contributions() {
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
