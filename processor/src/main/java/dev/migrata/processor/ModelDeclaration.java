package dev.migrata.processor;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A {@code @Model} class as read: its state plus what the autodetector needs to answer Django's
 * questions (declared renames) and to put a diagnostic on the right element.
 *
 * @param renamedFrom the old class name, or null
 * @param fields the declaration of each field, by Java name
 */
record ModelDeclaration(
    AppInfo app,
    ModelState state,
    TypeElement element,
    AnnotationMirror modelMirror,
    String renamedFrom,
    Map<String, FieldDeclaration> fields) {

  /**
   * The model an attribute of {@code owner} has of its own (a JPA join table, an element
   * collection): named after the owner and the attribute ({@code Book} and {@code tags}: {@code
   * BookTags}), each of its fields declared by the attribute under {@code mirror}.
   */
  static ModelDeclaration ofAttribute(
      AppInfo app,
      TypeElement owner,
      VariableElement attribute,
      AnnotationMirror mirror,
      Map<String, FieldState> fields,
      String table) {
    String name = attribute.getSimpleName().toString();
    String modelName =
        owner.getSimpleName() + (Character.toUpperCase(name.charAt(0)) + name.substring(1));
    ModelState state =
        new ModelState(app.label(), modelName, fields, List.of(), List.of(), table, null, true);
    Map<String, FieldDeclaration> declarations = new LinkedHashMap<>();
    for (String f : fields.keySet()) {
      declarations.put(f, new FieldDeclaration(attribute, mirror, null));
    }
    return new ModelDeclaration(app, state, owner, mirror, null, declarations);
  }

  /**
   * Where a field is declared.
   *
   * @param mirror the annotation that made it a column ({@code @Field}, {@code @ForeignKey}, ...)
   * @param renamedFrom the old Java name, or null
   */
  record FieldDeclaration(VariableElement element, AnnotationMirror mirror, String renamedFrom) {}
}
