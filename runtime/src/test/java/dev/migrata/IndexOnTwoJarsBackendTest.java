package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.RunSql;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's class path with two modules' indexes (library's jar, shop's jar), applied app by app so
 * that the history records the migrations in another order than the index lists them: the no-op
 * start-up on the index table must find nothing to do, a new migration in one jar must be the only
 * one applied, and a v1 index (no stored checksums) must answer alike.
 */
class IndexOnTwoJarsBackendTest extends OnEveryBackend {
  private static final MigrationDefinition SHOP_0002 =
      migration("shop", "0002_data")
          .dependsOn("shop", "0001_initial")
          .ops(new RunSql(List.of("SELECT 1"), List.of(""), false));

  @Test
  void aHistoryInterleavedAcrossTwoJarsIsUpToDateAndANewMigrationIsTheOnlyOneApplied()
      throws Exception {
    check(false);
  }

  @Test
  void theSameWithVersion1Indexes() throws Exception {
    check(true);
  }

  private void check(boolean v1) throws Exception {
    ClassLoader jars = jars("before", index(library(), v1), index(shop(), v1));
    Migrata migrata = db.configure().classLoader(jars).load();
    // library 0001-0002, then shop 0001, then library 0003: not the index's order.
    assertThat(keys(migrata.migrate("library", "0002_book_rating")))
        .containsExactly("library.0001_initial", "library.0002_book_rating");
    assertThat(keys(migrata.migrate("shop", "0001_initial"))).containsExactly("shop.0001_initial");
    assertThat(keys(migrata.migrate())).containsExactly("library.0003_data");

    assertThat(db.configure().classLoader(jars).load().migrate()).isEmpty();
    assertThat(db.configure().classLoader(jars).load().plan().hasWork()).isFalse();

    List<MigrationDefinition> shop = new ArrayList<>(shop());
    shop.add(SHOP_0002);
    ClassLoader after = jars("after", index(library(), v1), index(shop, v1));
    assertThat(keys(db.configure().classLoader(after).load().migrate()))
        .containsExactly("shop.0002_data");
    assertThat(db.configure().classLoader(after).load().migrate()).isEmpty();

    // An applied migration edited in one jar still stops the start-up.
    List<MigrationDefinition> edited = new ArrayList<>(shop());
    edited.add(
        migration("shop", "0002_data")
            .dependsOn("shop", "0001_initial")
            .ops(new RunSql(List.of("SELECT 2"), List.of(""), false)));
    ClassLoader changed = jars("changed", index(library(), v1), index(edited, v1));
    MigrataException e =
        catchThrowableOfType(
            MigrataException.class, () -> db.configure().classLoader(changed).load().migrate());
    assertThat(e.code()).isEqualTo(ErrorCode.CHANGED_MIGRATION);
    assertThat(e.getMessage()).contains("shop.0002_data");
  }

  /** The index text of {@code defs}; version 1 without its checksum column. */
  private static String index(List<MigrationDefinition> defs, boolean v1) {
    String v2 = MigrationIndex.write(defs);
    if (!v1) {
      return v2;
    }
    StringBuilder out = new StringBuilder("# migrata index v1\n");
    for (String line : v2.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      List<String> columns = new ArrayList<>(List.of(line.split("\t", -1)));
      columns.remove(7);
      out.append(String.join("\t", columns)).append('\n');
    }
    return out.toString();
  }

  /** A class loader over one directory per index, as two jars would be. */
  private ClassLoader jars(String name, String... indexes) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (int i = 0; i < indexes.length; i++) {
      Path classes = dir.resolve(name + i);
      Path file = classes.resolve(MigrationIndex.RESOURCE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, indexes[i]);
      urls.add(classes.toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  private static List<String> keys(List<PlannedMigration> ran) {
    return ran.stream().map(PlannedMigration::key).map(MigrationKey::toString).toList();
  }
}
