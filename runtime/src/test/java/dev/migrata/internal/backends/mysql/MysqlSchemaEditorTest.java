package dev.migrata.internal.backends.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.Features.CheckDrop;
import dev.migrata.internal.backends.postgresql.PostgresSchemaEditor;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where MySQL and MariaDB differ, the server version decides the SQL (no server needed). */
class MysqlSchemaEditorTest {
  final FieldState title = FieldState.builder("title", "CharField").maxLength(200).build();

  private static MysqlSchemaEditor editor(String version) {
    return new MysqlSchemaEditor(null, true, MysqlFeatures.forVersion(version));
  }

  private static String rename(String version, FieldState field) {
    return editor(version).renameColumnSql("book", "title", "headline", new ProjectState(), field);
  }

  @Test
  void renameColumnFromMariaDb1052AndMySql80ElseChange() {
    assertThat(rename("10.11.19-MariaDB-0+deb12u1", title))
        .isEqualTo("ALTER TABLE `book` RENAME COLUMN `title` TO `headline`");
    assertThat(rename("10.5.2-MariaDB", title)).contains("RENAME COLUMN");
    assertThat(rename("10.4.32-MariaDB", title))
        .isEqualTo("ALTER TABLE `book` CHANGE `title` `headline` varchar(200) NOT NULL");
    assertThat(rename("8.0.36", title)).contains("RENAME COLUMN");
    assertThat(rename("5.7.44-log", title)).contains(" CHANGE `title` `headline` varchar(200)");
    assertThat(MysqlFeatures.forVersion("10.4.32-MariaDB").canRenameColumn()).isFalse();
    assertThat(MysqlFeatures.forVersion("8.0.36").canRenameColumn()).isTrue();
  }

  @Test
  void checkConstraintDropSyntax() {
    assertThat(MysqlFeatures.forVersion("10.11.19-MariaDB").checkDrop())
        .isEqualTo(CheckDrop.DROP_CONSTRAINT_IF_EXISTS);
    assertThat(editor("10.11.19-MariaDB").sql().deleteCheck)
        .isEqualTo("ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}");
    assertThat(MysqlFeatures.forVersion("8.0.36").checkDrop()).isEqualTo(CheckDrop.DROP_CHECK);
    assertThat(editor("8.0.36").sql().deleteCheck)
        .isEqualTo("ALTER TABLE {table} DROP CHECK {name}");
  }

  @Test
  void serverFeatures() {
    var features = MysqlFeatures.forVersion("8.0.36");
    assertThat(features.canRollbackDdl()).isFalse();
    assertThat(features.supportsPartialIndexes()).isFalse();
    assertThat(features.indexesForeignKeys()).isTrue();
    assertThat(features.serverVersion()).isEqualTo("8.0.36");
    assertThat(new MysqlBackend().features(null).serverVersion()).isEqualTo(MysqlFeatures.NEWEST);
  }

  /** The index name in the SQL of adding an indexed column to {@code table}. */
  private static String indexName(BaseSchemaEditor editor, String table, FieldState field) {
    ModelState model =
        ModelState.of("library", "Thing", List.of(FieldState.builder("id", "AutoField")
                .primaryKey(true).build()))
            .withTable(table);
    ProjectState state = new ProjectState();
    state.put(model);
    editor.addField(state, model, field);
    try {
      editor.finish();
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    String create =
        editor.collectedSql().stream().filter(s -> s.startsWith("CREATE INDEX")).findFirst()
            .orElseThrow();
    String quoted = create.substring("CREATE INDEX ".length(), create.indexOf(" ON "));
    return quoted.substring(1, quoted.length() - 1);
  }

  @Test
  void longNamesAreShortenedWithAHashTo64() {
    String table = "library_a_rather_long_table_name_for_a_model_with_many_words";
    FieldState field =
        FieldState.builder("anEvenLongerColumnNameThatKeepsGoing", "IntegerField")
            .nullable(true).index(true).build();
    String name = indexName(editor("8.0.36"), table, field);
    assertThat(name)
        .hasSizeLessThanOrEqualTo(64)
        .isEqualTo(indexName(editor("8.0.36"), table, field));
    assertThat(indexName(new PostgresSchemaEditor(null, true), table, field))
        .hasSizeLessThanOrEqualTo(63);
  }
}
