package dev.migrata.samples.jpa;

import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.type.SqlTypes;

/**
 * The community SQLite dialect, validating column types by SQLite's type affinity (integer,
 * numeric, text, blob) for {@code hbm2ddl.auto = validate}: SQLite has no other column types. An
 * identity {@code Long} key must be declared {@code integer} (the rowid; Hibernate's own SQLite DDL
 * does the same), and the driver reports Django's {@code datetime}, {@code decimal} and {@code
 * bool} declarations by their affinity. Unmodified, the dialect does not validate even the schema
 * it creates itself (a {@code NoSuchElementException}).
 */
public class SqliteValidatingDialect extends SQLiteDialect {
  @Override
  public boolean equivalentTypes(int typeCode1, int typeCode2) {
    return super.equivalentTypes(typeCode1, typeCode2)
        || (affinity(typeCode1) != null && affinity(typeCode1).equals(affinity(typeCode2)));
  }

  /** SQLite's affinity of a JDBC type code; dates and times are stored (and reported) as text. */
  private static String affinity(int typeCode) {
    return switch (typeCode) {
      case SqlTypes.BOOLEAN,
          SqlTypes.BIT,
          SqlTypes.TINYINT,
          SqlTypes.SMALLINT,
          SqlTypes.INTEGER,
          SqlTypes.BIGINT ->
          "integer";
      case SqlTypes.NUMERIC, SqlTypes.DECIMAL, SqlTypes.FLOAT, SqlTypes.REAL, SqlTypes.DOUBLE ->
          "numeric";
      case SqlTypes.CHAR,
          SqlTypes.VARCHAR,
          SqlTypes.LONGVARCHAR,
          SqlTypes.LONG32VARCHAR,
          SqlTypes.CLOB,
          SqlTypes.DATE,
          SqlTypes.TIME,
          SqlTypes.TIMESTAMP,
          SqlTypes.TIMESTAMP_UTC,
          SqlTypes.TIMESTAMP_WITH_TIMEZONE ->
          "text";
      default -> null;
    };
  }
}
