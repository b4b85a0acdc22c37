package dev.migrata.fields;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** Calls the static methods that callable defaults name ({@code com.example.Clock::now}). */
public final class DefaultMethods {
  private DefaultMethods() {}

  /**
   * One value of the method, as the literal a default is written as ({@code toString()}).
   *
   * @throws IllegalStateException naming the method when it cannot be called
   */
  public static String call(String reference) {
    int sep = reference.indexOf("::");
    if (sep < 0) {
      throw new IllegalStateException(
          "The default method '" + reference + "' must be written Class::method.");
    }
    String className = reference.substring(0, sep);
    String methodName = reference.substring(sep + 2);
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type =
          Class.forName(
              className, true, loader != null ? loader : DefaultMethods.class.getClassLoader());
      Method method = type.getMethod(methodName);
      if (!Modifier.isStatic(method.getModifiers())) {
        throw new IllegalStateException("The default method " + reference + " is not static.");
      }
      Object value = method.invoke(null);
      return value == null ? null : value.toString();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          "The default method " + reference + " cannot be called: " + e + ".");
    }
  }
}
