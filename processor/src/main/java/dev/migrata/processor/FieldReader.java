package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.defaultValue;
import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.enumName;
import static dev.migrata.processor.AnnotationValues.optionalInt;
import static dev.migrata.processor.AnnotationValues.string;
import static dev.migrata.processor.AnnotationValues.strings;
import static dev.migrata.processor.ModelReader.FIELD;
import static dev.migrata.processor.ModelReader.FOREIGN_KEY;
import static dev.migrata.processor.ModelReader.MANY_TO_MANY;
import static dev.migrata.processor.ModelReader.ONE_TO_ONE;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads one annotated Java field into a field state: a column ({@code @Field}, its type from {@link
 * JavaTypes}), a {@code @ForeignKey}/{@code @OneToOne}, or a {@code @ManyToMany}.
 */
final class FieldReader {
  private final Elements elements;
  private final AppResolver apps;
  private final Reporter reporter;
  private final OrmOptionsReader orm;
  private final ChoiceReader choiceReader;
  private final NamedTypes namedTypes;

  FieldReader(Elements elements, AppResolver apps, Reporter reporter) {
    this.elements = elements;
    this.apps = apps;
    this.reporter = reporter;
    this.orm = new OrmOptionsReader(reporter);
    this.choiceReader = new ChoiceReader(reporter);
    this.namedTypes = new NamedTypes(reporter);
  }

  /** A field as read, with the annotation that made it a column. */
  record FieldRead(FieldState state, AnnotationMirror mirror, String renamedFrom) {}

  /** The field, or null when an error was reported. */
  FieldRead read(VariableElement element, String model) {
    String name = element.getSimpleName().toString();
    AnnotationMirror field = Mirrors.find(element, FIELD);
    AnnotationMirror fk = Mirrors.find(element, FOREIGN_KEY);
    AnnotationMirror o2o = Mirrors.find(element, ONE_TO_ONE);
    AnnotationMirror m2m = Mirrors.find(element, MANY_TO_MANY);
    int relations = (fk == null ? 0 : 1) + (o2o == null ? 0 : 1) + (m2m == null ? 0 : 1);
    if (relations > 1) {
      // Only one would be read; which one is no choice to make silently.
      reporter.report(
          Problem.TWO_RELATION_ANNOTATIONS, element, fk != null ? fk : o2o, null, name, model);
      return null;
    }
    if (relations == 1
        && !OptionChecks.relationFieldOptions(reporter, element, field, name, model)) {
      return null;
    }
    if (relations == 1 && Mirrors.find(element, ModelReader.GENERATED_FIELD) != null) {
      reporter.report(
          Problem.GENERATED_WITH_OPTION,
          element,
          Mirrors.find(element, ModelReader.GENERATED_FIELD),
          null,
          name,
          model,
          "a relation annotation",
          "the relation annotation or @GeneratedField");
      return null;
    }
    if (fk != null || o2o != null) {
      return readRelation(element, name, model, fk != null ? fk : o2o, fk != null, field);
    }
    if (m2m != null) {
      return readManyToMany(element, name, m2m, field);
    }
    AnnotationMirror generated = Mirrors.find(element, ModelReader.GENERATED_FIELD);
    if (generated != null) {
      return readGenerated(element, name, model, field, generated);
    }
    return readColumn(element, name, model, field);
  }

  /**
   * A generated column: the column its Java type and {@code @Field} (if any) describe, computed by
   * the database from {@code @GeneratedField(expression)}.
   */
  private FieldRead readGenerated(
      VariableElement element,
      String name,
      String model,
      AnnotationMirror field,
      AnnotationMirror generated) {
    FieldRead column = readColumn(element, name, model, field != null ? field : generated);
    if (column == null) {
      return null;
    }
    FieldState state =
        column.state().toBuilder()
            .generated(string(generated, "expression"), bool(generated, "persisted"))
            .build();
    return new FieldRead(state, column.mirror(), column.renamedFrom());
  }

