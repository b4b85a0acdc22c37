package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the drivers' connection failures into what the user has to fix: drivers say "The connection
 * attempt failed." for a mistyped host, the cause (buried in the chain) names it.
 */
final class ConnectionErrors {
  /** {@code //host[:port]/db} of a server URL; host may be an [IPv6] literal. */
  private static final Pattern AUTHORITY =
      Pattern.compile(
          "^jdbc:[a-z]+:(?:[a-z]+:)?//(?:[^@/]*@)?(\\[[^]]*]|[^:/?,;]*)(?::(\\d+))?"
              + "(?:/([^?;]*))?");

  private ConnectionErrors() {}

  /** {@code e}, or a clearer one-line error in its place when the connection itself failed. */
  static RuntimeException explain(RuntimeException e, String url) {
    if (url == null) {
      return e;
    }
    Matcher m = AUTHORITY.matcher(url);
    String host = m.find() ? m.group(1) : null;
    String port = host == null ? null : m.group(2);
    String database = host == null ? null : m.group(3);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        String name = host != null && !host.isEmpty() ? host : t.getMessage();
        return error(e, "Unknown host '" + name + "' in the URL '" + url + "'.");
      }
      if (t instanceof ConnectException && host != null) {
        return error(
            e,
            "Cannot connect to "
                + host
                + (port == null ? "" : ":" + port)
                + " (connection refused): is the database server running there?");
      }
      if (t instanceof SQLException sql && database != null && unknownDatabase(sql)) {
        return error(
            e,
            "The database '"
                + database
                + "' does not exist on "
                + host
                + "; create it first"
                + " ("
                + createHint(url, database)
                + ").");
      }
    }
    return e;
  }

  /** PostgreSQL's invalid_catalog_name, MySQL/MariaDB's ER_BAD_DB_ERROR. */
  private static boolean unknownDatabase(SQLException e) {
    return "3D000".equals(e.getSQLState()) || e.getErrorCode() == 1049;
  }

  private static String createHint(String url, String database) {
    if (url.startsWith("jdbc:postgresql:")) {
      return "psql -c 'CREATE DATABASE \"" + database + "\"' or createdb " + database;
    }
    return "mariadb -e 'CREATE DATABASE `" + database + "`'";
  }

  private static MigrataException error(RuntimeException cause, String message) {
    return new MigrataException(ErrorCode.DATABASE, message, cause);
  }
}
