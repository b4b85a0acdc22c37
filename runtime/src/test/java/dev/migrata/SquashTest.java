package dev.migrata;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.integer;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.optimizer.Optimizer;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A squash applied to a fresh database, to one part way through the originals and to a fully
 * migrated one, on every backend: the schema must be the one the originals produce, and the
 * history must end up recording the squash.
 */
public class SquashTest extends OnEveryBackend {
  /** library 0001..0005 and shop 0001, which depends on library 0003 (replaced by the squash). */
  public static List<MigrationDefinition> originals() {
    return new ArrayList<>(
        List.of(
            migration("library", "0001_initial")
                .ops(createModel("library", "Author", id(), chars("name", 100))),
            migration("library", "0002_book")
                .dependsOn("library", "0001_initial")
                .ops(createModel("library", "Book", id(), chars("title", 200),
                    fk("author", "library.author", "CASCADE"))),
            migration("library", "0003_book_pages")
                .dependsOn("library", "0002_book")
                .ops(new AddField("book", FieldState.builder("pages", "IntegerField")
                    .defaultValue("0").build(), false)),
            migration("library", "0004_rename_title")
                .dependsOn("library", "0003_book_pages")
                .ops(new RenameField("book", "title", "headline"),
                    new AlterField("author", chars("name", 150), true),
                    new AddIndex("book", new IndexState("book_pages_idx", List.of("pages"), false, null))),
            migration("library", "0005_remove_pages_add_year")
                .dependsOn("library", "0004_rename_title")
                .ops(new AddField("author", FieldState.builder("born", "IntegerField").nullable(true).build(), true),
                    new AddField("book", integer("year").toBuilder().nullable(true).build(), true)),
            migration("shop", "0001_initial")
                .dependsOn("library", "0003_book_pages")
                .ops(createModel("shop", "Order", id(), fk("book", "library.book", "PROTECT")))));
  }

  /** What squashmigrations library 0005 writes: optimized operations replacing 0001..0005. */
  static MigrationDefinition squash() {
    List<Operation> ops = new ArrayList<>();
    for (MigrationDefinition m : originals()) {
      if (m.app().equals("library")) {
        ops.addAll(m.operations());
      }
    }
    List<Operation> optimized = Optimizer.optimize(ops, "library");
    assertThat(optimized.size()).isLessThan(ops.size());
    Fixtures.Builder b = migration("library", "0001_squashed_0005_remove_pages_add_year");
    for (MigrationDefinition m : originals()) {
      if (m.app().equals("library")) {
        b.replaces("library", m.name());
      }
    }
    return b.ops(optimized.toArray(new Operation[0]));
  }

  public static List<MigrationDefinition> withSquash() {
    List<MigrationDefinition> all = originals();
    all.add(squash());
    return all;
  }

  private static Migrata migrata(Db db, List<MigrationDefinition> migrations) {
    return db.configure().migrations(migrations).load();
  }

  /** The schema the originals produce, migrated in a second fresh database. */
  private List<String> referenceSchema() throws Exception {
    try (Db reference = Db.create(kind, Files.createDirectories(dir.resolve("reference")))) {
      migrata(reference, originals()).migrate();
      return reference.portableSchema();
    }
  }

  private static final List<String> ALL_RECORDED =
      List.of(
          "library.0001_initial", "library.0002_book", "library.0003_book_pages",
          "library.0004_rename_title", "library.0005_remove_pages_add_year", "shop.0001_initial",
          "library.0001_squashed_0005_remove_pages_add_year");

  @Test
  void freshDatabaseUsesTheSquash() throws Exception {
    List<String> expected = referenceSchema();
    List<PlannedMigration> ran = migrata(db, withSquash()).migrate();
    assertThat(ran.stream().map(PlannedMigration::toString))
        .containsExactly("+library.0001_squashed_0005_remove_pages_add_year", "+shop.0001_initial");
    assertThat(db.portableSchema()).isEqualTo(expected);
    assertThat(db.history()).containsExactlyInAnyOrderElementsOf(ALL_RECORDED);

    // Unapplying the squash unrecords it and everything it replaces.
    migrata(db, withSquash()).migrate("library", "zero");
    assertThat(db.portableSchema()).isEmpty();
    assertThat(db.history()).isEmpty();
  }

