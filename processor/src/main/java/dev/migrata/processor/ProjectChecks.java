package dev.migrata.processor;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Django's checks across the models of one compile: one model per table (models.E028, also against
 * join tables, fields.E340), index and constraint names unique across the project (models.E030),
 * and reverse accessors that do not clash (fields.E304). Names are compared without case, as MySQL
 * (on some systems) and SQLite compare them.
 */
final class ProjectChecks {
  private final Reporter reporter;

  ProjectChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  void check(Collection<List<ModelDeclaration>> apps) {
    List<ModelDeclaration> all = new ArrayList<>(); // A loop: no lambda class per compile.
    for (List<ModelDeclaration> app : apps) {
      all.addAll(app);
    }
    tables(all);
    indexNames(all);
    relatedNames(all);
  }

  private void tables(List<ModelDeclaration> all) {
    Map<String, String> owners = new TreeMap<>();
    for (ModelDeclaration d : all) {
      ModelState m = d.state();
      if (!m.migrates()) {
        // Django skips unmanaged models (they may share a table on purpose) and proxies (no table).
        continue;
      }
      String other = owners.putIfAbsent(lower(m.tableName()), label(m));
      if (other != null) {
        reporter.report(
            Problem.DUPLICATE_TABLE,
            d.element(),
            d.modelMirror(),
            Mirrors.value(d.modelMirror(), "table"),
            m.tableName(),
            other,
            label(m));
      }
    }
    for (ModelDeclaration d : all) {
      ModelState m = d.state();
      for (FieldState f : m.fields().values()) {
        if (!f.isAutoManyToMany() || !m.managed()) {
          continue;
        }
        String table =
            f.table() != null ? f.table() : m.tableName() + "_" + Names.snakeCase(f.name());
        String owner = "the join table of " + label(m) + "." + f.name();
        String other = owners.putIfAbsent(lower(table), owner);
        if (other != null) {
          ModelDeclaration.FieldDeclaration declared = d.fields().get(f.name());
          reporter.report(
              Problem.JOIN_TABLE_CLASH,
              declared.element(),
              declared.mirror(),
              Mirrors.value(declared.mirror(), "table"),
              table,
              f.name(),
              label(m),
              other);
        }
      }
    }
  }

  private void indexNames(List<ModelDeclaration> all) {
    Map<String, String> owners = new TreeMap<>();
    for (ModelDeclaration d : all) {
      ModelState m = d.state();
      for (IndexState index : m.indexes()) {
        claim(owners, d, index.name(), "Index");
      }
      for (ConstraintState c : m.constraints()) {
        claim(owners, d, c.name(), c.isCheck() ? "Check" : "Unique");
      }
    }
  }

  private void claim(Map<String, String> owners, ModelDeclaration d, String name, String kind) {
    String owner = "@" + kind + " on " + label(d.state());
    String other = owners.putIfAbsent(lower(name), owner);
    if (other == null) {
      return;
    }
    AnnotationMirror mirror = named(d.element(), kind, name);
    reporter.report(
        Problem.DUPLICATE_INDEX_NAME,
        d.element(),
        mirror,
        mirror == null ? null : Mirrors.value(mirror, "name"),
        name,
        kind,
        label(d.state()),
        other);
  }

  /** The annotation that names {@code name} explicitly, or null for a generated name. */
  private static AnnotationMirror named(Element type, String kind, String name) {
    for (AnnotationMirror m : AnnotationValues.repeated(type, ModelReader.PKG + kind)) {
      if (AnnotationValues.string(m, "name").equals(name)) {
        return m;
      }
    }
    return null;
  }

  private void relatedNames(List<ModelDeclaration> all) {
    Map<String, String> owners = new TreeMap<>();
    for (ModelDeclaration d : all) {
      for (FieldState f : d.state().fields().values()) {
        String related = f.relatedName();
        if (related == null || related.endsWith("+") || f.to() == null) {
          continue; // "+" means no reverse accessor, as in Django.
        }
        String owner = d.state().name() + "." + f.name();
        String other = owners.putIfAbsent(f.to() + "\0" + related, owner);
        if (other != null) {
          ModelDeclaration.FieldDeclaration declared = d.fields().get(f.name());
          String[] parts = other.split("\\.", 2);
          reporter.report(
              Problem.RELATED_NAME_CLASH,
              declared.element(),
              declared.mirror(),
              Mirrors.value(declared.mirror(), "relatedName"),
              related,
              d.state().name(),
              f.name(),
              parts[0],
              parts[1],
              f.to());
        }
      }
    }
  }

  private static String label(ModelState m) {
    return m.app() + "." + m.name();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
