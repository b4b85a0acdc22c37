package dev.migrata.processor;

import dev.migrata.internal.state.FieldType;
import java.util.Map;

/**
 * The default auto field (Django's {@code DEFAULT_AUTO_FIELD} and {@code
 * AppConfig.default_auto_field}): the type of implicit {@code id}s and of automatic many-to-many
 * join tables' ids, from {@code @App(defaultAutoField)}, else {@code -Amigrata.defaultAutoField},
 * else {@code BigAutoField}.
 */
final class AutoFields {
  static final String OPTION = "migrata.defaultAutoField";
  static final String DEFAULT = FieldType.BIG_AUTO.djangoName();

  private AutoFields() {}

  static boolean isKnown(String name) {
    FieldType type = FieldType.byName(name);
    return type != null && type.isAuto();
  }

  /** The project's default from the compiler options; an unknown value is reported. */
  static String project(Map<String, String> options, Reporter reporter) {
    String value = options.get(OPTION);
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    if (!isKnown(value.trim())) {
      reporter.report(
          Problem.DEFAULT_AUTO_FIELD_UNKNOWN, null, value.trim(), "the option -A" + OPTION);
      return DEFAULT;
    }
    return value.trim();
  }
}