  private FieldRead readColumn(
      VariableElement element, String name, String model, AnnotationMirror field) {
    TypeMirror type = element.asType();
    String explicitType = string(field, "type");
    boolean nullable = bool(field, "nullable");
    Integer maxLength = optionalInt(field, "maxLength");
    Integer precision = optionalInt(field, "precision");
    Integer scale = optionalInt(field, "scale");
    List<String> choices = List.of();
    String fieldType;
    if (type.getKind().isPrimitive() && nullable) {
      String boxed = JavaTypes.boxedName(type.getKind());
      reporter.report(
          Problem.NULLABLE_PRIMITIVE,
          element,
          field,
          Mirrors.value(field, "nullable"),
          name,
          type,
          boxed);
    }
    if (!OptionChecks.numbers(reporter, element, field, name, model)) {
      return null;
    }
    FieldType named = explicitType.isEmpty() ? null : FieldType.byName(explicitType);
    boolean index = bool(field, "index");
    if (named != null) {
      NamedTypes.Sizes sizes =
          namedTypes.read(
              element,
              field,
              name,
              model,
              named,
              new NamedTypes.Sizes(maxLength, precision, scale, index));
      if (sizes == null) {
        return null;
      }
      fieldType = explicitType;
      maxLength = sizes.maxLength();
      precision = sizes.precision();
      scale = sizes.scale();
      index = sizes.index();
    } else if (!explicitType.isEmpty()) {
      fieldType = explicitType;
    } else {
      fieldType = JavaTypes.builtInType(type);
      if (fieldType == null && JavaTypes.isEnum(type)) {
        fieldType = FieldType.CHAR.djangoName();
      } else if (fieldType == null) {
        reporter.report(Problem.UNKNOWN_TYPE, element, type, name);
        return null;
      } else if (fieldType.equals("String")) {
        fieldType = maxLength != null ? FieldType.CHAR.djangoName() : FieldType.TEXT.djangoName();
      }
      if (fieldType.equals(FieldType.JSON.djangoName()) && !JavaTypes.jsonKeysAreStrings(type)) {
        reporter.report(Problem.JSON_MAP_KEY_NOT_STRING, element, type, name);
        return null;
      }
      if (fieldType.equals(FieldType.DECIMAL.djangoName())) {
        // Django's fields.E132 and fields.E130, each on its own.
        if (precision == null) {
          reporter.report(Problem.DECIMAL_WITHOUT_PRECISION, element, field, null, name);
        }
        if (scale == null) {
          reporter.report(Problem.DECIMAL_WITHOUT_SCALE, element, field, null, name);
        }
      }
      // Options that mean nothing for the type are dropped, so they cannot cause migrations.
      if (!fieldType.equals(FieldType.CHAR.djangoName())) {
        if (maxLength != null) {
          reporter.report(
              Problem.MAX_LENGTH_IGNORED,
              element,
              field,
              Mirrors.value(field, "maxLength"),
              name,
              model,
              fieldType);
        }
        maxLength = null;
      }
      if (!fieldType.equals(FieldType.DECIMAL.djangoName())) {
        precision = null;
        scale = null;
      }
    }
    ChoiceReader.Choices read =
        choiceReader.forColumn(
            element, field, name, model, fieldType, type, maxLength, defaultValue(field));
    if (read == null) {
      return null;
    }
    choices = read.choices();
    maxLength = read.maxLength();
    String defaultValue = read.defaultValue();
    FieldState state =
        FieldState.builder(name, fieldType)
            .column(emptyToNull(string(field, "column")))
            .nullable(nullable)
            .unique(bool(field, "unique"))
            .index(index)
            .primaryKey(bool(field, "primaryKey"))
            .maxLength(maxLength)
            .precision(precision)
            .scale(scale)
            .defaultValue(defaultValue)
            .dbDefault(emptyToNull(string(field, "dbDefault")))
            .comment(emptyToNull(string(field, "comment")))
            .helpText(emptyToNull(string(field, "helpText")))
            .choices(choices)
            .defaultMethod(emptyToNull(string(field, "defaultMethod")))
            .args(strings(field, "args"))
            .orm(orm.field(element, field, name, model, fieldType))
            .build();
    return new FieldRead(state, field, emptyToNull(string(field, "renamedFrom")));
  }

