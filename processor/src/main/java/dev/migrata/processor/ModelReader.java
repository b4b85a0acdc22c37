package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.repeated;
import static dev.migrata.processor.AnnotationValues.string;
import static dev.migrata.processor.AnnotationValues.strings;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.SequenceState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
  static final String GENERATED_FIELD = PKG + "GeneratedField";

  private final Elements elements;
  private final Reporter reporter;
  private final FieldReader fieldReader;
  private final FieldValidator validator;
  private final ModelChecks checks;
  private final DeclarationChecks shapes;
  private final ProjectChecks projectChecks;
  private final OrmOptionsReader ormOptions;
  private final IndexDetails details;
  private final Inheritance inheritance;
  private final GeneratedFields generated;
  private final Types types;
  private final AppResolver apps;
  private final JpaNaming naming;
  private final JpaIdGeneration ids;

  /**
   * Made on the first JPA entity: a project without any never loads the dozen JPA readers (a build
   * tool loads the processor's classes afresh for each compile).
   */
  private JpaModelReader jpa;

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
    this.details = new IndexDetails(reporter);
    this.inheritance = new Inheritance(elements, apps, reporter);
    this.generated = new GeneratedFields(elements, reporter);
    this.types = types;
    this.apps = apps;
    this.naming = naming;
    this.ids = new JpaIdGeneration(elements, reporter, naming);
  }

  private JpaModelReader jpa() {
    if (jpa == null) {
      jpa = new JpaModelReader(elements, types, apps, reporter, naming, ids);
    }
    return jpa;
  }

  /** Every {@code @Model} of the app's package, sorted by name. */
  List<ModelDeclaration> read(AppInfo app) {
    List<ModelDeclaration> models = new ArrayList<>();
    ids.startApp(app.label());
    PackageElement pkg = elements.getPackageElement(app.packageName());
    if (pkg == null) {
      return models;
    }
    // By simple name (unique in a package); a sorted map, not a comparator's lambda class.
    Map<String, TypeElement> types = new TreeMap<>();
    for (Element e : pkg.getEnclosedElements()) {
      if (!(e instanceof TypeElement t)) {
        continue;
      }
      shapes.refuseNestedModels(t);
      if (!isModel(t) || !shapes.isClass(t)) {
        continue;
      }
      types.put(t.getSimpleName().toString(), t);
    }
    for (TypeElement type : types.values()) {
      AnnotationMirror model = Mirrors.find(type, MODEL);
      if (Jpa.isEntity(type) && model != null && !bool(model, "managed")) {
        continue; // A JPA view of a table another model owns (as the Spring Boot sample's).
      }
      if (Jpa.isEntity(type)) {
        for (ModelDeclaration entity : jpa().read(app, type)) {
          checks.check(entity);
          models.add(entity);
        }
      } else {
        models.add(readModel(app, type));
      }
    }
    return models;
  }

  /** The sequences the app's entities draw from, as the last {@link #read} found them. */
  List<SequenceState> sequences(AppInfo app) {
    return ids.sequences(app.label());
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
    boolean proxy = bool(model, "proxy");
    TypeElement parent = Inheritance.parent(type);
    List<String> bases = parent == null ? List.of() : List.of(inheritance.reference(parent));
    if (proxy) {
      // A proxy is state only: no fields, no key, no table of its own (Django's CreateModel with
      // fields=[] and proxy=True).
      inheritance.checkProxy(type, model, parent, declarations);
      fields = new LinkedHashMap<>();
    } else if (parent != null) {
      // Multi-table inheritance: the child's table is keyed by the link to the parent's row.
      FieldState link = inheritance.parentLink(parent);
      inheritance.checkChild(type, parent, link, fields, declarations);
      Map<String, FieldState> withLink = new LinkedHashMap<>();
      withLink.put(link.name(), link);
      withLink.putAll(fields);
      fields = withLink;
    } else if (!hasPrimaryKey(fields.values())) {
      if (declarations.containsKey("id")) {
        // It would silently replace the implicit key.
        ModelDeclaration.FieldDeclaration id = declarations.get("id");
        reporter.report(Problem.ID_NOT_PRIMARY_KEY, id.element(), id.mirror(), null, name);
      }
      Map<String, FieldState> withId = new LinkedHashMap<>();
      withId.put("id", FieldState.autoId(app.defaultAutoField()));
      withId.putAll(fields);
      fields = withId;
    }
    generated.check(app, name, fields, declarations);
    ModelState state =
        new ModelState(
            app.label(), name, fields, List.of(), List.of(), table, comment, managed, bases, proxy);
    Set<String> backends = backends(app);
    if (!proxy) {
      state =
          state
              .withIndexes(indexes(type, state, backends))
              .withConstraints(constraints(type, state, backends));
    }
    Map<String, Inheritance.Orderable> inherited =
        parent == null ? Map.of() : inheritance.inheritedOrdering(parent);
    state = state.withOptions(ormOptions.model(type, model, state, inherited));
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

  static AnnotationMirror columnAnnotation(Element e) {
    for (String annotation :
        List.of(FIELD, FOREIGN_KEY, ONE_TO_ONE, MANY_TO_MANY, GENERATED_FIELD)) {
      AnnotationMirror mirror = Mirrors.find(e, annotation);
      if (mirror != null) {
        return mirror;
      }
    }
    return null;
  }

  private List<IndexState> indexes(TypeElement type, ModelState model, Set<String> backends) {
    List<IndexState> result = new ArrayList<>();
    for (AnnotationMirror index : repeated(type, INDEX)) {
      IndexDetails.Keys keys = details.keys(type, index, "Index", model);
      if (keys == null) {
        continue;
      }
      String name = emptyToNull(string(index, "name"));
      String indexType = IndexDetails.indexType(index);
      if (!details.check(type, index, "Index", model, keys, name != null, indexType)) {
        continue;
      }
      if (name == null) {
        // Django's set_name_with_model takes the index class's suffix (GinIndex: "gin").
        String suffix = indexType == null ? "idx" : indexType.toLowerCase(Locale.ROOT);
        name = Names.indexName(model.tableName(), columns(model, keys.fields()), suffix);
        if (name.length() > 30) {
          // Django's set_name_with_model refuses it: suffixes over 3 characters ("spgist").
          reporter.report(
              Problem.INDEX_DETAIL_WITHOUT_NAME,
              type,
              index,
              Mirrors.value(index, "type"),
              "Index",
              model.name(),
              "type = " + indexType + " (its generated name " + name + " is over 30 characters)");
          continue;
        }
      } else if (!checks.name("index", name, true, type, index, Mirrors.value(index, "name"))) {
        continue;
      }
      details.warn(type, index, "Index", name, model, keys, indexType, backends);
      result.add(
          new IndexState(
              name,
              keys.fields(),
              bool(index, "unique"),
              emptyToNull(string(index, "condition")),
              keys.expressions(),
              strings(index, "opclasses"),
              keys.include(),
              indexType));
    }
    return result;
  }

  private List<ConstraintState> constraints(
      TypeElement type, ModelState model, Set<String> backends) {
    List<ConstraintState> result = new ArrayList<>();
    for (AnnotationMirror unique : repeated(type, UNIQUE)) {
      IndexDetails.Keys keys = details.keys(type, unique, "Unique", model);
      if (keys == null) {
        continue;
      }
      String name = emptyToNull(string(unique, "name"));
      if (!details.check(type, unique, "Unique", model, keys, name != null, null)) {
        continue;
      }
      if (name == null) {
        // Named as Django names a unique_together, so a database Django created matches.
        name = Names.uniqueTogetherName(model.tableName(), columns(model, keys.fields()));
      } else if (!checks.name(
          "constraint", name, true, type, unique, Mirrors.value(unique, "name"))) {
        continue;
      }
      details.warn(type, unique, "Unique", name, model, keys, null, backends);
      result.add(
          new ConstraintState(
              name,
              keys.fields(),
              emptyToNull(string(unique, "condition")),
              null,
              keys.expressions(),
              keys.include(),
              strings(unique, "opclasses"),
              bool(unique, "nullsDistinct"),
              IndexDetails.deferrable(unique),
              emptyToNull(string(unique, "violationErrorMessage")),
              emptyToNull(string(unique, "violationErrorCode"))));
    }
    for (AnnotationMirror check : repeated(type, CHECK)) {
      if (!checks.name(
          "constraint", string(check, "name"), true, type, check, Mirrors.value(check, "name"))) {
        continue;
      }
      result.add(
          new ConstraintState(
              string(check, "name"),
              List.of(),
              null,
              string(check, "condition"),
              List.of(),
              List.of(),
              List.of(),
              true,
              null,
              emptyToNull(string(check, "violationErrorMessage")),
              emptyToNull(string(check, "violationErrorCode"))));
    }
    return result;
  }

  /** The app's {@code @App(backends)}: the backends warnings about missing features name. */
  private Set<String> backends(AppInfo app) {
    PackageElement pkg = elements.getPackageElement(app.packageName());
    AnnotationMirror mirror = pkg == null ? null : Mirrors.find(pkg, PKG + "App");
    return new TreeSet<>(strings(mirror, "backends"));
  }

  private static boolean hasPrimaryKey(Collection<FieldState> fields) {
    for (FieldState f : fields) {
      if (f.primaryKey()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> columns(ModelState model, List<String> fields) {
    return fields.stream().map(model::columnOf).toList();
  }
}
