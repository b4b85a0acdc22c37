package dev.migrata.internal.backends.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.state.SequenceState;
import org.junit.jupiter.api.Test;

/**
 * Sequences by server version: MariaDB 10.3+ has {@code CREATE SEQUENCE}; MySQL (and older MariaDB)
 * gets Hibernate's table, as Hibernate's {@code SequenceStyleGenerator} falls back to.
 */
class MysqlSequenceSqlTest {
  private static final SequenceState S = new SequenceState("invoice_seq", 1, 50);

  private static MysqlSchemaEditor editor(String version) {
    return new MysqlSchemaEditor(null, true, MysqlFeatures.forVersion(version));
  }

  @Test
  void mariadbCreatesASequence() {
    MysqlSchemaEditor editor = editor("10.11.6-MariaDB");
    editor.createSequence(S);
    editor.alterSequence(S, S.withIncrement(5));
    editor.deleteSequence(S);
    assertThat(editor.collectedSql())
        .containsExactly(
            "CREATE SEQUENCE `invoice_seq` START WITH 1 INCREMENT BY 50 NOCACHE;",
            "ALTER SEQUENCE `invoice_seq` INCREMENT BY 5;",
            "DROP SEQUENCE `invoice_seq`;");
  }

  @Test
  void mysqlAndOldMariadbCreateHibernatesTable() {
    for (String version : new String[] {"8.4.0", "10.2.44-MariaDB"}) {
      MysqlSchemaEditor editor = editor(version);
      editor.createSequence(S);
      editor.alterSequence(S, S.withIncrement(5));
      editor.deleteSequence(S);
      assertThat(editor.collectedSql())
          .as(version)
          .containsExactly(
              "CREATE TABLE `invoice_seq` (`next_val` bigint);",
              "INSERT INTO `invoice_seq` VALUES (1);",
              "DROP TABLE `invoice_seq`;");
    }
  }
}
