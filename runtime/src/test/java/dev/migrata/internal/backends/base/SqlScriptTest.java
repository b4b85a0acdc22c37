package dev.migrata.internal.backends.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Splitting RunSql strings into statements as sqlparse does (issue 12). */
class SqlScriptTest {
  @Test
  void splitsAtSemicolonsAndDropsEmptyAndCommentOnlyPieces() {
    assertThat(SqlScript.split(" SELECT 1; ;\n SELECT 2 ;\n-- done\n", "sqlite"))
        .containsExactly("SELECT 1", "SELECT 2");
    assertThat(SqlScript.split("SELECT 1", "sqlite")).containsExactly("SELECT 1");
    assertThat(SqlScript.split("  ;  /* nothing */ ", "postgresql")).isEmpty();
  }

  @Test
  void semicolonsInStringsIdentifiersAndCommentsDoNotSplit() {
    assertThat(
            SqlScript.split(
                "INSERT INTO \"a;b\" VALUES ('x;''y'); -- c; d\nSELECT /* e; f */ 2", "sqlite"))
        .containsExactly(
            "INSERT INTO \"a;b\" VALUES ('x;''y')", "-- c; d\nSELECT /* e; f */ 2");
    assertThat(SqlScript.split("SELECT [a;b] FROM t; SELECT 3", "sqlite"))
        .containsExactly("SELECT [a;b] FROM t", "SELECT 3");
  }

  @Test
  void mysqlHasBackslashEscapesBackticksAndHashComments() {
    assertThat(
            SqlScript.split(
                "INSERT INTO `x;y` VALUES ('a\\';b', \"c\\\";d\"); # e;f\nSELECT 1;"
                    + " SELECT 1--2; SELECT 3",
                "mysql"))
        .containsExactly(
            "INSERT INTO `x;y` VALUES ('a\\';b', \"c\\\";d\")", "# e;f\nSELECT 1",
            "SELECT 1--2", "SELECT 3");
  }

  @Test
  void postgresDollarQuotesEscapeStringsAndNestedComments() {
    String function =
        "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN NEW.x := 'a;'; RETURN NEW;"
            + " END; $body$ LANGUAGE plpgsql";
    assertThat(
            SqlScript.split(
                function + "; SELECT $$a;b$$, $1, E'c\\';d'; /* x /* y; */ z; */ SELECT 2",
                "postgresql"))
        .containsExactly(
            function, "SELECT $$a;b$$, $1, E'c\\';d'", "/* x /* y; */ z; */ SELECT 2");
  }

  @Test
  void triggerAndProcedureBodiesStayWhole() {
    String trigger =
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1);"
            + " UPDATE c SET x = CASE WHEN y THEN 1 ELSE 2 END; END";
    assertThat(SqlScript.split(trigger + "; INSERT INTO a VALUES (1)", "sqlite"))
        .containsExactly(trigger, "INSERT INTO a VALUES (1)");
    String procedure =
        "CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; WHILE 0 DO SELECT 2; END WHILE;"
            + " END";
    assertThat(SqlScript.split(procedure + "; CALL p()", "mysql"))
        .containsExactly(procedure, "CALL p()");
    // Outside a CREATE, BEGIN is a transaction and CASE ... END an expression.
    assertThat(SqlScript.split("BEGIN; SELECT CASE WHEN 1 THEN 2 END; COMMIT", "sqlite"))
        .containsExactly("BEGIN", "SELECT CASE WHEN 1 THEN 2 END", "COMMIT");
  }
}
