package dev.migrata.internal.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.internal.backends.base.Introspection;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table of another database of the server (MariaDB) or of another schema (PostgreSQL) is not one
 * of ours: {@code --fake-initial} and the recorder must not see it. (SQLite has one database per
 * connection.)
 */
class IntrospectionScopeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = Db.Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void onlyTheConnectionsOwnDatabaseCounts(Db.Kind kind) throws Exception {
    try (Db db = Db.create(kind, dir);
        Db other = kind == Db.Kind.MARIADB ? Db.create(kind, dir) : null) {
      String elsewhere = "CREATE TABLE %s (" + db.q("isbn") + " integer)";
      if (other == null) {
        db.exec("CREATE SCHEMA elsewhere", elsewhere.formatted("elsewhere.other_only"));
      } else {
        other.exec(elsewhere.formatted(other.q("other_only")));
      }
      try (Connection c = db.open()) {
        Introspection in = Backends.forUrl(c.getMetaData().getURL()).introspection();
        assertThat(in.tableExists(c, "other_only")).isFalse();
        assertThat(in.columnExists(c, "other_only", "isbn")).isFalse();
      }
      if (other != null) {
        try (Connection c = other.open()) {
          Introspection in = Backends.forUrl(c.getMetaData().getURL()).introspection();
          assertThat(in.tableExists(c, "other_only")).isTrue();
          assertThat(in.columnExists(c, "other_only", "isbn")).isTrue();
        }
      }
    }
  }
}
