package dev.migrata.internal.backends.sqlite;

import dev.migrata.internal.backends.base.Introspection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * SQLite's catalog is {@code sqlite_master}. Constraint names are not looked up: SQLite rebuilds a
 * table to change it, recreating every constraint under the name Django computes.
 */
final class SqliteIntrospection extends Introspection {
  @Override
  public boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
