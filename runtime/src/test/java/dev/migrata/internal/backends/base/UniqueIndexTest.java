package dev.migrata.internal.backends.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.OnEveryBackend;
import dev.migrata.internal.backends.Backends;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * The history table's unique-index check asks each backend's catalog in one statement (issue 16:
 * PostgreSQL's {@code getIndexInfo} was a large query and a round trip more); it must answer what
 * JDBC metadata answers.
 */
class UniqueIndexTest extends OnEveryBackend {
  @Test
  void theCatalogQueryFindsExactlyTheUniqueIndexesJdbcMetadataFinds() throws Exception {
    db.exec(
        "CREATE TABLE t_u (id integer PRIMARY KEY, a varchar(10), b varchar(10), c varchar(10))",
        "CREATE UNIQUE INDEX t_u_ab ON t_u (a, b)",
        "CREATE INDEX t_u_c ON t_u (c)",
        "CREATE TABLE t_none (id integer PRIMARY KEY, a varchar(10), b varchar(10))");
    Introspection introspection = Backends.forUrl(db.url).introspection();
    try (Connection c = db.open()) {
      String[][] cases = {{"a", "b"}, {"B", "a"}, {"a"}, {"c"}, {"a", "b", "c"}};
      boolean[] expected = {true, true, false, false, false};
      for (int i = 0; i < cases.length; i++) {
        assertThat(introspection.hasUniqueIndex(c, "t_u", cases[i]))
            .as("t_u %s", String.join(",", cases[i]))
            .isEqualTo(expected[i])
            .isEqualTo(UniqueIndex.metadata(c, "t_u", cases[i]));
      }
      assertThat(introspection.hasUniqueIndex(c, "t_none", "a", "b")).isFalse();
      assertThat(introspection.hasUniqueIndex(c, "t_missing", "a", "b")).isFalse();
    }
  }
}
