package dev.migrata.internal.backends.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expression indexes on MySQL 8.0.13+ are functional key parts, {@code ((LOWER(`email`)))}, as
 * Django writes them; MariaDB and older MySQL have none, so nothing is written (no server needed:
 * the CI server is MariaDB).
 */
class MysqlIndexDetailsSqlTest {
  static final ModelState ACCOUNT =
      ModelState.of(
              "accounts",
              "Account",
              List.of(
                  FieldState.autoId(),
                  FieldState.builder("email", "CharField").maxLength(254).build()))
          .withTable("accounts_account");

  static final IndexState LOWER =
      new IndexState(
          "account_email_lower",
          List.of(),
          false,
          null,
          List.of("Lower(email).desc()"),
          List.of(),
          List.of(),
          null);

  private static List<String> addIndex(String version, IndexState index) {
    MysqlSchemaEditor editor = new MysqlSchemaEditor(null, true, MysqlFeatures.forVersion(version));
    ProjectState state = new ProjectState();
    state.put(ACCOUNT);
    editor.addIndex(state, ACCOUNT, index);
    return editor.collectedSql();
  }

  @Test
  void functionalKeyPartsFromMySql8013() {
    assertThat(addIndex("8.0.36", LOWER))
        .containsExactly(
            "CREATE INDEX `account_email_lower` ON `accounts_account` ((LOWER(`email`)) DESC);");
    assertThat(addIndex("8.0.12", LOWER)).isEmpty();
    assertThat(addIndex("10.11.19-MariaDB", LOWER)).isEmpty();
  }

  @Test
  void operatorClassesIncludedColumnsAndAccessMethodsAreLeftOut() {
    IndexState like =
        new IndexState(
            "account_email_like",
            List.of("email"),
            false,
            null,
            List.of(),
            List.of("varchar_pattern_ops"),
            List.of("id"),
            null);
    assertThat(addIndex("8.0.36", like))
        .containsExactly("CREATE INDEX `account_email_like` ON `accounts_account` (`email`);");
    IndexState gin =
        new IndexState(
            "account_email_gin",
            List.of("email"),
            false,
            null,
            List.of(),
            List.of(),
            List.of(),
            "GIN");
    assertThat(addIndex("8.0.36", gin)).isEmpty();
  }
}
