package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.repeated;
import static dev.migrata.processor.AnnotationValues.string;
import static dev.migrata.processor.AnnotationValues.strings;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@code @Model} classes of an app into model states (SPEC section 2): Java type to field
 * type, inherited fields of non-model superclasses (Django's abstract models), the implicit {@code
 * id}, and the app's naming rules. Everything is read from annotation mirrors, so models that are
 * class files of an earlier compile read exactly like sources.
 */
final class ModelReader {
  static final String PKG = "dev.migrata.annotations.";
  static final String MODEL = PKG + "Model";
  static final String FIELD = PKG + "Field";
  static final String FOREIGN_KEY = PKG + "ForeignKey";
  static final String ONE_TO_ONE = PKG + "OneToOne";
  static final String MANY_TO_MANY = PKG + "ManyToMany";
  static final String INDEX = PKG + "Index";
  static final String UNIQUE = PKG + "Unique";
  static final String CHECK = PKG + "Check";

  private final Elements elements;
  private final Reporter reporter;
  private final FieldReader fieldReader;
  private final FieldValidator validator;
  private final ModelChecks checks;
  private final DeclarationChecks shapes;
  private final ProjectChecks projectChecks;
  private final OrmOptionsReader ormOptions;
  private final JpaModelReader jpa;

  ModelReader(Elements elements, Types types, AppResolver apps, Reporter reporter) {
    this(elements, types, apps, reporter, JpaNaming.SPRING);
  }

  ModelReader(
      Elements elements, Types types, AppResolver apps, Reporter reporter, JpaNaming naming) {
    this.elements = elements;
    this.reporter = reporter;
    this.fieldReader = new FieldReader(elements, apps, reporter);
    this.validator = new FieldValidator(elements, types, reporter);
    this.checks = new ModelChecks(reporter);
    this.shapes = new DeclarationChecks(reporter);
    this.projectChecks = new ProjectChecks(reporter);
    this.ormOptions = new OrmOptionsReader(reporter);
    this.jpa = new JpaModelReader(elements, types, apps, reporter, naming);
  }

  /** Every {@code @Model} of the app's package, sorted by name. */
  List<ModelDeclaration> read(AppInfo app) {
    List<ModelDeclaration> models = new ArrayList<>();
    PackageElement pkg = elements.getPackageElement(app.packageName());
    if (pkg == null) {
      return models;
    }
    List<TypeElement> types = new ArrayList<>();
    for (Element e : pkg.getEnclosedElements()) {
      if (!(e instanceof TypeElement t)) {
        continue;
      }
      shapes.refuseNestedModels(t);
      if (!isModel(t) || !shapes.isClass(t)) {
        continue;
      }
      types.add(t);
    }
    types.sort((a, b) -> a.getSimpleName().toString().compareTo(b.getSimpleName().toString()));
    for (TypeElement type : types) {
      AnnotationMirror model = Mirrors.find(type, MODEL);
      if (Jpa.isEntity(type) && model != null && !bool(model, "managed")) {
        continue; // A JPA view of a table another model owns (as the Spring Boot sample's).
      }
      if (Jpa.isEntity(type)) {
        for (ModelDeclaration entity : jpa.read(app, type)) {
          checks.check(entity);
          models.add(entity);
        }
      } else {
        models.add(readModel(app, type));
      }
    }
    return models;
  }

  /**
   * What of the app's models javac could not resolve, or null (see {@link
   * DeclarationChecks#unresolved}).
   */
  String unresolved(AppInfo app) {
    return shapes.unresolved(elements.getPackageElement(app.packageName()));
  }

  /** Checks across the models of every app read in this compile. */
  void checkProject(Collection<List<ModelDeclaration>> apps) {
    projectChecks.check(apps);
  }

  /** A {@code @Model} class or a JPA {@code @Entity}. */
  static boolean isModel(Element e) {
    return e instanceof TypeElement t && (Mirrors.find(t, MODEL) != null || Jpa.isEntity(t));
  }

  private ModelDeclaration readModel(AppInfo app, TypeElement type) {
    AnnotationMirror model = Mirrors.find(type, MODEL);
    String name = type.getSimpleName().toString();
    String table = emptyToNull(string(model, "table"));
    String comment = emptyToNull(string(model, "comment"));
    boolean managed = bool(model, "managed");
    String renamedFrom = emptyToNull(string(model, "renamedFrom"));

    Map<String, FieldState> fields = new LinkedHashMap<>();
    Map<String, ModelDeclaration.FieldDeclaration> declarations = new LinkedHashMap<>();
    for (VariableElement field : columnFields(type)) {
      FieldReader.FieldRead read = fieldReader.read(field, name);
      if (read != null) {
        FieldState checked = validator.check(field, read.mirror(), name, read.state());
        if (checked == null) {
          continue;
        }
        read = new FieldReader.FieldRead(checked, read.mirror(), read.renamedFrom());
        fields.put(read.state().name(), read.state());
        declarations.put(
            read.state().name(),
            new ModelDeclaration.FieldDeclaration(field, read.mirror(), read.renamedFrom()));
      }
    }
    if (fields.values().stream().noneMatch(FieldState::primaryKey)) {
      if (declarations.containsKey("id")) {
        // It would silently replace the implicit key.
        ModelDeclaration.FieldDeclaration id = declarations.get("id");
        reporter.report(Problem.ID_NOT_PRIMARY_KEY, id.element(), id.mirror(), null, name);
      }
      Map<String, FieldState> withId = new LinkedHashMap<>();
      withId.put("id", FieldState.autoId());
      withId.putAll(fields);
      fields = withId;
    }
    ModelState state =
        new ModelState(app.label(), name, fields, List.of(), List.of(), table, comment, managed);
    state = state.withIndexes(indexes(type, state)).withConstraints(constraints(type, state));
    state = state.withOptions(ormOptions.model(type, model, state));
    ModelDeclaration declaration =
        new ModelDeclaration(app, state, type, model, renamedFrom, declarations);
    checks.check(declaration);
    return declaration;
  }

