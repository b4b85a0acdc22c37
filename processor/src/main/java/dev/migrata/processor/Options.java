package dev.migrata.processor;

import java.util.Map;
import java.util.Set;

/** The {@code -A} options of SPEC section 3, read once. */
record Options(boolean check, boolean dryRun, boolean merge, String sourceRoot, String name) {
  static final String CHECK = "migrata.check";
  static final String DRY_RUN = "migrata.dryRun";
  static final String MERGE = "migrata.merge";
  static final String SOURCE_ROOT = "migrata.sourceRoot";
  static final String NAME = "migrata.name";

  static final Set<String> ALL = Set.of(CHECK, DRY_RUN, MERGE, SOURCE_ROOT, NAME);

  static Options from(Map<String, String> options) {
    return new Options(
        flag(options.get(CHECK)),
        flag(options.get(DRY_RUN)),
        flag(options.get(MERGE)),
        blankToNull(options.get(SOURCE_ROOT)),
        blankToNull(options.get(NAME)));
  }

  /** Whether migrations may be written (neither check nor dry run). */
  boolean writes() {
    return !check && !dryRun;
  }

  // "-Amigrata.check" alone (javac passes null) means true, as a command-line flag would.
  private static boolean flag(String value) {
    return value != null && (value.isEmpty() || value.equalsIgnoreCase("true"));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
