package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.repeated;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Django's model inheritance, read from the class hierarchy: a {@code @Model} whose superclass
 * chain reaches another {@code @Model} is a multi-table child (its table holds only its own fields,
 * keyed by the auto-created {@code <parent>_ptr} one-to-one to the parent's row) or, with {@code
 * proxy = true}, a proxy model (state only). Non-model superclasses stay Django's abstract bases:
 * their fields belong to the first {@code @Model} below them.
 */
final class Inheritance {
  private final Elements elements;
  private final AppResolver apps;
  private final Reporter reporter;

  Inheritance(Elements elements, AppResolver apps, Reporter reporter) {
    this.elements = elements;
    this.apps = apps;
    this.reporter = reporter;
  }

  /** The nearest {@code @Model} superclass of {@code type}, or null. */
  static TypeElement parent(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      if (ModelReader.isModel(parent)) {
        return parent;
      }
      superclass = parent.getSuperclass();
    }
    return null;
  }

  /** Django's base reference of a model class: {@code app.model}, lowercased. */
  String reference(TypeElement model) {
    AppInfo app = apps.forPackage(elements.getPackageOf(model));
    return app.label() + "." + model.getSimpleName().toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The parent link Django auto-creates for a multi-table child: {@code <parent>_ptr}, a one-to-one
   * primary key to the parent, deleted with it.
   */
  FieldState parentLink(TypeElement parent) {
    // Django links a child of a proxy to the proxy's concrete model (the one with the table).
    TypeElement concrete = parent;
    while (bool(Mirrors.find(concrete, ModelReader.MODEL), "proxy") && parent(concrete) != null) {
      concrete = parent(concrete);
    }
    String name = concrete.getSimpleName().toString().toLowerCase(Locale.ROOT) + "_ptr";
    return FieldState.builder(name, FieldType.ONE_TO_ONE.djangoName())
        .primaryKey(true)
        .to(reference(concrete))
        .onDelete("CASCADE")
        .parentLink(true)
        .build();
  }

  /**
   * Checks a proxy model: a concrete parent, no fields, no table options, indexes or constraints.
   * False when it is not a valid proxy.
   */
  boolean checkProxy(
      TypeElement type,
      AnnotationMirror model,
      TypeElement parent,
      Map<String, ModelDeclaration.FieldDeclaration> fields) {
    String name = type.getSimpleName().toString();
    if (parent == null) {
      reporter.report(
          Problem.PROXY_WITHOUT_CONCRETE_PARENT,
          type,
          model,
          Mirrors.value(model, "proxy"),
          name,
          name);
      return false;
    }
    boolean ok = true;
    for (ModelDeclaration.FieldDeclaration f : fields.values()) {
      String owner = f.element().getEnclosingElement().getSimpleName().toString();
      reporter.report(
          Problem.PROXY_WITH_FIELDS,
          f.element(),
          f.mirror(),
          null,
          name,
          f.element().getSimpleName(),
          owner.equals(name) ? parent.getSimpleName() : owner,
          name);
      ok = false;
    }
    String parentName = parent.getSimpleName().toString();
    for (String option : List.of("table", "comment")) {
      if (Mirrors.value(model, option) != null) {
        reporter.report(
            Problem.PROXY_WITH_TABLE_OPTION,
            type,
            model,
            Mirrors.value(model, option),
            name,
            "@Model(" + option + ")",
            parentName,
            name,
            parentName);
        ok = false;
      }
    }
    if (Mirrors.value(model, "managed") != null && !bool(model, "managed")) {
      reporter.report(
          Problem.PROXY_WITH_TABLE_OPTION,
          type,
          model,
          Mirrors.value(model, "managed"),
          name,
          "managed = false",
          parentName,
          name,
          parentName);
      ok = false;
    }
    for (String annotation : List.of(ModelReader.INDEX, ModelReader.UNIQUE, ModelReader.CHECK)) {
      List<AnnotationMirror> found = repeated(type, annotation);
      if (!found.isEmpty()) {
        String simple = "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
        reporter.report(
            Problem.PROXY_WITH_TABLE_OPTION,
            type,
            found.get(0),
            null,
            name,
            simple,
            parentName,
            name,
            parentName);
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Checks the own fields of a multi-table child: no primary key of its own (the parent link is the
   * key) and no name a parent's field already has (Django's models.E006). False on an error.
   */
  boolean checkChild(
      TypeElement type,
      TypeElement parent,
      FieldState link,
      Map<String, FieldState> fields,
      Map<String, ModelDeclaration.FieldDeclaration> declarations) {
    String name = type.getSimpleName().toString();
    String parentName = parent.getSimpleName().toString();
    Map<String, TypeElement> inherited = inheritedFields(parent);
    boolean ok = true;
    for (Map.Entry<String, ModelDeclaration.FieldDeclaration> e : declarations.entrySet()) {
      FieldState f = fields.get(e.getKey());
      ModelDeclaration.FieldDeclaration d = e.getValue();
      if (f != null && f.primaryKey()) {
        reporter.report(
            Problem.CHILD_WITH_PRIMARY_KEY,
            d.element(),
            d.mirror(),
            Mirrors.value(d.mirror(), "primaryKey"),
            f.name(),
            name,
            name,
            parentName,
            link.name(),
            name,
            parentName);
        ok = false;
      }
      TypeElement owner = inherited.get(e.getKey());
      if (owner != null) {
        reporter.report(
            Problem.FIELD_CLASHES_WITH_PARENT,
            d.element(),
            d.mirror(),
            null,
            e.getKey(),
            name,
            e.getKey(),
            reference(owner),
            name,
            name);
        ok = false;
      }
    }
    if (inherited.containsKey(link.name())) {
      TypeElement owner = inherited.get(link.name());
      reporter.report(
          Problem.FIELD_CLASHES_WITH_PARENT,
          type,
          Mirrors.find(type, ModelReader.MODEL),
          null,
          link.name(),
          name,
          link.name(),
          reference(owner),
          name,
          parentName);
      ok = false;
    }
    return ok;
  }

  /** How a name a child or proxy inherits may appear in its {@code ordering}. */
  enum Orderable {
    /** A plain field, or a relation's {@code _id} attname: ordered by itself, no lookups. */
    PLAIN,
    /** A foreign key or one-to-one (a parent link too): by itself or with a lookup after it. */
    RELATION,
    /** A many-to-many: only with a lookup after it. */
    MANY
  }

  /**
   * The names Django's {@code _check_ordering} finds on a child or proxy of {@code parent} through
   * its ancestors ({@code _meta.fields} holds the parents' fields): every ancestor's column fields,
   * a relation's {@code _id} attname, the links of multi-table ancestors, and the root's implicit
   * {@code id}.
   */
  Map<String, Orderable> inheritedOrdering(TypeElement parent) {
    Map<String, Orderable> result = new LinkedHashMap<>();
    boolean declaredKey = false;
    TypeElement t = parent;
    while (t != null && !t.getQualifiedName().contentEquals("java.lang.Object")) {
      for (Element e : t.getEnclosedElements()) {
        AnnotationMirror column =
            e.getKind() == ElementKind.FIELD ? ModelReader.columnAnnotation(e) : null;
        if (column == null) {
          continue;
        }
        String name = e.getSimpleName().toString();
        String annotation =
            ((TypeElement) column.getAnnotationType().asElement()).getQualifiedName().toString();
        if (annotation.equals(ModelReader.MANY_TO_MANY)) {
          result.putIfAbsent(name, Orderable.MANY);
        } else if (annotation.equals(ModelReader.FOREIGN_KEY)
            || annotation.equals(ModelReader.ONE_TO_ONE)) {
          result.putIfAbsent(name, Orderable.RELATION);
          result.putIfAbsent(name + "_id", Orderable.PLAIN);
        } else {
          result.putIfAbsent(name, Orderable.PLAIN);
        }
        declaredKey |= bool(column, "primaryKey");
      }
      TypeElement above = ModelReader.isModel(t) ? parent(t) : null;
      AnnotationMirror model = Mirrors.find(t, ModelReader.MODEL);
      if (above != null && model != null && !bool(model, "proxy")) {
        String link = parentLink(above).name();
        result.putIfAbsent(link, Orderable.RELATION);
        result.putIfAbsent(link + "_id", Orderable.PLAIN);
      }
      TypeMirror superclass = t.getSuperclass();
      t =
          superclass.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) superclass).asElement()
              : null;
    }
    if (!declaredKey) {
      result.putIfAbsent("id", Orderable.PLAIN);
    }
    return result;
  }

  /**
   * The column fields of every {@code @Model} ancestor, with the model that holds each (the fields
   * of non-model classes between two models belong to the lower model), and the implicit {@code id}
   * of the root model when no ancestor declares a primary key.
   */
  private static Map<String, TypeElement> inheritedFields(TypeElement parent) {
    Map<String, TypeElement> result = new LinkedHashMap<>();
    TypeElement holder = parent;
    TypeElement root = parent;
    boolean declaredKey = false;
    TypeElement t = parent;
    while (t != null && !t.getQualifiedName().contentEquals("java.lang.Object")) {
      if (ModelReader.isModel(t)) {
        holder = t;
        root = t;
      }
      for (Element e : t.getEnclosedElements()) {
        AnnotationMirror column =
            e.getKind() == ElementKind.FIELD ? ModelReader.columnAnnotation(e) : null;
        if (column != null) {
          result.putIfAbsent(e.getSimpleName().toString(), holder);
          declaredKey |= bool(column, "primaryKey");
        }
      }
      TypeMirror superclass = t.getSuperclass();
      t =
          superclass.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) superclass).asElement()
              : null;
    }
    if (!declaredKey) {
      result.putIfAbsent("id", root);
    }
    return result;
  }
}