  /** Fields of non-model superclasses first (as Django's abstract parents), then the class's. */
  private List<VariableElement> columnFields(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    chain.add(type);
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      if (parent.getQualifiedName().contentEquals("java.lang.Object") || isModel(parent)) {
        break;
      }
      chain.add(0, parent);
      superclass = parent.getSuperclass();
    }
    List<VariableElement> result = new ArrayList<>();
    for (TypeElement t : chain) {
      for (Element e : t.getEnclosedElements()) {
        if (e.getKind() != ElementKind.FIELD) {
          continue;
        }
        AnnotationMirror column = columnAnnotation(e);
        if (column == null) {
          continue;
        }
        if (e.getModifiers().contains(Modifier.STATIC)) {
          reporter.report(
              Problem.STATIC_COLUMN_FIELD,
              e,
              column,
              null,
              e.getSimpleName(),
              t.getSimpleName(),
              column.getAnnotationType().asElement().getSimpleName());
          continue;
        }
        result.add((VariableElement) e);
      }
    }
    return result;
  }

  private static AnnotationMirror columnAnnotation(Element e) {
    for (String annotation : List.of(FIELD, FOREIGN_KEY, ONE_TO_ONE, MANY_TO_MANY)) {
      AnnotationMirror mirror = Mirrors.find(e, annotation);
      if (mirror != null) {
        return mirror;
      }
    }
    return null;
  }

  private List<IndexState> indexes(TypeElement type, ModelState model) {
    List<IndexState> result = new ArrayList<>();
    for (AnnotationMirror index : repeated(type, INDEX)) {
      List<String> fields = strings(index, "fields");
      if (!checkFields(type, index, "Index", fields, model)) {
        continue;
      }
      String name = emptyToNull(string(index, "name"));
      if (name == null) {
        name = Names.indexName(model.tableName(), columns(model, fields), "idx");
      } else if (!checks.name("index", name, true, type, index, Mirrors.value(index, "name"))) {
        continue;
      }
      result.add(
          new IndexState(
              name, fields, bool(index, "unique"), emptyToNull(string(index, "condition"))));
    }
    return result;
  }

  private List<ConstraintState> constraints(TypeElement type, ModelState model) {
    List<ConstraintState> result = new ArrayList<>();
    for (AnnotationMirror unique : repeated(type, UNIQUE)) {
      List<String> fields = strings(unique, "fields");
      if (!checkFields(type, unique, "Unique", fields, model)) {
        continue;
      }
      String name = emptyToNull(string(unique, "name"));
      if (name == null) {
        // Named as Django names a unique_together, so a database Django created matches.
        name = Names.uniqueTogetherName(model.tableName(), columns(model, fields));
      } else if (!checks.name(
          "constraint", name, true, type, unique, Mirrors.value(unique, "name"))) {
        continue;
      }
      result.add(ConstraintState.unique(name, fields, emptyToNull(string(unique, "condition"))));
    }
    for (AnnotationMirror check : repeated(type, CHECK)) {
      if (!checks.name(
          "constraint", string(check, "name"), true, type, check, Mirrors.value(check, "name"))) {
        continue;
      }
      result.add(ConstraintState.check(string(check, "name"), string(check, "condition")));
    }
    return result;
  }

  private boolean checkFields(
      TypeElement type,
      AnnotationMirror mirror,
      String what,
      List<String> fields,
      ModelState model) {
    if (fields.isEmpty()) {
      reporter.report(
          Problem.INDEX_WITHOUT_FIELDS,
          type,
          mirror,
          Mirrors.value(mirror, "fields"),
          what,
          model.name());
      return false;
    }
    boolean ok = true;
    for (String f : fields) {
      String bare = f.startsWith("-") ? f.substring(1) : f;
      FieldState known = model.fields().get(bare);
      if (known != null && known.fieldType() == FieldType.MANY_TO_MANY) {
        reporter.report(
            Problem.INDEX_ON_MANY_TO_MANY,
            type,
            mirror,
            Mirrors.value(mirror, "fields"),
            what,
            model.name(),
            bare);
        ok = false;
      } else if (known == null) {
        reporter.report(
            Problem.UNKNOWN_INDEX_FIELD,
            type,
            mirror,
            Mirrors.value(mirror, "fields"),
            what,
            model.name(),
            bare,
            String.join(", ", model.fields().keySet()));
        ok = false;
      }
    }
    return ok;
  }

  private static List<String> columns(ModelState model, List<String> fields) {
    return fields.stream().map(model::columnOf).toList();
  }
}
