package dev.migrata.samples.boot;

import java.sql.Types;
import org.hibernate.community.dialect.SQLiteDialect;

/**
 * Hibernate's SQLite dialect, with one difference for schema validation: a 64-bit auto key is
 * {@code integer} in SQLite (only an {@code INTEGER PRIMARY KEY} is the rowid, as Django and
 * Migrata create it), which Hibernate would otherwise reject for a {@code Long} id. SQLite stores
 * every integer in up to 8 bytes, so the two are the same column.
 */
public class MigrataSqliteDialect extends SQLiteDialect {
  @Override
  public boolean equivalentTypes(int typeCode1, int typeCode2) {
    return super.equivalentTypes(typeCode1, typeCode2)
        || (integral(typeCode1) && integral(typeCode2));
  }

  private static boolean integral(int typeCode) {
    return typeCode == Types.INTEGER || typeCode == Types.BIGINT;
  }
}
