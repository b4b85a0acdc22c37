package dev.migrata;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.optimizer.Optimizer;
import dev.migrata.internal.state.FieldState;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 #1: squashes of histories that rename a model other models refer to, applied to a
 * fresh database on every backend, must give the schema the originals give.
 */
public class SquashRenameTest extends OnEveryBackend {
  /** 0001 Author and Book (a foreign key to Author), 0002 Author renamed to Writer. */
  public static List<MigrationDefinition> renamedTarget(Operation... between) {
    List<Operation> first = new ArrayList<>();
    first.add(createModel("demo", "Author", id(), chars("name", 50)));
    first.add(createModel("demo", "Book", id(), fk("author", "demo.author", "CASCADE")));
    List<Operation> second = new ArrayList<>(List.of(between));
    second.add(new RenameModel("Author", "Writer"));
    return List.of(
        migration("demo", "0001_initial").ops(first.toArray(new Operation[0])),
        migration("demo", "0002_rename_author_writer")
            .dependsOn("demo", "0001_initial")
            .ops(second.toArray(new Operation[0])));
  }

  /** What squashmigrations demo 0002 writes. */
  static MigrationDefinition squash(List<MigrationDefinition> originals) {
    List<Operation> ops = new ArrayList<>();
    originals.forEach(m -> ops.addAll(m.operations()));
    Fixtures.Builder b = migration("demo", "0001_squashed_0002_rename_author_writer");
    originals.forEach(m -> b.replaces("demo", m.name()));
    return b.ops(Optimizer.optimize(ops, "demo").toArray(new Operation[0]));
  }

  /**
   * The schema, with names derived from the old table name (primary keys, foreign keys, which
   * the originals create before the rename) written as the squash derives them, from the new one.
   */
  private static List<String> schema(Db db) throws Exception {
    List<String> lines = new ArrayList<>(db.portableSchema());
    if (db.kind != Db.Kind.SQLITE) {
      lines.addAll(db.schema()); // with the constraints
    }
    return lines.stream().map(l -> l.replace("demo_author_", "demo_writer_")).sorted().toList();
  }

  private void assertSquashAppliesLikeTheOriginals(List<MigrationDefinition> originals)
      throws Exception {
    List<String> expected;
    try (Db reference = Db.create(kind, Files.createDirectories(dir.resolve("reference")))) {
      reference.configure().migrations(originals).load().migrate();
      expected = schema(reference);
    }
    db.configure().migrations(List.of(squash(originals))).load().migrate();
    assertThat(schema(db)).isEqualTo(expected).contains("table demo_writer");
    // The foreign key points at the renamed table.
    db.exec("INSERT INTO demo_writer (id, name) VALUES (1, 'Ann')");
    db.exec("INSERT INTO demo_book (id, author_id) VALUES (1, 1)");
    assertThat(db.rows("SELECT w.name FROM demo_book b JOIN demo_writer w ON w.id = b.author_id"))
        .containsExactly("Ann");
  }

  @Test
  void squashFoldingTheRenameIntoTheCreationRepointsTheReferringModel() throws Exception {
    List<MigrationDefinition> originals = renamedTarget();
    assertThat(squash(originals).operations()).hasSize(2);
    assertSquashAppliesLikeTheOriginals(originals);
  }

  @Test
  void squashKeepingTheRenameRenamesTheDeferredForeignKeysTarget() throws Exception {
    // A boundary between the creation and the rename keeps them apart, so the foreign key
    // queued by CreateModel Book runs after the table is renamed.
    List<MigrationDefinition> originals =
        renamedTarget(new RunSql(List.of("SELECT 1"), List.of("SELECT 1"), false));
    assertThat(squash(originals).operations()).hasSizeGreaterThan(2);
    assertSquashAppliesLikeTheOriginals(originals);
  }

  /**
   * A column renamed in the same migration after its table was created (a squash with a boundary
   * between them): the deferred foreign key referring to it names the new column.
   */
  @Test
  void deferredForeignKeysFollowARenamedColumn() throws Exception {
    FieldState code = FieldState.builder("code", "IntegerField").unique(true).build();
    FieldState byCode = fk("author", "demo.author", "CASCADE").toBuilder().toField("code").build();
    FieldState title = FieldState.builder("title", "CharField").maxLength(50).build();
    RunSql boundary = new RunSql(List.of("SELECT 1"), List.of("SELECT 1"), false);
    List<MigrationDefinition> migrations =
        List.of(
            migration("demo", "0001_squashed")
                .ops(
                    createModel("demo", "Author", id(), code),
                    createModel("demo", "Book", id(), title, byCode),
                    boundary,
                    new RenameField("author", "code", "ref"),
                    new RenameField("book", "title", "headline")));
    db.configure().migrations(migrations).load().migrate();

    assertThat(db.columns("demo_book")).contains("headline", "author_id");
    db.exec("INSERT INTO demo_author (id, ref) VALUES (1, 71)");
    db.exec("INSERT INTO demo_book (id, headline, author_id) VALUES (1, 'T', 71)");
    assertThat(db.rows("SELECT a.id FROM demo_book b JOIN demo_author a ON a.ref = b.author_id"))
        .containsExactly("1");
    if (kind != Db.Kind.SQLITE) {
      // The key points at the renamed column of the author table.
      assertThatThrownBy(
              () -> db.exec("INSERT INTO demo_book (id, headline, author_id) VALUES (2, 'U', 72)"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(String.join("\n", db.schema())).doesNotContain("title").doesNotContain("code");
  }
}
