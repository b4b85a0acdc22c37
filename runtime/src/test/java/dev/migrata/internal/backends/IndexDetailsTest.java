package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterConstraint;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.operations.RemoveIndex;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Index and constraint details (issue 9, part C) on every backend: what each creates, read back
 * from the catalogue (PostgreSQL's {@code pg_indexes.indexdef}, SQLite's {@code sqlite_master}),
 * what each leaves out as Django does, and that removing and unapplying find every object.
 */
class IndexDetailsTest extends OnEveryBackend {
  static final IndexState EMAIL_LOWER =
      new IndexState(
          "account_email_lower",
          List.of(),
          false,
          null,
          List.of("Lower(email)"),
          List.of(),
          List.of(),
          null);
  static final IndexState NAME_LIKE =
      new IndexState(
          "account_name_like",
          List.of("name"),
          false,
          null,
          List.of(),
          List.of("varchar_pattern_ops"),
          List.of(),
          null);
  static final IndexState NAME_COVER =
      new IndexState(
          "account_name_cover",
          List.of("-name"),
          false,
          null,
          List.of(),
          List.of(),
          List.of("email"),
          null);
  static final IndexState DATA_GIN =
      new IndexState(
          "account_data_gin", List.of("data"), false, null, List.of(), List.of(), List.of(), "GIN");
  static final ConstraintState EMAIL_CI =
      new ConstraintState(
          "account_email_ci",
          List.of(),
          null,
          null,
          List.of("Lower(email)"),
          List.of(),
          List.of(),
          true,
          null,
          "This e-mail is taken.",
          "taken");
  static final ConstraintState NICK_UNIQ =
      new ConstraintState(
          "account_nick_uniq",
          List.of("nickname"),
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          false,
          null,
          null,
          null);
  static final ConstraintState CODE_DEFERRED =
      new ConstraintState(
          "account_code_deferred",
          List.of("code"),
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          true,
          "DEFERRED",
          null,
          null);
  static final ConstraintState NAME_SET =
      new ConstraintState(
          "account_name_set",
          List.of(),
          null,
          "name <> ''",
          List.of(),
          List.of(),
          List.of(),
          true,
          null,
          "A name, please.",
          null);

  static MigrationDefinition initial() {
    return migration("accounts", "0001_initial")
        .ops(
            new CreateModel(
                "Account",
                List.of(
                    id(),
                    chars("email", 254),
                    chars("name", 100),
                    FieldState.builder("nickname", "CharField")
                        .maxLength(30)
                        .nullable(true)
                        .build(),
                    chars("code", 10),
                    FieldState.builder("data", "JSONField").nullable(true).build()),
                List.of(),
                List.of(),
                null,
                null,
                true),
            new AddIndex("account", EMAIL_LOWER),
            new AddIndex("account", NAME_LIKE),
            new AddIndex("account", NAME_COVER),
            new AddIndex("account", DATA_GIN),
            new AddConstraint("account", EMAIL_CI),
            new AddConstraint("account", NICK_UNIQ),
            new AddConstraint("account", CODE_DEFERRED),
            new AddConstraint("account", NAME_SET));
  }

  /** The state-only change, then Remove + Add of every detail changed on the database. */
  static MigrationDefinition changes() {
    return migration("accounts", "0002_changes")
        .dependsOn("accounts", "0001_initial")
        .ops(
            new AlterConstraint(
                "account",
                "account_email_ci",
                new ConstraintState(
                    "account_email_ci",
                    List.of(),
                    null,
                    null,
                    List.of("Lower(email)"),
                    List.of(),
                    List.of(),
                    true,
                    null,
                    "Taken already.",
                    "taken")),
            new RemoveIndex("account", "account_name_cover"),
            new RemoveConstraint("account", "account_nick_uniq"),
            new RemoveConstraint("account", "account_code_deferred"),
            new AddIndex(
                "account",
                new IndexState(
                    "account_name_cover",
                    List.of("name"),
                    false,
                    null,
                    List.of(),
                    List.of(),
                    List.of("email", "nickname"),
                    null)),
            new AddConstraint(
                "account",
                new ConstraintState(
                    "account_code_deferred",
                    List.of("code"),
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    true,
                    "IMMEDIATE",
                    null,
                    null)));
  }

  private Migrata load(MigrationDefinition... migrations) {
    return db.configure(List.of(migrations)).load();
  }

  private List<String> definitions() throws SQLException {
    switch (kind) {
      case POSTGRES:
        return db.rows(
            "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname ="
                + " current_schema() AND tablename = 'accounts_account' AND indexname NOT LIKE"
                + " '%_pkey' ORDER BY indexname");
      case SQLITE:
        return db.rows(
            "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name ="
                + " 'accounts_account' AND sql IS NOT NULL ORDER BY name");
      default:
        return db.indexes("accounts_account");
    }
  }

