package dev.migrata.internal.backends.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's unique constraint details, by server version (no server needed). */
class PostgresIndexDetailsSqlTest {
  static final ModelState ACCOUNT =
      ModelState.of(
              "accounts",
              "Account",
              List.of(
                  FieldState.autoId(),
                  FieldState.builder("code", "CharField").maxLength(10).nullable(true).build()))
          .withTable("accounts_account");

  static final ConstraintState NULLS_NOT_DISTINCT =
      new ConstraintState(
          "account_code_uniq",
          List.of("code"),
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          false,
          null,
          null,
          null);

  private static List<String> add(Features features, ConstraintState c) {
    PostgresSchemaEditor editor = new PostgresSchemaEditor(null, true, features);
    ProjectState state = new ProjectState();
    state.put(ACCOUNT);
    new AddConstraint("account", c).databaseForwards("accounts", editor, state, state);
    return editor.collectedSql();
  }

  private static Features version(String v) {
    return Features.builder().serverVersion(v).maxNameLength(63).build();
  }

  @Test
  void nullsNotDistinctFromPostgres15AndNotCreatedBefore() {
    assertThat(add(PostgresFeatures.FEATURES, NULLS_NOT_DISTINCT))
        .containsExactly(
            "ALTER TABLE \"accounts_account\" ADD CONSTRAINT \"account_code_uniq\" UNIQUE NULLS"
                + " NOT DISTINCT (\"code\");");
    assertThat(add(version("15.20 (Debian 15.20-0+deb12u1)"), NULLS_NOT_DISTINCT)).hasSize(1);
    assertThat(add(version("14.11"), NULLS_NOT_DISTINCT)).isEmpty();
  }

  @Test
  void deferrableAndCoveringUniques() {
    ConstraintState deferred =
        new ConstraintState(
            "account_code_def",
            List.of("code"),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            true,
            "IMMEDIATE",
            "Taken.",
            "taken");
    assertThat(add(PostgresFeatures.FEATURES, deferred))
        .containsExactly(
            "ALTER TABLE \"accounts_account\" ADD CONSTRAINT \"account_code_def\" UNIQUE"
                + " (\"code\") DEFERRABLE INITIALLY IMMEDIATE;");
    ConstraintState covering =
        new ConstraintState(
            "account_code_cov",
            List.of("code"),
            "code <> ''",
            null,
            List.of(),
            List.of("id"),
            List.of("varchar_pattern_ops"),
            true,
            null,
            null,
            null);
    assertThat(add(PostgresFeatures.FEATURES, covering))
        .containsExactly(
            "CREATE UNIQUE INDEX \"account_code_cov\" ON \"accounts_account\" (\"code\""
                + " varchar_pattern_ops) INCLUDE (\"id\") WHERE code <> '';");
  }
}
