package dev.migrata.internal.migration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Migration numbers and class names, as the processor's namer derives them (Django's rules). */
public final class MigrationNames {
  private static final Pattern SQUASHED = Pattern.compile(".*_squashed_(\\d+)");
  private static final Pattern LEADING = Pattern.compile("^(\\d+)");

  private MigrationNames() {}

  /** The migration class: {@code M} + name, a valid Java identifier. */
  public static String className(String migrationName) {
    return "M" + migrationName.replaceAll("[^A-Za-z0-9_$]", "_");
  }

  /** Django's {@code parse_number}: the number a name continues from, or {@code null}. */
  public static Integer parseNumber(String name) {
    Matcher squashed = SQUASHED.matcher(name);
    if (squashed.lookingAt()) {
      return Integer.valueOf(squashed.group(1));
    }
    Matcher leading = LEADING.matcher(name);
    if (leading.find()) {
      return Integer.valueOf(leading.group(1));
    }
    return null;
  }
}
