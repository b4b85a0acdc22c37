package dev.migrata;

import static dev.migrata.Fixtures.key;
import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationChecksum;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.recorder.HistoryRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The names-only up-to-date check of a no-op {@code migrate()}: true only when the full load could
 * find nothing to do and nothing to report; every other history sends the run down the full path.
 */
class UpToDateTest {
  private static final RunSql NOOP = new RunSql(List.of("SELECT 1"), List.of(""), false);

  static Set<MigrationKey> keys(List<MigrationDefinition> defs) {
    Set<MigrationKey> out = new LinkedHashSet<>();
    defs.forEach(d -> out.add(d.key()));
    return out;
  }

  static Map<MigrationKey, String> checksums(List<MigrationDefinition> defs) {
    Map<MigrationKey, String> out = new HashMap<>();
    defs.forEach(d -> out.put(d.key(), MigrationChecksum.of(d)));
    return out;
  }

  /**
   * The check by definitions, and the same case through the index's table and history rows as read
   * (what {@code migrate()} runs with an index on the class path): the two answers must agree.
   */
  static boolean upToDate(
      List<MigrationDefinition> defs, Set<MigrationKey> recorded, Map<MigrationKey, String> sums) {
    boolean byDefinitions = UpToDate.check(defs, recorded, sums);
    IndexTable table = IndexTable.read(List.of(MigrationIndex.write(defs)), List.of("test index"));
    assertThat(table.compact()).isTrue();
    HistoryRows rows = new HistoryRows();
    recorded.forEach(k -> rows.add(k.app(), k.name(), sums.get(k)));
    assertThat(UpToDate.check(table, rows)).as("on the table").isEqualTo(byDefinitions);
    return byDefinitions;
  }

  @Test
  void everyMigrationRecordedInDependencyOrderWithItsChecksumIsUpToDate() {
    List<MigrationDefinition> defs = plus(library(), shop());
    assertThat(upToDate(defs, keys(defs), checksums(defs))).isTrue();
    // Rows older than checksums have none to compare.
    assertThat(upToDate(defs, keys(defs), Map.of())).isTrue();
  }

  @Test
  void aMissingRowAnUnknownRowOrNoMigrationsIsNot() {
    List<MigrationDefinition> defs = library();
    Set<MigrationKey> missing = keys(defs);
    missing.remove(key("library", "0003_data"));
    assertThat(upToDate(defs, missing, Map.of())).isFalse();

    Set<MigrationKey> unknown = keys(defs.subList(0, 2));
    unknown.add(key("gone", "0001_initial"));
    assertThat(upToDate(defs, unknown, Map.of())).isFalse();

    assertThat(upToDate(List.of(), Set.of(), Map.of())).isFalse();
  }

  @Test
  void aChangedChecksumIsNot() {
    List<MigrationDefinition> defs = library();
    Map<MigrationKey, String> sums = checksums(defs);
    sums.put(key("library", "0002_book_rating"), "v1:0123456789abcdef:01234567");
    assertThat(upToDate(defs, keys(defs), sums)).isFalse();
  }

  @Test
  void aHistoryOutOfDependencyOrderIsNot() {
    List<MigrationDefinition> defs = plus(library(), shop());
    Set<MigrationKey> order = new LinkedHashSet<>();
    order.add(key("library", "0001_initial"));
    order.add(key("shop", "0001_initial")); // before its dependency library.0002
    order.add(key("library", "0002_book_rating"));
    order.add(key("library", "0003_data"));
    assertThat(upToDate(defs, order, Map.of())).isFalse();
  }

