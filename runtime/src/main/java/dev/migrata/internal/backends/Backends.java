package dev.migrata.internal.backends;

import java.util.List;

/** The backends Migrata knows, chosen by JDBC URL as Flyway's database types. */
public final class Backends {
  private static final List<Backend> ALL = List.of(new SqliteBackend(), new PostgresBackend(), new MysqlBackend());

  private Backends() {}

  /** The backend for {@code jdbcUrl}, or {@code null} if none takes it. */
  public static Backend forUrl(String jdbcUrl) {
    for (Backend b : ALL) {
      if (b.accepts(jdbcUrl)) {
        return b;
      }
    }
    return null;
  }
}
