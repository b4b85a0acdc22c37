package dev.migrata.internal.schema;

import java.util.Locale;
import java.util.Map;

/**
 * One spelling for a column type, so that the type an editor writes compares equal to the server's
 * own name for it: PostgreSQL's {@code character varying(200)} is {@code varchar(200)}, MariaDB's
 * {@code int(11)} is {@code integer} and its {@code tinyint(1)} a {@code bool}, {@code numeric} is
 * {@code decimal}. A type the server really changed (a {@code varchar(200)} widened to 300, a
 * {@code text}) still differs.
 */
final class TypeSpelling {
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("int8", "bigint"),
          Map.entry("int2", "smallint"),
          Map.entry("bool", "boolean"),
          Map.entry("tinyint(1)", "boolean"),
          Map.entry("double precision", "double"),
          Map.entry("float8", "double"),
          Map.entry("float4", "real"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("time with time zone", "timetz"));

  private TypeSpelling() {}

  /** The canonical spelling of {@code type} on {@code vendor} ({@code mysql}, ...). */
  static String canonical(String type, String vendor) {
    String t = type.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    t = t.replaceAll(" ?\\( ?", "(").replaceAll(" ?\\)", ")").replaceAll(" ?, ?", ",");
    t = t.replace(" auto_increment", "").replace(" without time zone", "");
    // A positive integer is "integer UNSIGNED" to the editor and "int(10) unsigned" to MariaDB:
    // spell the base type alone, then put the attribute back.
    String unsigned = "";
    if (t.endsWith(" unsigned")) {
      unsigned = " unsigned";
      t = t.substring(0, t.length() - unsigned.length());
    }
    if (!t.equals("tinyint(1)")) {
      // MariaDB's display widths say nothing about the range.
      t = t.replaceAll("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)", "$1");
    }
    t = t.replaceFirst("^character varying", "varchar").replaceFirst("^character\\(", "char(");
    t = t.replaceFirst("^numeric", "decimal");
    t = SYNONYMS.getOrDefault(t, t);
    // MariaDB's JSON is an alias of longtext (with a json_valid check of its own).
    if (vendor.equals("mysql") && t.equals("json")) {
      t = "longtext";
    }
    return t + unsigned;
  }
}
