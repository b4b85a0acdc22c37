package dev.migrata.operations;

import dev.migrata.schema.SchemaEditor;
import dev.migrata.state.Deconstructed;
import dev.migrata.state.ProjectState;
import java.util.List;

/**
 * Raw SQL, forwards and (optionally) backwards. No reverse statements means irreversible; an
 * empty reverse is written as a single empty statement ({@code reverseSql = ""}), a no-op.
 */
public record RunSql(List<String> sql, List<String> reverseSql, boolean elidable)
    implements Operation {

  public RunSql {
    sql = List.copyOf(sql);
    reverseSql = reverseSql == null ? null : List.copyOf(reverseSql);
  }

  @Override
  public void stateForwards(String app, ProjectState state) {}

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.execute(nonBlank(sql));
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    if (reverseSql == null) {
      throw new UnsupportedOperationException("Raw SQL operation is not reversible");
    }
    editor.execute(nonBlank(reverseSql));
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
    return Deconstructed.builder("Op")
        .put("kind", "RUN_SQL")
        .put("sql", sql)
        .strings("reverseSql", reverseSql)
        .bool("elidable", elidable, false)
        .build();
  }
}
