package dev.migrata.processor;

import java.util.Locale;

/**
 * How JPA entity names become table and column names ({@code -Amigrata.jpa.naming}): Spring Boot's
 * default ({@code CamelCaseToUnderscoresNamingStrategy} over {@code SpringImplicitNamingStrategy})
 * or Hibernate's own default (JPA-compliant implicit names, physical names as written).
 */
enum JpaNaming {
  SPRING,
  JPA;

  static final String OPTION = "migrata.jpa.naming";

  /** The strategy named by the option's value (default {@code spring}), or null if unknown. */
  static JpaNaming of(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("spring")) {
      return SPRING;
    }
    return value.equalsIgnoreCase("jpa") ? JPA : null;
  }

  /**
   * The physical name of a logical one. Spring's strategy applies to explicit names too, exactly as
   * Hibernate calls the physical strategy for every identifier.
   */
  String physical(String logical) {
    if (this == JPA) {
      return logical;
    }
    StringBuilder b = new StringBuilder(logical.replace('.', '_'));
    for (int i = 1; i < b.length() - 1; i++) {
      if (underscoreRequired(b.charAt(i - 1), b.charAt(i), b.charAt(i + 1))) {
        b.insert(i++, '_');
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The logical name of a join table: JPA says owner table + "_" + target table; Spring's implicit
   * strategy says owner table + "_" + the attribute.
   */
  String joinTable(String ownerTable, String targetTable, String attribute) {
    return physical(ownerTable + "_" + (this == SPRING ? attribute : targetTable));
  }

  private static boolean underscoreRequired(char before, char current, char after) {
    return (Character.isLowerCase(before) || Character.isDigit(before))
        && Character.isUpperCase(current)
        && (Character.isLowerCase(after) || Character.isDigit(after));
  }
}
