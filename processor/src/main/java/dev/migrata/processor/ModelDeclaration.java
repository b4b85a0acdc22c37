package dev.migrata.processor;

import dev.migrata.internal.state.ModelState;
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
   * Where a field is declared.
   *
   * @param mirror the annotation that made it a column ({@code @Field}, {@code @ForeignKey}, ...)
   * @param renamedFrom the old Java name, or null
   */
  record FieldDeclaration(VariableElement element, AnnotationMirror mirror, String renamedFrom) {}
}
