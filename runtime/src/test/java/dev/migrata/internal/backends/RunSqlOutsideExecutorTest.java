package dev.migrata.internal.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.mysql.MysqlBackend;
import dev.migrata.internal.backends.postgresql.PostgresBackend;
import dev.migrata.internal.backends.sqlite.SqliteBackend;
import dev.migrata.internal.operations.ExecutionContext;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operations learn the backend from the schema editor they are given, not from thread state: run by
 * hand (no executor around them), a RunSql limited to one vendor runs only there.
 */
class RunSqlOutsideExecutorTest {
  private static final ProjectState STATE = new ProjectState();

  private static List<String> forwards(BaseSchemaEditor editor, RunSql op) {
    op.databaseForwards("library", editor, STATE, STATE);
    return editor.collectedSql();
  }

  @Test
  void aPostgresOnlyRunSqlDoesNotRunOnSqlite() {
    RunSql op = new RunSql(List.of("SELECT 'pg'"), null, false, List.of("postgresql"));
    assertThat(forwards(new SqliteBackend().editor(null, true), op)).isEmpty();
    assertThat(forwards(new PostgresBackend().editor(null, true), op))
        .anyMatch(s -> s.contains("SELECT 'pg'"));
  }

  @Test
  void aMysqlOnlyRunSqlRunsOnMysqlAndNotOnPostgres() {
    RunSql op = new RunSql(List.of("SELECT 'my'"), null, false, List.of("mysql"));
    assertThat(forwards(new PostgresBackend().editor(null, true), op)).isEmpty();
    assertThat(forwards(new MysqlBackend().editor(null, true), op))
        .anyMatch(s -> s.contains("SELECT 'my'"));
  }

  @Test
  void theEditorKnowsItsVendorWithoutAMigration() {
    assertThat(new SqliteBackend().editor(null, true).context().vendor()).isEqualTo("sqlite");
    assertThat(new PostgresBackend().editor(null, true).context().vendor()).isEqualTo("postgresql");
  }

  @Test
  void theContextHandedOverIsTheOneOperationsSee() {
    BaseSchemaEditor editor = new SqliteBackend().editor(null, true);
    ExecutionContext context = ExecutionContext.builder().vendor("postgresql").build();
    editor.context(context);
    assertThat(editor.context()).isSameAs(context);
    RunSql op = new RunSql(List.of("SELECT 'pg'"), null, false, List.of("postgresql"));
    assertThat(forwards(editor, op)).anyMatch(s -> s.contains("SELECT 'pg'"));
  }

  @Test
  void runJavaOfTheMigrationClassNeedsAMigration() {
    BaseSchemaEditor editor = new SqliteBackend().editor(null, true);
    assertThatThrownBy(
            () ->
                new RunJava("forwards", null, null, false)
                    .databaseForwards("library", editor, STATE, STATE))
        .hasMessageContaining("can only run inside a migration");
  }
}
