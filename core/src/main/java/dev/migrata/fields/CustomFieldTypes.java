package dev.migrata.fields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the custom field types migrations name, once per class. */
public final class CustomFieldTypes {
  private static final Map<String, CustomFieldType> LOADED = new ConcurrentHashMap<>();

  private CustomFieldTypes() {}

  /**
   * The custom field type named {@code className}.
   *
   * @throws IllegalStateException naming the class and what to do when it cannot be used
   */
  public static CustomFieldType load(String className) {
    CustomFieldType known = LOADED.get(className);
    if (known != null) {
      return known;
    }
    Class<?> type;
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      type = Class.forName(className, true, loader != null ? loader : CustomFieldTypes.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "The custom field type " + className + " named by a migration is not on the classpath."
              + " Keep the class for as long as a migration names it.");
    }
    if (!CustomFieldType.class.isAssignableFrom(type)) {
      throw new IllegalStateException(
          "The field type " + className + " does not implement " + CustomFieldType.class.getName()
              + ".");
    }
    try {
      CustomFieldType created = (CustomFieldType) type.getDeclaredConstructor().newInstance();
      LOADED.put(className, created);
      return created;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "The custom field type " + className + " needs a public no-argument constructor.");
    }
  }

  /** {@code key=value} arguments as a map, in order; a bare {@code key} maps to {@code ""}. */
  public static Map<String, String> arguments(List<String> args) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        map.put(arg, "");
      } else {
        map.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
    }
    return map;
  }
}
