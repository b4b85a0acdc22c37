package dev.migrata.internal.backends.sqlite;

import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Foreign key enforcement around one migration on SQLite: off before its transaction starts (the
 * pragma is a no-op inside one, and a table rebuild drops and renames tables others refer to),
 * {@code PRAGMA foreign_key_check} before it commits, and back on afterwards if it was on.
 */
final class SqliteForeignKeys {
  private final Connection connection;
  private Boolean enforcedBefore;

  SqliteForeignKeys(Connection connection) {
    this.connection = connection;
  }

  /** Remembers whether enforcement is on, and turns it off. */
  void turnOff() throws SQLException {
    enforcedBefore = queryBoolean("PRAGMA foreign_keys");
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA foreign_keys = OFF");
    }
  }

  /** Fails on the first row whose foreign key refers to a missing row. */
  void check() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
      if (rs.next()) {
        throw new SchemaException(
            "Foreign key check failed: table '"
                + rs.getString(1)
                + "' row "
                + rs.getLong(2)
                + " refers to a missing row of '"
                + rs.getString(3)
                + "'.");
      }
    }
  }

  /** Turns enforcement back on where {@link #turnOff} found it on. */
  void restore() throws SQLException {
    if (enforcedBefore != null && enforcedBefore) {
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA foreign_keys = ON");
      }
    }
    enforcedBefore = null;
  }

  private boolean queryBoolean(String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() && rs.getInt(1) != 0;
    }
  }
}
