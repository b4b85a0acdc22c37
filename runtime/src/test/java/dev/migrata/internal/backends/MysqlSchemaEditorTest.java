package dev.migrata.internal.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ProjectState;
import org.junit.jupiter.api.Test;

/** Where MySQL and MariaDB differ, the server version decides the SQL (no server needed). */
class MysqlSchemaEditorTest {
  final FieldState title = FieldState.builder("title", "CharField").maxLength(200).build();

  private static String rename(String version, FieldState field) {
    MysqlSchemaEditor editor = new MysqlSchemaEditor(null, true, version);
    return editor.renameColumnSql("book", "title", "headline", new ProjectState(), field);
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
  }

  @Test
  void checkConstraintDropSyntax() {
    assertThat(new MysqlSchemaEditor(null, true, "10.11.19-MariaDB").sqlDeleteCheck)
        .isEqualTo("ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}");
    assertThat(new MysqlSchemaEditor(null, true, "8.0.36").sqlDeleteCheck)
        .isEqualTo("ALTER TABLE {table} DROP CHECK {name}");
  }

  @Test
  void longNamesAreShortenedWithAHashTo64() {
    MysqlSchemaEditor editor = new MysqlSchemaEditor(null, true, "8.0.36");
    String table = "library_a_rather_long_table_name_for_a_model_with_many_words";
    FieldState field =
        FieldState.builder("anEvenLongerColumnNameThatKeepsGoing", "IntegerField").build();
    String name = editor.fieldIndexName(table, field);
    assertThat(name).hasSizeLessThanOrEqualTo(64).isEqualTo(editor.fieldIndexName(table, field));
    assertThat(new PostgresSchemaEditor(null, true).fieldIndexName(table, field))
        .hasSizeLessThanOrEqualTo(63);
  }
}
