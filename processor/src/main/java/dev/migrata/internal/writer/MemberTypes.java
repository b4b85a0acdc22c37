package dev.migrata.internal.writer;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which migration annotation members are enums, read from the annotations themselves, so a new
 * enum-typed member is written as {@code OnDelete.CASCADE} (checked by the compiler) without a
 * change here. {@code Op.kind} and {@code Op.scope} are static imports and handled apart.
 */
final class MemberTypes {
  private static final Map<String, ClassName> ENUMS = new ConcurrentHashMap<>();
  private static final ClassName NONE = ClassName.get("", "None");

  private MemberTypes() {}

  /** The enum type of {@code owner.key()}, or {@code null} when it is not an enum. */
  static ClassName enumType(String owner, String key) {
    ClassName type = ENUMS.computeIfAbsent(owner + "." + key, k -> lookUp(owner, key));
    return type == NONE ? null : type;
  }

  private static ClassName lookUp(String owner, String key) {
    try {
      Class<?> annotation =
          Class.forName(
              MigrationWriter.ANNOTATIONS + "." + owner, false, MemberTypes.class.getClassLoader());
      Method member = annotation.getMethod(key);
      Class<?> type = member.getReturnType();
      return type.isEnum() ? ClassName.get(type) : NONE;
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return NONE;
    }
  }
}
