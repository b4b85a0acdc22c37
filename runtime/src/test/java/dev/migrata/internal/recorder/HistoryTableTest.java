package dev.migrata.internal.recorder;

import static dev.migrata.Fixtures.library;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.OnEveryBackend;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.Backends;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The history table refuses a second row for one migration, also when it predates the index. */
class HistoryTableTest extends OnEveryBackend {
  private static final String DUPLICATE =
      "INSERT INTO migrata_migrations (app, name, applied)"
          + " VALUES ('library', '0001_initial', CURRENT_TIMESTAMP)";

  @Test
  void aNewTableRefusesADuplicateRow() throws Exception {
    db.configure(library()).load().migrate();
    assertThat(hasUnique()).isTrue();

    assertThatThrownBy(() -> db.exec(DUPLICATE)).isInstanceOf(SQLException.class);
    try (Connection c = db.open()) {
      Backend backend = Backends.forUrl(db.url);
      backend.prepare(c);
      assertThatThrownBy(
              () ->
                  new MigrationRecorder(backend)
                      .recordApplied(c, new MigrationKey("library", "0002_book_rating")))
          .isInstanceOf(SQLException.class);
    }
    assertThat(db.history())
        .containsExactly("library.0001_initial", "library.0002_book_rating", "library.0003_data");
  }

  @Test
  void aTableCreatedByTheOldDdlGetsTheIndexAndLosesItsDuplicates() throws Exception {
    try (Connection c = db.open()) {
      Backend backend = Backends.forUrl(db.url);
      backend.prepare(c);
      // What ensureSchema created before the unique index existed: the model alone.
      BaseSchemaEditor editor = backend.editor(c, false);
      ProjectState state = new ProjectState();
      state.put(HistoryModel.MODEL);
      editor.createModel(state, HistoryModel.MODEL);
      editor.finish();
    }
    // A row recorded twice, of a migration that is gone (so migrate still applies everything).
    String gone =
        "INSERT INTO migrata_migrations (app, name, applied)"
            + " VALUES ('library', '0000_gone', CURRENT_TIMESTAMP)";
    db.exec(gone, gone);
    assertThat(hasUnique()).isFalse();

    db.configure(library()).load().migrate();

    assertThat(hasUnique()).isTrue();
    assertThat(db.history())
        .containsExactly(
            "library.0000_gone",
            "library.0001_initial",
            "library.0002_book_rating",
            "library.0003_data");
    assertThatThrownBy(() -> db.exec(DUPLICATE)).isInstanceOf(SQLException.class);
  }

  private boolean hasUnique() throws SQLException {
    try (Connection c = db.open()) {
      return Backends.forUrl(db.url)
          .introspection()
          .hasUniqueIndex(c, MigrationRecorder.TABLE, "app", "name");
    }
  }
}
