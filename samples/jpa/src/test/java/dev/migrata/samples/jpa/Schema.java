package dev.migrata.samples.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A database schema as lines that compare across two databases of one backend: columns (type, size,
 * nullability, default, comment), table comments, primary keys, foreign keys, unique column sets
 * and check conditions, each without the names the two tools choose differently (constraint and
 * index names).
 */
final class Schema {
  private Schema() {}

  /**
   * The foreign keys of {@code table} as {@code column name}: the names aside, where an entity
   * gives one ({@code @ForeignKey(name)}) and both tools must use it.
   */
  static TreeSet<String> foreignKeyNames(String url, String table) throws SQLException {
    TreeSet<String> lines = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseMetaData md = c.getMetaData();
      boolean pg = md.getDatabaseProductName().startsWith("PostgreSQL");
      try (ResultSet rs = md.getImportedKeys(c.getCatalog(), pg ? "public" : null, table)) {
        while (rs.next()) {
          lines.add(rs.getString("FKCOLUMN_NAME") + " " + rs.getString("FK_NAME"));
        }
      }
    }
    return lines;
  }

  static TreeSet<String> of(String url) throws SQLException {
    TreeSet<String> lines = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseMetaData md = c.getMetaData();
      String catalog = c.getCatalog();
      boolean pg = md.getDatabaseProductName().startsWith("PostgreSQL");
      String schema = pg ? "public" : null;
      checks(c, pg, lines);
      for (String table : tables(md, catalog, schema, lines)) {
        try (ResultSet rs = md.getColumns(catalog, schema, table, "%")) {
          while (rs.next()) {
            String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
            String size = sized(type) ? "(" + rs.getInt("COLUMN_SIZE") + ")" : "";
            if (type.equals("numeric") || type.equals("decimal")) {
              size = "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")";
            }
            String nullable =
                rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : "";
            String column = table + "." + rs.getString("COLUMN_NAME");
            lines.add(column + " " + type + size + nullable);
            String columnDefault = rs.getString("COLUMN_DEF");
            if (columnDefault != null && !columnDefault.equalsIgnoreCase("NULL")) {
              lines.add(column + " default " + columnDefault);
            }
            String remarks = rs.getString("REMARKS");
            if (remarks != null && !remarks.isEmpty()) {
              lines.add(column + " comment " + remarks);
            }
          }
        }
        List<String> pk = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
          Map<Integer, String> ordered = new TreeMap<>();
          while (rs.next()) {
            ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
          }
          pk.addAll(ordered.values());
        }
        lines.add(table + " primary key " + pk);
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
          while (rs.next()) {
            lines.add(
                table
                    + "."
                    + rs.getString("FKCOLUMN_NAME")
                    + " references "
                    + rs.getString("PKTABLE_NAME")
                    + "."
                    + rs.getString("PKCOLUMN_NAME"));
          }
        }
        Map<String, TreeSet<String>> indexes = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, false)) {
          while (rs.next()) {
            String name = rs.getString("INDEX_NAME");
            if (name == null || rs.getString("COLUMN_NAME") == null) {
              continue;
            }
            indexes.computeIfAbsent(name, n -> new TreeSet<>()).add(rs.getString("COLUMN_NAME"));
            unique.put(name, !rs.getBoolean("NON_UNIQUE"));
          }
        }
        for (Map.Entry<String, TreeSet<String>> e : indexes.entrySet()) {
          if (unique.get(e.getKey())
              && List.copyOf(e.getValue()).equals(new TreeSet<>(pk).stream().toList())) {
            continue; // the primary key's own index
          }
          lines.add(table + (unique.get(e.getKey()) ? " unique " : " index ") + e.getValue());
        }
      }
      sequences(c, schema != null, lines);
    }
    return lines;
  }

  /** Check constraints as {@code table check (condition)}, without their names. */
  private static void checks(Connection c, boolean pg, TreeSet<String> lines) throws SQLException {
    String sql =
        pg
            ? "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE contype = 'c' AND connamespace = 'public'::regnamespace"
            : "SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE()";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        if (ours(rs.getString(1))) {
          lines.add(rs.getString(1) + " check " + rs.getString(2));
        }
      }
    }
  }

  /**
   * Each sequence as {@code sequence <name> start <n> increment <n>}: PostgreSQL's {@code
   * pg_sequences} (identity columns' own sequences included), MariaDB's sequence tables with their
   * cache (Hibernate creates them {@code NOCACHE}).
   */
  private static void sequences(Connection c, boolean postgres, TreeSet<String> lines)
      throws SQLException {
    List<String> names = new ArrayList<>();
    String list =
        postgres
            ? "SELECT sequencename, start_value, increment_by FROM pg_sequences"
                + " WHERE schemaname = current_schema()"
            : "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_type = 'SEQUENCE'";
    try (var st = c.createStatement();
        ResultSet rs = st.executeQuery(list)) {
      while (rs.next()) {
        if (!ours(rs.getString(1))) {
          continue;
        }
        if (postgres) {
          lines.add(
              "sequence "
                  + rs.getString(1)
                  + " start "
                  + rs.getLong(2)
                  + " increment "
                  + rs.getLong(3));
        } else {
          names.add(rs.getString(1));
        }
      }
    }
    for (String name : names) {
      try (var st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT start_value, increment, cache_size FROM `" + name + "`")) {
        rs.next();
        lines.add(
            "sequence "
                + name
                + " start "
                + rs.getLong(1)
                + " increment "
                + rs.getLong(2)
                + " cache "
                + rs.getLong(3));
      }
    }
  }

  /** Not Migrata's history and not the {@code @Model} app's tables (Hibernate has neither). */
  private static boolean ours(String name) {
    return !name.startsWith("migrata_") && !name.startsWith("audit_");
  }

  private static boolean sized(String type) {
    return type.contains("char") || type.equals("varbinary");
  }

  private static List<String> tables(
      DatabaseMetaData md, String catalog, String schema, TreeSet<String> comments)
      throws SQLException {
    List<String> result = new ArrayList<>();
    try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (ours(name)) {
          result.add(name);
          String remarks = rs.getString("REMARKS");
          if (remarks != null && !remarks.isEmpty()) {
            comments.add(name + " comment " + remarks);
          }
        }
      }
    }
    return result;
  }
}
