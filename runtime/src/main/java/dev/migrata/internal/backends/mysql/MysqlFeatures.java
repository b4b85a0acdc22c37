package dev.migrata.internal.backends.mysql;

import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Features.CheckDrop;
import dev.migrata.internal.backends.base.Features.LockKind;
import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What MySQL and MariaDB can do (Django's {@code mysql/features.py}): DDL commits implicitly, so
 * nothing is atomic; no partial indexes; InnoDB indexes foreign keys itself. Where MySQL and
 * MariaDB differ, the server's version decides.
 */
public final class MysqlFeatures {
  /** The server assumed without a connection (sqlmigrate offline): the newest MySQL. */
  static final String NEWEST = "8.4.0";

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private MysqlFeatures() {}

  /** The features of the server on {@code connection}, read once; the newest without one. */
  static Features of(Connection connection) {
    return forVersion(serverVersion(connection));
  }

  /** For a server version string, e.g. {@code 10.4.32-MariaDB} or {@code 5.7.44}. */
  public static Features forVersion(String v) {
    boolean mariadb = v.toLowerCase(Locale.ROOT).contains("mariadb");
    int[] version = parse(v);
    return Features.builder()
        .serverVersion(v)
        .canRollbackDdl(false)
        // RENAME COLUMN came with MariaDB 10.5.2 and MySQL 8.0.
        .canRenameColumn(mariadb ? atLeast(version, 10, 5, 2) : atLeast(version, 8, 0, 0))
        .supportsPartialIndexes(false)
        // Django 5.0+ uses MariaDB's uuid type from 10.7 on; MySQL has none.
        .hasNativeUuidField(mariadb && atLeast(version, 10, 7, 0))
        .indexesForeignKeys(true)
        // CREATE SEQUENCE came with MariaDB 10.3; MySQL has none (Hibernate uses a table there).
        .supportsSequences(mariadb && atLeast(version, 10, 3, 0))
        .maxNameLength(64)
        .lockKind(LockKind.NAMED)
        .checkDrop(mariadb ? CheckDrop.DROP_CONSTRAINT_IF_EXISTS : CheckDrop.DROP_CHECK)
        .build();
  }

  /**
   * Django's {@code supports_column_check_constraints}: MariaDB always, MySQL from 8.0.16 (before
   * that MySQL parsed and ignored checks).
   */
  public static boolean supportsColumnCheckConstraints(String v) {
    if (v == null) {
      return true;
    }
    return v.toLowerCase(Locale.ROOT).contains("mariadb") || atLeast(parse(v), 8, 0, 16);
  }

  private static String serverVersion(Connection connection) {
    if (connection == null) {
      return NEWEST;
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT VERSION()");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : NEWEST;
    } catch (SQLException e) {
      throw new SchemaException("SELECT VERSION()", e);
    }
  }

  private static int[] parse(String v) {
    Matcher m = VERSION.matcher(v);
    if (!m.find()) {
      return new int[] {8, 4, 0};
    }
    return new int[] {
      Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
    };
  }

  private static boolean atLeast(int[] version, int major, int minor, int patch) {
    return Arrays.compare(version, new int[] {major, minor, patch}) >= 0;
  }
}
