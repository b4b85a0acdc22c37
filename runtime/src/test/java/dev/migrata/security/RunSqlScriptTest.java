package dev.migrata.security;

import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.RunSql;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A RunSql string of several statements runs all of them on every backend (issue 12: SQLite ran
 * only the first and reported OK, MariaDB failed with a syntax error), with {@code ;} inside
 * strings, comments, dollar-quoted bodies and trigger bodies left alone.
 */
class RunSqlScriptTest extends OnEveryBackend {
  private String trigger() {
    switch (kind) {
      case SQLITE:
        return "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (NEW.id);"
            + " INSERT INTO b VALUES (NEW.id + 100); END;";
      case MARIADB:
        return "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW BEGIN"
            + " INSERT INTO b VALUES (NEW.id); INSERT INTO b VALUES (NEW.id + 100); END;";
      default:
        return "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN INSERT INTO b VALUES (NEW.id);"
            + " INSERT INTO b VALUES (NEW.id + 100); RETURN NEW; END; $$ LANGUAGE plpgsql;\n"
            + "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE PROCEDURE f();";
    }
  }

  private List<MigrationDefinition> migrations() {
    String forwards =
        "CREATE TABLE a (id int, note varchar(50));\n"
            + "CREATE TABLE b (id int);\n"
            + "INSERT INTO a VALUES (1, 'x;y'); -- a comment; with a semicolon\n"
            + "/* a block; comment */ INSERT INTO a VALUES (2, 'it''s;');\n"
            + trigger()
            + "\nINSERT INTO a VALUES (3, 'z')";
    String backwards =
        "DROP TABLE b; DROP TABLE a;" + (kind == Db.Kind.POSTGRES ? " DROP FUNCTION f();" : "");
    return List.of(
        migration("raw", "0001_script")
            .ops(new RunSql(List.of(forwards), List.of(backwards), false)));
  }


  @Test
  void everyStatementOfAStringRuns() throws Exception {
    db.configure(migrations()).load().migrate();

    assertThat(db.rows("SELECT id, note FROM a ORDER BY id"))
        .containsExactly("1|x;y", "2|it's;", "3|z");
    assertThat(db.rows("SELECT id FROM b ORDER BY id")).containsExactly("3", "103");

    db.configure(migrations()).load().migrate("raw", "zero");

    assertThat(db.tables()).containsExactly("migrata_migrations");
  }
}
