package dev.migrata.internal.migration;

import dev.migrata.internal.operations.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every migration name and class name Migrata makes, in one place (Django's {@code
 * arrange_for_graph}, {@code parse_number}, {@code suggest_name}, and the names of {@code
 * makemigrations --merge/--empty} and {@code squashmigrations}), for the processor and the CLI
 * alike. No timestamps (where Django uses one), so the same inputs always give the same name.
 */
public final class MigrationNames {
  private static final Pattern SQUASHED = Pattern.compile(".*_squashed_(\\d+)");
  private static final Pattern LEADING = Pattern.compile("^(\\d+)");

  /** Django cuts suggested names here; explicit ones too, to keep file names short. */
  private static final int MAX_SUFFIX = 100;

  private MigrationNames() {}

  /** The migration class: {@code M} + name, a valid Java identifier. */
  public static String className(String migrationName) {
    return "M" + migrationName.replaceAll("[^A-Za-z0-9_$]", "_");
  }

  /**
   * The name of a new migration after {@code leaves} (an app's leaf, every leaf for a merge, none
   * for an app's first migration): the highest of their numbers plus one, then {@code explicit}, or
   * {@code initial} for a first or initial migration, or the operations' name fragments.
   */
  public static String next(
      Collection<String> leaves, String explicit, boolean initial, List<Operation> operations) {
    int number = 0;
    for (String leaf : leaves) {
      Integer parsed = parseNumber(leaf);
      number = Math.max(number, parsed == null ? 0 : parsed);
    }
    String suffix =
        explicit != null ? explicit : initial || leaves.isEmpty() ? "initial" : suggest(operations);
    if (suffix.length() > MAX_SUFFIX) {
      suffix = suffix.substring(0, MAX_SUFFIX);
    }
    return format(number + 1, suffix);
  }

  /**
   * Django's {@code makemigrations --merge} name after the leaves: {@code explicit}, or {@code
   * merge_} and their sorted names, or just {@code merge} when those are longer than 47 characters
   * (Django then uses a timestamp).
   */
  public static String merge(Collection<String> leaves, String explicit) {
    List<String> names = new ArrayList<>(leaves);
    names.sort(null);
    String joined = String.join("_", names);
    String suffix =
        explicit != null ? explicit : joined.length() > 47 ? "merge" : "merge_" + joined;
    return next(leaves, suffix, false, List.of());
  }

  /**
   * Django's {@code squashmigrations} name: from {@code start} ({@code <start>_squashed_<end>}, or
   * its number and {@code squashedName}), or {@code 0001_squashed_<end>} (or {@code
   * 0001_<squashedName>}) from the app's first migration. Not cut, as Django does not.
   */
  public static String squashed(String start, String end, String squashedName) {
    if (start == null) {
      return format(1, squashedName != null ? squashedName : "squashed_" + end);
    }
    return squashedName != null
        ? start.split("_", 2)[0] + "_" + squashedName
        : start + "_squashed_" + end;
  }

  /**
   * Django's {@code suggest_name} for migrations that are not initial: the operations' name
   * fragments joined up to 52 characters ({@code _and_more}); {@code auto} when there are none or
   * one operation has none (Django appends a timestamp).
   */
  public static String suggest(List<Operation> operations) {
    StringBuilder name = null;
    for (Operation op : operations) {
      String fragment = op.nameFragment();
      if (fragment == null || fragment.isEmpty()) {
        return "auto";
      }
      fragment = fragment.replaceAll("\\W+", "_");
      if (name == null) {
        name = new StringBuilder(fragment);
      } else if (name.length() + 1 + fragment.length() > 52) {
        name.append("_and_more");
        break;
      } else {
        name.append('_').append(fragment);
      }
    }
    return name == null ? "auto" : name.toString();
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

  private static String format(int number, String suffix) {
    return String.format("%04d_%s", number, suffix);
  }
}
