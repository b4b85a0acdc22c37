package dev.migrata.schema;

import java.sql.SQLException;

/** A statement the database refused; carries the statement so the error can name it. */
public final class SchemaException extends RuntimeException {
  private final String sql;

  public SchemaException(String sql, SQLException cause) {
    super(cause.getMessage() + " [" + sql + "]", cause);
    this.sql = sql;
  }

  /** As {@link #SchemaException(String, SQLException)}, with what the user can do about it. */
  public SchemaException(String sql, SQLException cause, String hint) {
    super(cause.getMessage() + " [" + sql + "]" + (hint == null ? "" : ". " + hint), cause);
    this.sql = sql;
  }

  public SchemaException(String message) {
    super(message);
    this.sql = null;
  }

  /** The statement that failed, or {@code null} for a check that failed after the statements. */
  public String sql() {
    return sql;
  }
}
