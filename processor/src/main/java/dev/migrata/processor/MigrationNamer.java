package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.Operation;
import java.util.List;

/**
 * Django's migration names ({@code arrange_for_graph}, {@code parse_number}, {@code
 * suggest_name}): the leaf's number plus one, then {@code initial}, the {@code -Amigrata.name}
 * option, or the operations' name fragments joined up to 52 characters ({@code _and_more}). No
 * timestamps, so the same inputs always give the same name. Numbers and class names come from
 * the runtime's {@link MigrationNames}, which the CLI's source commands use too.
 */
final class MigrationNamer {
  private MigrationNamer() {}

  static String name(MigrationKey leaf, boolean initial, String explicit, List<Operation> ops) {
    int number = 1;
    if (leaf != null) {
      Integer parsed = MigrationNames.parseNumber(leaf.name());
      number = (parsed == null ? 0 : parsed) + 1;
    }
    String suffix = explicit != null ? explicit : initial ? "initial" : suggest(ops);
    if (suffix.length() > 100) {
      suffix = suffix.substring(0, 100);
    }
    return String.format("%04d_%s", number, suffix);
  }

  static String suggest(List<Operation> ops) {
    StringBuilder name = null;
    for (Operation op : ops) {
      String fragment = op.nameFragment();
      if (fragment == null || fragment.isEmpty()) {
        // Django falls back to a timestamp here; a fixed word keeps builds reproducible.
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
}