  @Test
  void eachBackendCreatesWhatDjangoCreates() throws Exception {
    load(initial()).migrate();
    List<String> defs = definitions();
    switch (kind) {
      case POSTGRES:
        assertThat(defs)
            .anySatisfy(
                d ->
                    assertThat(d)
                        .startsWith("account_email_lower: CREATE INDEX")
                        .endsWith("USING btree (lower((email)::text))"))
            .anySatisfy(
                d ->
                    assertThat(d)
                        .startsWith("account_name_like: ")
                        .endsWith("USING btree (name varchar_pattern_ops)"))
            .anySatisfy(
                d ->
                    assertThat(d)
                        .startsWith("account_name_cover: ")
                        .endsWith("USING btree (name DESC) INCLUDE (email)"))
            .anySatisfy(
                d -> assertThat(d).startsWith("account_data_gin: ").endsWith("USING gin (data)"))
            .anySatisfy(
                d ->
                    assertThat(d)
                        .startsWith("account_email_ci: CREATE UNIQUE INDEX")
                        .endsWith("USING btree (lower((email)::text))"))
            .anySatisfy(
                d ->
                    assertThat(d)
                        .startsWith("account_nick_uniq: CREATE UNIQUE INDEX")
                        .endsWith("USING btree (nickname) NULLS NOT DISTINCT"))
            .anySatisfy(d -> assertThat(d).startsWith("account_code_deferred: CREATE UNIQUE"));
        assertThat(
                db.rows(
                    "SELECT conname || ' ' || condeferrable || ' ' || condeferred FROM"
                        + " pg_constraint WHERE conname = 'account_code_deferred'"))
            .containsExactly("account_code_deferred true true");
        break;
      case SQLITE:
        assertThat(defs)
            .containsExactly(
                "account_email_ci: CREATE UNIQUE INDEX \"account_email_ci\" ON"
                    + " \"accounts_account\" ((LOWER(\"email\")))",
                "account_email_lower: CREATE INDEX \"account_email_lower\" ON"
                    + " \"accounts_account\" ((LOWER(\"email\")))",
                "account_name_cover: CREATE INDEX \"account_name_cover\" ON"
                    + " \"accounts_account\" (\"name\" DESC)",
                "account_name_like: CREATE INDEX \"account_name_like\" ON"
                    + " \"accounts_account\" (\"name\")");
        break;
      default:
        // MariaDB: no expression indexes, covering columns, access methods, NULLS NOT DISTINCT
        // or deferrable constraints; opclasses and included columns are left out.
        assertThat(defs).containsExactly("account_name_cover", "account_name_like");
    }
  }

  @Test
  void uniqueExpressionsAndNullsNotDistinctHoldWhereCreated() throws Exception {
    load(initial()).migrate();
    db.exec(
        "INSERT INTO accounts_account (email, name, nickname, code) VALUES"
            + " ('a@example.com', 'A', NULL, 'a')");
    if (kind == Db.Kind.MARIADB) {
      db.exec(
          "INSERT INTO accounts_account (email, name, nickname, code) VALUES"
              + " ('A@example.com', 'B', NULL, 'b')");
      assertThat(db.rows("SELECT count(*) FROM accounts_account")).containsExactly("2");
      return;
    }
    assertThatThrownBy(
            () ->
                db.exec(
                    "INSERT INTO accounts_account (email, name, nickname, code) VALUES"
                        + " ('A@Example.com', 'B', 'b', 'b')"))
        .isInstanceOf(SQLException.class);
    String secondNull =
        "INSERT INTO accounts_account (email, name, nickname, code) VALUES"
            + " ('c@example.com', 'C', NULL, 'c')";
    if (kind == Db.Kind.POSTGRES) {
      assertThatThrownBy(() -> db.exec(secondNull)).isInstanceOf(SQLException.class);
    } else {
      db.exec(secondNull);
    }
  }

  @Test
  void changesAndUnapplyingFindEveryObject() throws Exception {
    load(initial()).migrate();
    List<String> initialDefinitions = definitions();
    load(initial(), changes()).migrate();
    if (kind == Db.Kind.POSTGRES) {
      assertThat(definitions())
          .anySatisfy(
              d ->
                  assertThat(d)
                      .startsWith("account_name_cover: ")
                      .endsWith("USING btree (name) INCLUDE (email, nickname)"))
          .noneSatisfy(d -> assertThat(d).startsWith("account_nick_uniq"));
      assertThat(
              db.rows(
                  "SELECT condeferrable || ' ' || condeferred FROM pg_constraint WHERE conname"
                      + " = 'account_code_deferred'"))
          .containsExactly("true false");
    }
    load(initial(), changes()).migrate("accounts", "0001");
    assertThat(definitions()).isEqualTo(initialDefinitions);
    load(initial(), changes()).migrate("accounts", "zero");
    assertThat(db.tables()).doesNotContain("accounts_account");
  }

  @Test
  void aStateOnlyChangeRunsNoSql() {
    String sql = load(initial(), changes()).sqlMigrate("accounts", "0002_changes", false);
    assertThat(sql).contains("-- Alter constraint account_email_ci on account");
  }
}