  @Test
  void squashesSpecialReferencesMissingParentsDuplicatesAndTwoLeavesAreNot() {
    List<MigrationDefinition> squash = new ArrayList<>(library());
    squash.add(
        migration("library", "0004_squashed")
            .replaces("library", "0001_initial")
            .replaces("library", "0002_book_rating")
            .ops(NOOP));
    assertThat(upToDate(squash, keys(squash), Map.of())).isFalse();

    List<MigrationDefinition> first = new ArrayList<>(library());
    first.add(migration("shop", "0001_initial").dependsOn("library", "__first__").ops(NOOP));
    assertThat(upToDate(first, keys(first), Map.of())).isFalse();

    List<MigrationDefinition> missingParent = new ArrayList<>(library());
    missingParent.add(migration("shop", "0001_initial").dependsOn("library", "0009").ops(NOOP));
    assertThat(upToDate(missingParent, keys(missingParent), Map.of())).isFalse();

    List<MigrationDefinition> twice = new ArrayList<>(library().subList(0, 2));
    twice.add(library().get(1));
    Set<MigrationKey> three = keys(library());
    assertThat(upToDate(twice, three, Map.of())).isFalse();

    List<MigrationDefinition> twoLeaves = new ArrayList<>(library());
    twoLeaves.add(
        migration("library", "0003_other").dependsOn("library", "0002_book_rating").ops(NOOP));
    assertThat(upToDate(twoLeaves, keys(twoLeaves), Map.of())).isFalse();
  }

  @Test
  void aRunBeforeRecordedAfterItsChildIsNotAndBeforeItIs() {
    MigrationDefinition early =
        migration("tools", "0001_initial").runBefore("library", "0002_book_rating").ops(NOOP);
    List<MigrationDefinition> defs = plus(library(), List.of(early));
    Set<MigrationKey> before = new LinkedHashSet<>();
    before.add(key("library", "0001_initial"));
    before.add(early.key());
    before.add(key("library", "0002_book_rating"));
    before.add(key("library", "0003_data"));
    assertThat(upToDate(defs, before, Map.of())).isTrue();
    assertThat(upToDate(defs, keys(defs), Map.of())).isFalse();
  }

  @Test
  void aHistoryInAnotherOrderThanTheIndexIsLookedUpByName() {
    // The index lists library then shop; the history recorded shop between library's migrations.
    List<MigrationDefinition> defs = plus(library(), shop());
    Set<MigrationKey> order = new LinkedHashSet<>();
    order.add(key("library", "0001_initial"));
    order.add(key("library", "0002_book_rating"));
    order.add(key("shop", "0001_initial"));
    order.add(key("library", "0003_data"));
    assertThat(upToDate(defs, order, checksums(defs))).isTrue();

    Map<MigrationKey, String> sums = checksums(defs);
    sums.put(key("shop", "0001_initial"), "v1:0123456789abcdef:01234567");
    assertThat(upToDate(defs, order, sums)).isFalse();
  }

  @Test
  void aRowRecordedTwiceOnTheTableTakesTheFullPath() {
    // By definitions the set hides the second row; the table counts rows, and the full path then
    // finds nothing to do either.
    List<MigrationDefinition> defs = library();
    IndexTable table = IndexTable.read(List.of(MigrationIndex.write(defs)), List.of("test index"));
    HistoryRows rows = new HistoryRows();
    defs.forEach(d -> rows.add(d.app(), d.name(), null));
    rows.add("library", "0003_data", null);
    assertThat(UpToDate.check(table, rows)).isFalse();
    assertThat(rows.keys()).hasSize(3);
  }

  @Test
  void anIndexTheTableCannotCompareIsCheckedByItsDefinitions() {
    List<MigrationDefinition> defs = library();
    String v1 =
        MigrationIndex.write(defs)
            .replace("# migrata index v2", "# migrata index v1")
            .replaceAll("\t[0-9a-f]{16}\t", "\t");
    IndexTable table = IndexTable.read(List.of(v1), List.of("old index"));
    assertThat(table.compact()).isFalse();
    HistoryRows rows = new HistoryRows();
    defs.forEach(d -> rows.add(d.app(), d.name(), MigrationChecksum.of(d)));
    assertThat(UpToDate.check(table, rows)).isTrue();
    rows.add("library", "0004_more", null);
    assertThat(UpToDate.check(table, rows)).isFalse();
  }
}
