package dev.migrata.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@code -A} options of SPEC section 3, read once. */
record Options(
    boolean check,
    boolean dryRun,
    boolean merge,
    String sourceRoot,
    String name,
    Set<String> confirmRemove,
    boolean strictSafety,
    boolean zeroDowntime,
    boolean replayCache) {
  static final String CHECK = "migrata.check";
  static final String DRY_RUN = "migrata.dryRun";
  static final String MERGE = "migrata.merge";
  static final String SOURCE_ROOT = "migrata.sourceRoot";
  static final String NAME = "migrata.name";
  static final String CONFIRM_REMOVE = "migrata.confirmRemove";
  static final String SAFETY = "migrata.safety";
  static final String ZERO_DOWNTIME = "migrata.zeroDowntime";
  static final String REPLAY_CACHE = "migrata.replayCache";

  /** The values of {@link #SAFETY}: the lint warns (the default) or fails the compile. */
  static final List<String> SAFETY_LEVELS = List.of("warn", "strict");

  static final Set<String> ALL =
      Set.of(
          CHECK,
          DRY_RUN,
          MERGE,
          SOURCE_ROOT,
          NAME,
          CONFIRM_REMOVE,
          AutoFields.OPTION,
          SAFETY,
          ZERO_DOWNTIME,
          JpaNaming.OPTION,
          REPLAY_CACHE);

  static Options from(Map<String, String> options) {
    return new Options(
        flag(options, CHECK),
        flag(options, DRY_RUN),
        flag(options, MERGE),
        blankToNull(options.get(SOURCE_ROOT)),
        blankToNull(options.get(NAME)),
        list(options.get(CONFIRM_REMOVE)),
        "strict".equalsIgnoreCase(String.valueOf(options.get(SAFETY)).trim()),
        flag(options, ZERO_DOWNTIME),
        !"false".equalsIgnoreCase(String.valueOf(options.get(REPLAY_CACHE)).trim()));
  }

  /**
   * The value of {@link #SAFETY} when it is none of {@link #SAFETY_LEVELS} (nor empty), or null.
   */
  static String invalidSafety(Map<String, String> options) {
    String value = options.get(SAFETY);
    if (value == null
        || value.isBlank()
        || SAFETY_LEVELS.contains(value.trim().toLowerCase(Locale.ROOT))) {
      return null;
    }
    return value;
  }

  /**
   * The switches whose value is neither true nor false (nor empty), in a fixed order: {@code
   * ${migrata.check}} when the pom passes a property it does not define, a typo like {@code ture}.
   * Read as off, they would silently turn CI's check off.
   */
  static List<String> invalidFlags(Map<String, String> options) {
    List<String> invalid = new ArrayList<>();
    for (String name : List.of(CHECK, DRY_RUN, MERGE, ZERO_DOWNTIME, REPLAY_CACHE)) {
      String value = options.get(name);
      if (value != null
          && !value.isBlank()
          && !value.trim().equalsIgnoreCase("true")
          && !value.trim().equalsIgnoreCase("false")) {
        invalid.add(name);
      }
    }
    return invalid;
  }

  /** Whether migrations may be written (neither check nor dry run). */
  boolean writes() {
    return !check && !dryRun;
  }

  /**
   * Only {@code true} turns an option on. javac passes no value for both {@code -Amigrata.check}
   * and {@code -Amigrata.check=}, and the second is what the pom pattern {@code
   * -Amigrata.check=${migrata.check}} gives for an empty property: that must leave it off.
   */
  private static boolean flag(Map<String, String> options, String name) {
    String value = options.get(name);
    return value != null && value.trim().equalsIgnoreCase("true");
  }

  // Comma-separated app.model[.field] names; Django's labels are case-insensitive, so lowercased.
  private static Set<String> list(String value) {
    Set<String> names = new TreeSet<>();
    if (value != null) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          names.add(name.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return Set.copyOf(names);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