  private FieldRead readRelation(
      VariableElement element,
      String name,
      String model,
      AnnotationMirror relation,
      boolean foreignKey,
      AnnotationMirror field) {
    TypeMirror type = element.asType();
    String to = target(type);
    if (to == null) {
      reporter.report(Problem.RELATION_TARGET_NOT_MODEL, element, relation, null, name, type, type);
      return null;
    }
    String annotation = foreignKey ? "ForeignKey" : "OneToOne";
    // Explicit only: onDelete has no default, so javac refuses a relation without it before
    // processing; an older annotations jar (with CASCADE as default) must not bring it back.
    String onDelete =
        Mirrors.value(relation, "onDelete") == null ? null : enumName(relation, "onDelete");
    if (onDelete == null) {
      TypeElement target = (TypeElement) ((DeclaredType) type).asElement();
      reporter.report(
          Problem.ON_DELETE_MISSING,
          element,
          relation,
          null,
          name,
          model,
          target.getSimpleName(),
          annotation);
      return null;
    }
    if (onDelete.equals("SET_NULL") && !bool(relation, "nullable")) {
      reporter.report(
          Problem.SET_NULL_NOT_NULLABLE,
          element,
          relation,
          Mirrors.value(relation, "onDelete"),
          name,
          model);
      return null;
    }
    // Django's fields.E321: without a default, the database's ON DELETE SET DEFAULT sets null.
    if (onDelete.equals("SET_DEFAULT") && !hasDefault(field)) {
      reporter.report(
          Problem.SET_DEFAULT_WITHOUT_DEFAULT,
          element,
          relation,
          Mirrors.value(relation, "onDelete"),
          name,
          model);
      return null;
    }
    String toField = emptyToNull(string(relation, "toField"));
    if (toField != null) {
      List<String> known = new ArrayList<>();
      Element found = null;
      TypeElement target = (TypeElement) ((DeclaredType) type).asElement();
      for (Element e : elements.getAllMembers(target)) {
        if (e.getKind() == ElementKind.FIELD && !e.getModifiers().contains(Modifier.STATIC)) {
          known.add(e.getSimpleName().toString());
          if (e.getSimpleName().contentEquals(toField)) {
            found = e;
          }
        }
      }
      if (found != null && !OptionChecks.isUnique(found, target)) {
        reporter.report(
            Problem.TO_FIELD_NOT_UNIQUE,
            element,
            relation,
            Mirrors.value(relation, "toField"),
            target.getSimpleName(),
            toField,
            name);
        return null;
      }
      if (found == null) {
        reporter.report(
            Problem.TO_FIELD_UNKNOWN,
            element,
            relation,
            Mirrors.value(relation, "toField"),
            name,
            toField,
            type,
            String.join(", ", known));
        return null;
      }
    }
    // An annotations jar older than dbConstraint has no such member: the constraint stays.
    boolean dbConstraint =
        Mirrors.valueWithDefault(relation, "dbConstraint") == null
            || bool(relation, "dbConstraint");
    String constraintName = emptyToNull(string(relation, "constraintName"));
    if (constraintName != null && !dbConstraint) {
      reporter.report(
          Problem.CONSTRAINT_NAME_WITHOUT_CONSTRAINT,
          element,
          relation,
          Mirrors.value(relation, "constraintName"),
          name,
          model,
          constraintName);
      return null;
    }
    if (constraintName != null
        && !ForeignKeyNames.fits(
            reporter,
            element,
            relation,
            Mirrors.value(relation, "constraintName"),
            constraintName,
            name,
            model)) {
      return null;
    }
    String renamedFrom = emptyToNull(string(relation, "renamedFrom"));
    if (renamedFrom == null && field != null) {
      renamedFrom = emptyToNull(string(field, "renamedFrom"));
    }
    String helpText = emptyToNull(string(relation, "helpText"));
    if (helpText == null && field != null) {
      helpText = emptyToNull(string(field, "helpText"));
    }
    FieldState.Builder b =
        FieldState.builder(
                name,
                foreignKey ? FieldType.FOREIGN_KEY.djangoName() : FieldType.ONE_TO_ONE.djangoName())
            .column(emptyToNull(string(relation, "column")))
            .nullable(bool(relation, "nullable"))
            .index(bool(relation, "index"))
            .helpText(helpText)
            .to(to)
            .toField(emptyToNull(string(relation, "toField")))
            .onDelete(onDelete)
            .relatedName(emptyToNull(string(relation, "relatedName")))
            .dbConstraint(dbConstraint)
            .constraintName(constraintName);
    if (field != null) {
      b.defaultValue(defaultValue(field))
          .defaultMethod(emptyToNull(string(field, "defaultMethod")))
          .dbDefault(emptyToNull(string(field, "dbDefault")))
          .comment(emptyToNull(string(field, "comment")))
          .orm(
              orm.field(
                  element,
                  field,
                  name,
                  model,
                  (foreignKey ? FieldType.FOREIGN_KEY : FieldType.ONE_TO_ONE).djangoName()));
    }
    return new FieldRead(b.build(), relation, renamedFrom);
  }

