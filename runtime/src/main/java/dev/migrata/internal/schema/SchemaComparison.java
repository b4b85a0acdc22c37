package dev.migrata.internal.schema;

import dev.migrata.SchemaDifference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares tables one side describes ("expected": the migrations' state, or a schema before) with
 * the tables another has ("actual": the live schema), and lists every difference by table and
 * column. Two modes: {@link #drift} compares loosely enough for the server's own spelling and for
 * the objects a backend adds by itself; {@link #exact} compares two readings of one database.
 */
final class SchemaComparison {
  /** How differences read, and how indexes and types are matched. */
  private record Mode(
      String missing,
      String extra,
      String was,
      boolean exact,
      String vendor,
      boolean databaseIndexesForeignKeys) {}

  private final Mode mode;
  private final List<SchemaDifference> out = new ArrayList<>();

  private SchemaComparison(Mode mode) {
    this.mode = mode;
  }

  /**
   * The live schema against what the migrations describe: types by {@link TypeSpelling}, indexes
   * and foreign keys by their columns (names are the database's business), checks and foreign keys
   * with a {@code constraintName} by name where the state names them. PostgreSQL's {@code _like}
   * indexes, and on MySQL the index the server keeps for each foreign key, are not compared. Tables
   * in {@code ignored} are not reported.
   */
  static List<SchemaDifference> drift(
      Map<String, TableShape> expected,
      Map<String, TableShape> actual,
      Set<String> ignored,
      String vendor,
      boolean databaseIndexesForeignKeys) {
    SchemaComparison c =
        new SchemaComparison(
            new Mode(
                "is missing",
                "is not in the applied migrations",
                "the applied migrations describe",
                false,
                vendor,
                databaseIndexesForeignKeys));
    return c.compare(expected, actual, ignored);
  }

  /**
   * Two readings of one database: everything compares as read, names included, but for the foreign
   * key indexes of a database that indexes foreign keys itself.
   */
  static List<SchemaDifference> exact(
      Map<String, TableShape> before,
      Map<String, TableShape> after,
      boolean databaseIndexesForeignKeys) {
    SchemaComparison c =
        new SchemaComparison(
            new Mode("is gone", "is new", "was", true, "", databaseIndexesForeignKeys));
    return c.compare(before, after, Set.of());
  }

  private List<SchemaDifference> compare(
      Map<String, TableShape> expected, Map<String, TableShape> actual, Set<String> ignored) {
    Map<String, TableShape> want = byLowerName(expected);
    Map<String, TableShape> have = byLowerName(actual);
    Set<String> skip = new HashSet<>();
    ignored.forEach(t -> skip.add(t.toLowerCase(Locale.ROOT)));
    Set<String> names = new java.util.TreeSet<>(want.keySet());
    names.addAll(have.keySet());
    for (String name : names) {
      TableShape w = want.get(name);
      TableShape h = have.get(name);
      if (w == null) {
        if (!skip.contains(name)) {
          add(h.name(), null, "table " + mode.extra);
        }
      } else if (h == null) {
        add(w.name(), null, "table " + mode.missing);
      } else {
        table(w, h);
      }
    }
    return out;
  }

  private void table(TableShape want, TableShape have) {
    String table = want.name();
    Map<String, TableShape.Column> wantColumns = byLower(want.columns(), TableShape.Column::name);
    Map<String, TableShape.Column> haveColumns = byLower(have.columns(), TableShape.Column::name);
    for (TableShape.Column w : wantColumns.values()) {
      TableShape.Column h = haveColumns.get(w.name().toLowerCase(Locale.ROOT));
      if (h == null) {
        add(table, w.name(), "column " + mode.missing);
        continue;
      }
      if (!sameType(w.type(), h.type())) {
        add(table, w.name(), "type is " + h.type() + ", " + mode.was + " " + w.type());
      }
      if (w.nullable() != h.nullable()) {
        add(table, w.name(), "column is " + nullity(h) + ", " + mode.was + " " + nullity(w));
      }
    }
    for (TableShape.Column h : haveColumns.values()) {
      if (!wantColumns.containsKey(h.name().toLowerCase(Locale.ROOT))) {
        add(table, h.name(), "column " + mode.extra);
      }
    }
    if (!lower(want.primaryKey()).equals(lower(have.primaryKey()))) {
      add(
          table,
          null,
          "primary key is "
              + list(have.primaryKey())
              + ", "
              + mode.was
              + " "
              + list(want.primaryKey()));
    }
    indexes(table, want, have);
    foreignKeys(table, want, have);
    checks(table, want, have);
  }

  private boolean sameType(String want, String have) {
    return mode.exact
        ? want.equals(have)
        : TypeSpelling.canonical(want, mode.vendor)
            .equals(TypeSpelling.canonical(have, mode.vendor));
  }

  private void indexes(String table, TableShape want, TableShape have) {
    Set<String> fkColumns = new HashSet<>();
    for (TableShape shape : List.of(want, have)) {
      shape.foreignKeys().forEach(k -> fkColumns.add(k.column().toLowerCase(Locale.ROOT)));
    }
    List<TableShape.Index> w = compared(want.indexes(), fkColumns);
    List<TableShape.Index> h = compared(have.indexes(), fkColumns);
    matchAll(
        table,
        w,
        h,
        this::indexKey,
        i -> i.columns().size() == 1 ? i.columns().get(0) : null,
        i ->
            (i.partial() ? "partial " : "")
                + (i.unique() ? "unique index " : "index ")
                + (i.name() == null ? "" : i.name() + " ")
                + "on "
                + list(i.columns()));
  }

  /**
   * The indexes a comparison looks at: in drift mode not PostgreSQL's {@code _like} ones; where the
   * database indexes foreign keys itself (MySQL), not a key's single-column index, which InnoDB
   * makes, and which the editor adds when a unique constraint starting with the key is dropped
   * (Django's {@code _create_missing_fk_index}), in both directions.
   */
  private List<TableShape.Index> compared(List<TableShape.Index> indexes, Set<String> fkColumns) {
    return indexes.stream()
        .filter(i -> mode.exact || !i.patternOps())
        .filter(
            i ->
                !(mode.databaseIndexesForeignKeys
                    && !i.unique()
                    && i.columns().size() == 1
                    && fkColumns.contains(i.columns().get(0).toLowerCase(Locale.ROOT))))
        .toList();
  }

  private String indexKey(TableShape.Index i) {
    String key = i.unique() + "|" + i.partial() + "|" + lower(i.columns());
    return mode.exact ? key + "|" + i.name() + "|" + i.patternOps() : key;
  }

  /**
   * Foreign keys match by column and target (and name, in exact mode); a key whose {@code ON
   * DELETE} rule changed is one difference. In drift mode {@code NO ACTION} and {@code RESTRICT}
   * are one rule: they differ only for deferred checks, and MariaDB reports either for no clause.
   */
  private void foreignKeys(String table, TableShape want, TableShape have) {
    List<TableShape.ForeignKey> left = new ArrayList<>(have.foreignKeys());
    List<TableShape.ForeignKey> unmatched = new ArrayList<>();
    for (TableShape.ForeignKey w : want.foreignKeys()) {
      TableShape.ForeignKey h = take(left, k -> target(k).equals(target(w)) && sameRule(k, w));
      if (h == null) {
        unmatched.add(w);
      } else if (!mode.exact
          && w.name() != null
          && h.name() != null
          && !w.name().equals(h.name())) {
        // The state names a key only when the field gives constraintName; SQLite names none.
        add(
            table,
            w.column(),
            describe(w) + " is named " + h.name() + ", " + mode.was + " " + w.name());
      }
    }
    for (TableShape.ForeignKey w : unmatched) {
      TableShape.ForeignKey h = take(left, k -> target(k).equals(target(w)));
      if (h == null) {
        add(table, w.column(), describe(w) + " " + mode.missing);
      } else {
        add(
            table,
            w.column(),
            describe(w)
                + " is ON DELETE "
                + h.onDelete()
                + ", "
                + mode.was
                + " ON DELETE "
                + w.onDelete());
      }
    }
    for (TableShape.ForeignKey h : left) {
      add(table, h.column(), describe(h) + " " + mode.extra);
    }
  }

  private String target(TableShape.ForeignKey k) {
    String key = (k.column() + "|" + k.toTable() + "|" + k.toColumn()).toLowerCase(Locale.ROOT);
    return mode.exact ? key + "|" + k.name() : key;
  }

  private boolean sameRule(TableShape.ForeignKey a, TableShape.ForeignKey b) {
    return mode.exact ? Objects.equals(a.onDelete(), b.onDelete()) : rule(a).equals(rule(b));
  }

  private static String rule(TableShape.ForeignKey k) {
    String rule = k.onDelete() == null ? "NO ACTION" : k.onDelete().toUpperCase(Locale.ROOT);
    return rule.equals("RESTRICT") ? "NO ACTION" : rule;
  }

  private String describe(TableShape.ForeignKey k) {
    return "foreign key "
        + (mode.exact && k.name() != null ? k.name() + " " : "")
        + "to "
        + k.toTable()
        + "("
        + k.toColumn()
        + ")";
  }

  /** Removes and returns the first item of {@code items} that {@code test} accepts, or null. */
  private static <T> T take(List<T> items, java.util.function.Predicate<T> test) {
    for (T item : items) {
      if (test.test(item)) {
        items.remove(item);
        return item;
      }
    }
    return null;
  }

  /**
   * Checks by name. In drift mode only the state's checks are looked for: backends add checks of
   * their own (MariaDB's {@code json_valid}, a custom type's range) that the state cannot name.
   */
  private void checks(String table, TableShape want, TableShape have) {
    Set<String> haveNames = new HashSet<>(lower(have.checks()));
    for (String name : want.checks()) {
      if (!haveNames.contains(name.toLowerCase(Locale.ROOT))) {
        add(table, null, "check " + name + " " + mode.missing);
      }
    }
    if (mode.exact) {
      Set<String> wantNames = new HashSet<>(lower(want.checks()));
      for (String name : have.checks()) {
        if (!wantNames.contains(name.toLowerCase(Locale.ROOT))) {
          add(table, null, "check " + name + " " + mode.extra);
        }
      }
    }
  }

  /** Pairs equal keys one to one; what is left over on either side is a difference. */
  private <T> void matchAll(
      String table,
      List<T> want,
      List<T> have,
      Function<T, String> key,
      Function<T, String> column,
      Function<T, String> describe) {
    List<T> left = new ArrayList<>(have);
    for (T w : want) {
      T match = null;
      for (T h : left) {
        if (key.apply(h).equals(key.apply(w))) {
          match = h;
          break;
        }
      }
      if (match == null) {
        add(table, column.apply(w), describe.apply(w) + " " + mode.missing);
      } else {
        left.remove(match);
      }
    }
    for (T h : left) {
      add(table, column.apply(h), describe.apply(h) + " " + mode.extra);
    }
  }

  private void add(String table, String column, String description) {
    out.add(new SchemaDifference(table, column, description));
  }

  private static String nullity(TableShape.Column c) {
    return c.nullable() ? "NULL" : "NOT NULL";
  }

  private static String list(List<String> columns) {
    return "(" + String.join(", ", columns) + ")";
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }

  private static Map<String, TableShape> byLowerName(Map<String, TableShape> tables) {
    return byLower(tables.values(), TableShape::name);
  }

  private static <T> Map<String, T> byLower(
      java.util.Collection<T> items, Function<T, String> name) {
    Map<String, T> out = new TreeMap<>();
    for (T item : items) {
      out.put(Objects.requireNonNull(name.apply(item)).toLowerCase(Locale.ROOT), item);
    }
    return out;
  }
}
