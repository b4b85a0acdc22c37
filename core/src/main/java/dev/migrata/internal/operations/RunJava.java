package dev.migrata.internal.operations;

import dev.migrata.data.HistoricalModels;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Django's RunPython: a static method {@code (HistoricalModels apps, SchemaEditor editor)} of the
 * migration class (or of {@code javaClass}), with an optional reverse. The class is loaded only
 * when the operation runs, so an up-to-date database never loads a migration class.
 *
 * @param reverseMethod {@code null} when irreversible
 * @param javaClass the declaring class's binary name, {@code null} for the migration class
 */
public record RunJava(String method, String reverseMethod, String javaClass, boolean elidable)
    implements Operation {

  @Override
  public void stateForwards(String app, ProjectState state) {}

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    invoke(method, app, editor, from);
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    if (reverseMethod == null) {
      throw new UnsupportedOperationException("Raw Java operation is not reversible");
    }
    invoke(reverseMethod, app, editor, from);
  }

  private void invoke(String name, String app, SchemaEditor editor, ProjectState state) {
    ExecutionContext context = editor.context();
    if (javaClass == null && context.migrationClass() == null) {
      throw new IllegalStateException("RunJava " + name + " can only run inside a migration.");
    }
    String className = javaClass != null ? javaClass : context.migrationClass();
    Method target = find(className, name, context.classLoader());
    try {
      target.invoke(null, new HistoricalModels(app, state, context), editor);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(className + "." + name + " failed: " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot call " + className + "." + name + ": " + e, e);
    }
  }

  /** The static method, or an error saying what to declare. */
  static Method find(String className, String name, ClassLoader loader) {
    Class<?> cls;
    try {
      cls = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "RunJava needs the class " + className + ", which is not on the classpath.");
    }
    try {
      Method m = cls.getDeclaredMethod(name, HistoricalModels.class, SchemaEditor.class);
      if (!Modifier.isStatic(m.getModifiers())) {
        throw new NoSuchMethodException();
      }
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "RunJava needs " + className + "." + name + " declared as static void " + name
              + "(HistoricalModels apps, SchemaEditor editor).");
    }
  }

  /** The same operation with its methods looked up in {@code className} (squashing). */
  public RunJava inClass(String className) {
    return new RunJava(method, reverseMethod, className, elidable);
  }

  @Override
  public boolean reversible() {
    return reverseMethod != null;
  }

  @Override
  public boolean reducesToSql() {
    return false;
  }

  @Override
  public String describe() {
    return "Raw Java operation";
  }

  @Override
  public String nameFragment() {
    return null;
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.RUN_JAVA.form()
        .put("method", method)
        .string("reverseMethod", reverseMethod)
        .bool("elidable", elidable, false)
        .string("javaClass", javaClass)
        .build();
  }
}
