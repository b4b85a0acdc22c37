package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.List;

/**
 * Raw SQL, forwards and (optionally) backwards. No reverse statements means irreversible; an
 * empty reverse is written as a single empty statement ({@code reverseSql = ""}), a no-op.
 */
public record RunSql(
    List<String> sql, List<String> reverseSql, boolean elidable, List<String> vendors)
    implements Operation {

  public RunSql {
    sql = List.copyOf(sql);
    reverseSql = reverseSql == null ? null : List.copyOf(reverseSql);
    vendors = vendors == null ? List.of() : List.copyOf(vendors);
  }

  public RunSql(List<String> sql, List<String> reverseSql, boolean elidable) {
    this(sql, reverseSql, elidable, List.of());
  }

  /**
   * Whether this runs on the current backend: always without {@code vendors}; else when the
   * running backend's vendor is listed ({@code mariadb} counts as {@code mysql}, as in Django).
   */
  public boolean runsOn(String vendor) {
    if (vendors.isEmpty() || vendor == null) {
      return true;
    }
    for (String v : vendors) {
      String wanted = v.toLowerCase(java.util.Locale.ROOT);
      if (wanted.equals(vendor) || (wanted.equals("mariadb") && vendor.equals("mysql"))
          || (wanted.equals("mysql") && vendor.equals("mariadb"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void stateForwards(String app, ProjectState state) {}

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    if (runsOn(editor.context().vendor())) {
      editor.execute(nonBlank(sql));
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    if (reverseSql == null) {
      throw new UnsupportedOperationException("Raw SQL operation is not reversible");
    }
    if (runsOn(editor.context().vendor())) {
      editor.execute(nonBlank(reverseSql));
    }
  }

  private static List<String> nonBlank(List<String> statements) {
    return statements.stream().filter(s -> !s.isBlank()).toList();
  }

  @Override
  public boolean reversible() {
    return reverseSql != null;
  }

  @Override
  public String describe() {
    return "Raw SQL operation";
  }

  @Override
  public String nameFragment() {
    return null;
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.RUN_SQL.form()
        .put("sql", sql)
        .strings("reverseSql", reverseSql)
        .bool("elidable", elidable, false)
        .strings("vendors", vendors)
        .build();
  }
}
