package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;
import static dev.migrata.processor.AnnotationValues.strings;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.OrmOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads the options only Django's ORM uses ({@code @Model(verboseName, verboseNamePlural,
 * ordering)}, {@code @Field(verboseName, blank, editable, autoNow, autoNowAdd)}) and checks them as
 * Django's system checks do: they go to the state, never to the database.
 */
final class OrmOptionsReader {
  /** The types Django's DateField, TimeField and DateTimeField cover. */
  private static final Set<FieldType> TEMPORAL =
      EnumSet.of(FieldType.DATE, FieldType.TIME, FieldType.DATE_TIME, FieldType.LOCAL_DATE_TIME);

  private final Reporter reporter;

  OrmOptionsReader(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The field's options from its {@code @Field} ({@link OrmOptions#NONE} without one); an automatic
   * time on a field that is no date or time, or beside a default, is an error and dropped.
   */
  OrmOptions field(
      VariableElement element, AnnotationMirror field, String name, String model, String type) {
    if (field == null) {
      return OrmOptions.NONE;
    }
    // Explicit, else true: an annotations jar older than the member must not read as false.
    AnnotationValue editableValue = Mirrors.value(field, "editable");
    boolean editable = editableValue == null || Boolean.TRUE.equals(editableValue.getValue());
    boolean autoNow = bool(field, "autoNow");
    boolean autoNowAdd = bool(field, "autoNowAdd");
    for (String option : List.of("autoNow", "autoNowAdd")) {
      if (bool(field, option) && !TEMPORAL.contains(FieldType.byName(type))) {
        reporter.report(
            Problem.AUTO_NOW_NOT_TEMPORAL,
            element,
            field,
            Mirrors.value(field, option),
            name,
            model,
            option,
            type,
            option);
        autoNow = false;
        autoNowAdd = false;
      }
    }
    boolean hasDefault =
        !AnnotationValues.strings(field, "defaultValue").isEmpty()
            || !string(field, "defaultMethod").isEmpty();
    if ((autoNow ? 1 : 0) + (autoNowAdd ? 1 : 0) + (hasDefault ? 1 : 0) > 1) {
      // Django's fields.E160: which one wins would be a silent choice.
      reporter.report(
          Problem.AUTO_NOW_EXCLUSIVE,
          element,
          field,
          Mirrors.value(field, autoNow ? "autoNow" : "autoNowAdd"),
          name,
          model);
      autoNow = false;
      autoNowAdd = false;
    }
    OrmOptions read =
        new OrmOptions(
            emptyToNull(string(field, "verboseName")),
            bool(field, "blank"),
            editable,
            autoNow,
            autoNowAdd);
    return read.orNone();
  }

  /**
   * The model's options from its {@code @Model}; an ordering entry that names no field is Django's
   * {@code models.E015} and left out. A child or proxy may also order by what it inherits ({@code
   * inherited}, from {@link Inheritance#inheritedOrdering}), as Django allows.
   */
  ModelOptions model(
      TypeElement type,
      AnnotationMirror mirror,
      ModelState model,
      Map<String, Inheritance.Orderable> inherited) {
    List<String> ordering = new ArrayList<>();
    for (String entry : strings(mirror, "ordering")) {
      if (orders(entry, model, inherited)) {
        ordering.add(entry);
      } else {
        Set<String> names = new LinkedHashSet<>(model.fields().keySet());
        for (Map.Entry<String, Inheritance.Orderable> e : inherited.entrySet()) {
          if (e.getValue() != Inheritance.Orderable.MANY && !e.getKey().endsWith("_id")) {
            names.add(e.getKey());
          }
        }
        reporter.report(
            Problem.ORDERING_UNKNOWN_FIELD,
            type,
            mirror,
            Mirrors.value(mirror, "ordering"),
            model.name(),
            entry,
            String.join(", ", names));
      }
    }
    ModelOptions read =
        new ModelOptions(
            emptyToNull(string(mirror, "verboseName")),
            emptyToNull(string(mirror, "verboseNamePlural")),
            ordering);
    return read.equals(ModelOptions.NONE) ? ModelOptions.NONE : read;
  }

  /**
   * Whether Django's ordering check accepts {@code entry}: {@code ?}, {@code pk}, or a field (its
   * Java name, or a relation's column {@code author_id}), optionally after {@code -}; for a lookup
   * through a relation ({@code author__name}) the first step is checked.
   */
  private static boolean orders(
      String entry, ModelState model, Map<String, Inheritance.Orderable> inherited) {
    if (entry.equals("?")) {
      return true;
    }
    String bare = entry.startsWith("-") ? entry.substring(1) : entry;
    int lookup = bare.indexOf("__");
    String first = lookup < 0 ? bare : bare.substring(0, lookup);
    if (first.equals("pk")) {
      return lookup < 0;
    }
    FieldState f = model.fields().get(first);
    if (f != null) {
      return lookup < 0 ? f.fieldType() != FieldType.MANY_TO_MANY : f.isRelation();
    }
    Inheritance.Orderable parents = inherited.get(first);
    if (parents != null) {
      return lookup < 0
          ? parents != Inheritance.Orderable.MANY
          : parents != Inheritance.Orderable.PLAIN;
    }
    if (lookup < 0) {
      for (FieldState candidate : model.fields().values()) {
        if (candidate.isRelation()
            && candidate.fieldType() != FieldType.MANY_TO_MANY
            && candidate.columnName().equals(first)) {
          return true;
        }
      }
    }
    return false;
  }
}
