package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Table(indexes, uniqueConstraints)} of an entity as the model's indexes and unique
 * constraints: columns named as in the table ({@code columnList} lists columns, not attributes),
 * unnamed ones named as Django names them.
 */
final class JpaTableIndexes {
  private final Reporter reporter;
  private final JpaNaming naming;

  JpaTableIndexes(Reporter reporter, JpaNaming naming) {
    this.reporter = reporter;
    this.naming = naming;
  }

  List<IndexState> indexes(TypeElement type, AnnotationMirror table, ModelState model) {
    List<IndexState> result = new ArrayList<>();
    for (AnnotationMirror index : nested(table, "indexes")) {
      List<String> fields = fieldsOf(type, index, string(index, "columnList"), model);
      if (fields == null) {
        continue;
      }
      String name = emptyToNull(string(index, "name"));
      if (name == null) {
        List<String> cols =
            fields.stream().map(f -> f.replace("-", "")).map(model::columnOf).toList();
        name = Names.indexName(model.tableName(), cols, "idx");
      }
      result.add(new IndexState(name, fields, bool(index, "unique"), null));
    }
    return result;
  }

  List<ConstraintState> uniques(AnnotationMirror table, ModelState model) {
    List<ConstraintState> result = new ArrayList<>();
    for (AnnotationMirror unique : nested(table, "uniqueConstraints")) {
      List<String> columnNames = AnnotationValues.strings(unique, "columnNames");
      List<String> fields = fieldsOf(null, unique, String.join(",", columnNames), model);
      if (fields == null) {
        continue;
      }
      String name = emptyToNull(string(unique, "name"));
      if (name == null) {
        name =
            Names.uniqueTogetherName(
                model.tableName(),
                columnNames.stream().map(c -> naming.physical(c.trim())).toList());
      }
      result.add(ConstraintState.unique(name, fields, null));
    }
    return result;
  }

  /**
   * The state fields of a JPA column list ({@code "title, published_on DESC"}), descending ones
   * with a leading {@code -}; null when a column is unknown (reported).
   */
  private List<String> fieldsOf(
      TypeElement type, AnnotationMirror at, String columnList, ModelState model) {
    Map<String, String> byColumn = new LinkedHashMap<>();
    model.fields().values().forEach(f -> byColumn.put(f.columnName(), f.name()));
    List<String> result = new ArrayList<>();
    for (String part : columnList.split(",")) {
      String[] words = part.trim().split("\\s+");
      String column = naming.physical(words[0]);
      String field = byColumn.get(column);
      if (field == null) {
        reporter.report(
            Problem.JPA_UNKNOWN_INDEX_COLUMN,
            type,
            at,
            null,
            words[0],
            model.name(),
            String.join(", ", byColumn.keySet()));
        return null;
      }
      boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
      result.add(desc ? "-" + field : field);
    }
    return result;
  }

  private static List<AnnotationMirror> nested(AnnotationMirror mirror, String member) {
    AnnotationValue v = Mirrors.value(mirror, member);
    List<AnnotationMirror> result = new ArrayList<>();
    if (v != null && v.getValue() instanceof List<?> items) {
      for (Object item : items) {
        result.add((AnnotationMirror) ((AnnotationValue) item).getValue());
      }
    }
    return result;
  }
}