  @Test
  void partlyMigratedDatabaseKeepsUsingTheOriginals() throws Exception {
    List<String> expected = referenceSchema();
    migrata(db, originals()).migrate("library", "0002");

    Migrata m = migrata(db, withSquash());
    assertThat(m.showMigrations("library").get("library").stream().map(s -> s.key().name()))
        .containsExactly("0001_initial", "0002_book", "0003_book_pages", "0004_rename_title",
            "0005_remove_pages_add_year");
    List<PlannedMigration> ran = m.migrate();
    assertThat(ran.stream().map(PlannedMigration::toString))
        .containsExactly("+library.0003_book_pages", "+library.0004_rename_title",
            "+library.0005_remove_pages_add_year", "+shop.0001_initial");
    assertThat(db.portableSchema()).isEqualTo(expected);
    // All originals applied now: the squash is recorded too.
    assertThat(db.history()).containsExactlyInAnyOrderElementsOf(ALL_RECORDED);
    assertThat(migrata(db, withSquash()).plan().isEmpty()).isTrue();
  }

  @Test
  void fullyMigratedDatabaseRecordsTheSquashAndNothingRuns() throws Exception {
    List<String> expected = referenceSchema();
    migrata(db, originals()).migrate();

    Migrata m = migrata(db, withSquash());
    MigrationStatus squash = m.showMigrations("library").get("library").get(0);
    assertThat(squash.applied()).isTrue();
    assertThat(squash.recorded()).isFalse();
    assertThat(m.migrate()).isEmpty();
    assertThat(db.portableSchema()).isEqualTo(expected);
    assertThat(db.history()).containsExactlyInAnyOrderElementsOf(ALL_RECORDED);

    // Going back to a point inside the squash uses it as a whole (all replaced are applied).
    migrata(db, withSquash()).migrate("shop", "zero");
    assertThat(db.history()).containsExactlyInAnyOrderElementsOf(ALL_RECORDED.stream()
        .filter(k -> !k.startsWith("shop")).toList());
  }

  @Test
  void squashAloneAfterTheOriginalsAreDeleted() throws Exception {
    List<String> expected = referenceSchema();
    // Originals deleted; shop still names library.0003, which is rewired to the squash.
    List<MigrationDefinition> squashOnly = new ArrayList<>();
    squashOnly.add(squash());
    squashOnly.add(originals().get(5));
    migrata(db, squashOnly).migrate();
    assertThat(db.portableSchema()).isEqualTo(expected);
  }

  @Test
  void squashCreatingACrossAppCycleIsACircularDependencyError() throws Exception {
    // library 0006 depends on shop 0001, which depends on library 0003: squashing 0001..0006
    // would make library depend on itself through shop.
    List<MigrationDefinition> all = originals();
    all.add(migration("library", "0006_x").dependsOn("library", "0005_remove_pages_add_year")
        .dependsOn("shop", "0001_initial").ops());
    Fixtures.Builder b = migration("library", "0001_squashed_0006_x").dependsOn("shop", "0001_initial");
    for (String n : List.of("0001_initial", "0002_book", "0003_book_pages", "0004_rename_title",
        "0005_remove_pages_add_year", "0006_x")) {
      b.replaces("library", n);
    }
    all.add(b.ops());
    assertThatThrownBy(() -> migrata(db, all).plan())
        .isInstanceOf(MigrataException.class)
        .hasMessageContaining("Circular dependency between migrations: ")
        .hasMessageContaining("library.0001_squashed_0006_x")
        .hasMessageContaining("shop.0001_initial");
  }

  @Test
  void runBeforeAndInconsistentHistory() throws Exception {
    List<MigrationDefinition> all = originals();
    // shop 0002 must run before library 0004, though nothing else orders them.
    all.add(migration("shop", "0002_first").dependsOn("shop", "0001_initial")
        .runBefore("library", "0004_rename_title").ops());
    List<String> order =
        migrata(db, all).migrate().stream().map(PlannedMigration::toString).toList();
    assertThat(order.indexOf("+shop.0002_first")).isLessThan(order.indexOf("+library.0004_rename_title"));

    db.exec("DELETE FROM migrata_migrations WHERE name = '0002_book'");
    assertThatThrownBy(() -> migrata(db, all).plan())
        .hasMessage("Migration library.0003_book_pages is applied before its dependency"
            + " library.0002_book.");
  }

  @Test
  void historyRowsOfVanishedMigrationsAreReported() throws Exception {
    migrata(db, originals()).migrate();
    db.exec("INSERT INTO migrata_migrations (app, name, applied) VALUES ('library', '0099_gone',"
        + " CURRENT_TIMESTAMP)");
    assertThat(migrata(db, withSquash()).unknownHistory())
        .containsExactly(new MigrationKey("library", "0099_gone"));
  }
}