  private static boolean hasDefault(AnnotationMirror field) {
    return field != null
        && (emptyToNull(string(field, "dbDefault")) != null
            || emptyToNull(string(field, "defaultMethod")) != null
            || defaultValue(field) != null);
  }

  private FieldRead readManyToMany(
      VariableElement element, String name, AnnotationMirror m2m, AnnotationMirror field) {
    TypeMirror type = element.asType();
    String to = null;
    if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
      to = target(declared.getTypeArguments().get(0));
    }
    if (to == null) {
      reporter.report(Problem.MANY_TO_MANY_NOT_COLLECTION, element, m2m, null, name, type);
      return null;
    }
    AnnotationValue throughValue = Mirrors.value(m2m, "through");
    String through = null;
    if (throughValue != null
        && throughValue.getValue() instanceof TypeMirror throughType
        && throughType.getKind() != TypeKind.VOID) {
      through = target(throughType);
      if (through == null) {
        reporter.report(
            Problem.THROUGH_NOT_MODEL, element, m2m, throughValue, name, throughType, throughType);
        return null;
      }
    }
    String table = emptyToNull(string(m2m, "table"));
    String helpText = emptyToNull(string(m2m, "helpText"));
    FieldState state =
        FieldState.builder(name, FieldType.MANY_TO_MANY.djangoName())
            .helpText(helpText)
            .to(to)
            .through(through)
            .table(through == null ? table : null)
            .relatedName(emptyToNull(string(m2m, "relatedName")))
            .orm(
                orm.field(
                    element,
                    field,
                    name,
                    element.getEnclosingElement().getSimpleName().toString(),
                    FieldType.MANY_TO_MANY.djangoName()))
            .joinAutoField(
                through == null
                    ? apps.forPackage(elements.getPackageOf(element)).defaultAutoField()
                    : null)
            .build();
    String renamedFrom = field == null ? null : emptyToNull(string(field, "renamedFrom"));
    return new FieldRead(state, m2m, renamedFrom);
  }

  /** {@code app.model} of a relation's target type, or null when it is not a {@code @Model}. */
  private String target(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return null;
    }
    Element target = declared.asElement();
    if (!ModelReader.isModel(target)) {
      return null;
    }
    AppInfo app = apps.forPackage(elements.getPackageOf(target));
    return app.label() + "." + target.getSimpleName().toString().toLowerCase(Locale.ROOT);
  }
}
