package dev.migrata.processor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;

/**
 * The source file an element was parsed from, for compilers without javac's {@code Trees}
 * (Eclipse's ecj, which Eclipse and VS Code build with). Two routes, the standard one first:
 *
 * <ul>
 *   <li>{@code Elements.getFileObjectOf(Element)} (Java 18; ecj implements it on any JDK), looked
 *       up at run time because Migrata targets Java 17. A method handle, not {@code
 *       Class.getMethod}: reflection resolves every method of ecj's class, and on Java 17 some of
 *       their signatures name types that JDK lacks.
 *   <li>On Java 17, ecj's implementation of that method fails for a type (it calls {@code
 *       Elements.getOutermostTypeElement}, a Java 18 method), so for ecj the element's binding is
 *       asked for its file name: {@code ElementImpl._binding.getFileName()}, public members of
 *       ecj's compiler that have kept their names since ecj 3.3.
 * </ul>
 *
 * Each route answers only for a {@code .java} file (a class read from a class file or a jar has
 * none) and answers null, never throws, when it cannot tell.
 */
final class CompiledFrom {
  private final Elements elements;
  private MethodHandle fileObjectOf;
  private boolean fileObjectOfUnavailable;

  CompiledFrom(Elements elements) {
    this.elements = elements;
  }

  /** The source file's URI, or null. */
  URI sourceUri(Element e) {
    URI uri = fromFileObject(e);
    return uri != null ? uri : fromEcjBinding(e);
  }

  private URI fromFileObject(Element e) {
    MethodHandle handle = fileObjectOf();
    if (handle == null) {
      return null;
    }
    try {
      Object file = handle.invoke(elements, e);
      if (file instanceof JavaFileObject source && source.getKind() == JavaFileObject.Kind.SOURCE) {
        return source.toUri();
      }
    } catch (Throwable ex) {
      // ecj on Java 17 (see the class comment), or a compiler that cannot tell for e.
    }
    return null;
  }

  private MethodHandle fileObjectOf() {
    if (fileObjectOf == null && !fileObjectOfUnavailable) {
      try {
        fileObjectOf =
            MethodHandles.publicLookup()
                .findVirtual(
                    elements.getClass(),
                    "getFileObjectOf",
                    MethodType.methodType(JavaFileObject.class, Element.class));
      } catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
        fileObjectOfUnavailable = true; // javac 17 and older: Trees answers there.
      }
    }
    return fileObjectOf;
  }

  private static URI fromEcjBinding(Element e) {
    if (!e.getClass().getName().startsWith("org.eclipse.jdt.")) {
      return null;
    }
    try {
      Object binding = e.getClass().getField("_binding").get(e);
      MethodHandle fileName =
          MethodHandles.publicLookup()
              .findVirtual(binding.getClass(), "getFileName", MethodType.methodType(char[].class));
      char[] name = (char[]) fileName.invoke(binding);
      // An in-memory source (JSR-199) has a name too, but no file: only a real file counts, or
      // the package path would be stripped from a made-up one.
      Path file = name == null ? null : Paths.get(new String(name)).toAbsolutePath();
      if (file != null && file.toString().endsWith(".java") && Files.isRegularFile(file)) {
        return file.toUri();
      }
    } catch (Throwable ex) {
      // Another ecj layout, or a binding without a file (a package without package-info).
    }
    return null;
  }
}
