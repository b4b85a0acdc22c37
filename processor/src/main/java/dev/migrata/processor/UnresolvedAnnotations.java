package dev.migrata.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Annotations javac could not resolve on a model or its members (a missing import of
 * {@code @JoinColumn}, say). javac leaves them out of the element's annotation mirrors altogether,
 * so an entity would read as if they were not there (an implicit column name, type or nullability)
 * and the compile, which fails anyway, would write that wrong migration into the source tree. Only
 * the source tree shows them: javac's {@link Trees}; without it (ecj) nothing is found.
 */
final class UnresolvedAnnotations {
  private final ProcessingEnvironment env;
  private Trees trees;
  private boolean treesUnavailable;

  UnresolvedAnnotations(ProcessingEnvironment env) {
    this.env = env;
  }

  /** The first unresolved annotation on a model of the package, described, or null. */
  String in(PackageElement pkg) {
    Trees t = trees();
    if (pkg == null || t == null) {
      return null;
    }
    for (Element e : pkg.getEnclosedElements()) {
      if (!(e instanceof TypeElement type) || !ModelReader.isModel(type)) {
        continue;
      }
      TreePath path = t.getPath(type);
      if (path == null || !(path.getLeaf() instanceof ClassTree cls)) {
        continue; // From a class file: it compiled, so its annotations resolved.
      }
      String found = in(t, path, cls.getModifiers(), type.getSimpleName().toString());
      for (Tree member : cls.getMembers()) {
        if (found != null) {
          break;
        }
        TreePath memberPath = new TreePath(path, member);
        if (member instanceof VariableTree v) {
          found = in(t, memberPath, v.getModifiers(), type.getSimpleName() + "." + v.getName());
        } else if (member instanceof MethodTree m) {
          found = in(t, memberPath, m.getModifiers(), type.getSimpleName() + "." + m.getName());
        }
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String in(Trees t, TreePath owner, ModifiersTree modifiers, String where) {
    TreePath path = new TreePath(owner, modifiers);
    for (AnnotationTree a : modifiers.getAnnotations()) {
      TreePath annotation = new TreePath(path, a);
      TypeMirror type = t.getTypeMirror(new TreePath(annotation, a.getAnnotationType()));
      if (type != null && type.getKind() == TypeKind.ERROR) {
        return "the annotation @" + a.getAnnotationType() + " on " + where;
      }
    }
    return null;
  }

  private Trees trees() {
    if (trees == null && !treesUnavailable) {
      try {
        trees = Trees.instance(env);
      } catch (Throwable ex) {
        treesUnavailable = true; // Not javac, or a wrapped environment (some IDEs).
      }
    }
    return trees;
  }
}
