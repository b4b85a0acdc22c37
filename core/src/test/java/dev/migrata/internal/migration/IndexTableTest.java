package dev.migrata.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index as a table over its bytes: the same lines, names, dependencies and checksums as the
 * definitions {@link MigrationIndex#read} makes, and the same failures.
 */
class IndexTableTest {
  private static final String OPS =
      "[{\"@\":\"Op\",\"kind\":\"RUN_SQL\",\"sql\":[\"SELECT 1\"],\"reverseSql\":[\"\"]}]";

  private static MigrationDefinition migration(
      String app, String name, List<MigrationKey> deps, List<MigrationKey> runBefore) {
    return migration(app, name, deps, List.of(), runBefore);
  }

  private static MigrationDefinition migration(
      String app,
      String name,
      List<MigrationKey> deps,
      List<MigrationKey> replaces,
      List<MigrationKey> runBefore) {
    return new MigrationDefinition(
        new MigrationKey(app, name),
        app + ".migrations.M" + name,
        deps,
        replaces,
        runBefore,
        deps.isEmpty(),
        true,
        () -> Json.readDeconstructed(OPS),
        OPS);
  }

  private static MigrationKey key(String app, String name) {
    return new MigrationKey(app, name);
  }

  /** library 0001-0002, then shop 0001 (on library 0002, before library's 0003), library 0003. */
  private static List<MigrationDefinition> twoApps() {
    return List.of(
        migration("library", "0001_initial", List.of(), List.of()),
        migration("library", "0002_title", List.of(key("library", "0001_initial")), List.of()),
        migration(
            "library",
            "0003_author",
            List.of(key("library", "0002_title"), key("shop", "0001_initial")),
            List.of()),
        migration(
            "shop",
            "0001_initial",
            List.of(key("library", "0002_title")),
            List.of(key("library", "0003_author"))),
        migration("shop", "0002_gone", List.of(key("library", "__first__")), List.of()));
  }

  private static IndexTable table(String... texts) {
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      sources.add("test" + i);
    }
    return IndexTable.read(List.of(texts), sources);
  }

  @Test
  void namesAppsDependenciesAndRunBeforeAsLineNumbers() {
    IndexTable t = table(MigrationIndex.write(twoApps()));

    assertThat(t.compact()).isTrue();
    assertThat(t.size()).isEqualTo(5);
    assertThat(t.squashes()).isFalse();
    assertThat(t.duplicates()).isFalse();
    assertThat(t.apps()).isEqualTo(2);
    assertThat(List.of(t.app(0), t.app(1), t.app(2), t.app(3), t.app(4)))
        .containsExactly(0, 0, 0, 1, 1);
    // The expected line first, then any other; unknown names answer -1.
    assertThat(t.find("library", "0002_title", 1)).isEqualTo(1);
    assertThat(t.find("library", "0002_title", 3)).isEqualTo(1);
    assertThat(t.find("shop", "0001_initial", 99)).isEqualTo(3);
    assertThat(t.find("shop", "0001", 3)).isEqualTo(-1);
    assertThat(t.find("library", "0001_initial\u00e9", 0)).isEqualTo(-1);
    // The line before, a line after it, and a name no line has (__first__).
    assertThat(dependencies(t, 1)).containsExactly(0);
    assertThat(dependencies(t, 2)).containsExactly(1, 3);
    assertThat(dependencies(t, 3)).containsExactly(1);
    assertThat(dependencies(t, 4)).containsExactly(-1);
    assertThat(runBefore(t, 3)).containsExactly(2);
    assertThat(runBefore(t, 0)).isEmpty();
  }

  private static List<Integer> dependencies(IndexTable t, int m) {
    List<Integer> out = new ArrayList<>();
    for (int i = t.dependencyStart(m); i < t.dependencyStart(m + 1); i++) {
      out.add(t.dependency(i));
    }
    return out;
  }

  private static List<Integer> runBefore(IndexTable t, int m) {
    List<Integer> out = new ArrayList<>();
    for (int i = t.runBeforeStart(m); i < t.runBeforeStart(m + 1); i++) {
      out.add(t.runBefore(i));
    }
    return out;
  }

  @Test
  void theDefinitionsAreTheOnesTheIndexReaderMakes() {
    String text = MigrationIndex.write(twoApps());
    List<MigrationDefinition> read = MigrationIndex.read(text, "test");

    List<MigrationDefinition> fromTable = table(text).definitions();

    assertThat(fromTable)
        .extracting(MigrationDefinition::key)
        .containsExactlyElementsOf(read.stream().map(MigrationDefinition::key).toList());
    assertThat(fromTable)
        .extracting(MigrationDefinition::checksum)
        .containsExactlyElementsOf(read.stream().map(MigrationDefinition::checksum).toList());
    assertThat(fromTable.get(2).dependencies()).isEqualTo(read.get(2).dependencies());
  }

  @Test
  void aStoredChecksumComparesAsMigrationChecksumMatches() {
    List<MigrationDefinition> defs = twoApps();
    IndexTable t = table(MigrationIndex.write(defs));
    MigrationDefinition m = defs.get(1);
    String whole = m.checksum();
    List<String> recorded =
        List.of(
            MigrationChecksum.of(m),
            "v1:" + whole,
            "v1:" + whole + ":",
            "v1:" + whole + "0:abc",
            "v1:" + whole.substring(1),
            "v1:0123456789abcdef:01234567",
            "v1:",
            "v1",
            "v2:anything",
            "");
    for (String r : recorded) {
      assertThat(t.checksumMatches(1, r)).as(r).isEqualTo(MigrationChecksum.matches(r, m));
    }
    assertThat(t.checksumMatches(1, null)).isTrue();
    assertThat(t.checksumMatches(1, MigrationChecksum.of(m))).isTrue();
    assertThat(t.checksumMatches(1, "v1:0123456789abcdef:01234567")).isFalse();
  }

  @Test
  void squashesDuplicatesOldIndexesAndNonAsciiNamesAreTold() {
    List<MigrationDefinition> squash = new ArrayList<>(twoApps());
    squash.add(
        migration(
            "library",
            "0004_squashed",
            List.of(),
            List.of(key("library", "0001_initial")),
            List.of()));
    assertThat(table(MigrationIndex.write(squash)).squashes()).isTrue();

    List<MigrationDefinition> twice = new ArrayList<>(twoApps());
    twice.add(twoApps().get(1));
    assertThat(table(MigrationIndex.write(twice)).duplicates()).isTrue();

    // Version 1 has no stored checksums; non-ASCII names do not compare as bytes: neither is
    // compact, and both still have their definitions.
    String v1 = "# migrata index v1\nlibrary\t0001_initial\tlibrary.M1\ti\t-\t-\t-\t" + OPS + "\n";
    IndexTable old = table(v1);
    assertThat(old.compact()).isFalse();
    assertThat(old.definitions()).hasSize(1);
    IndexTable accented =
        table(
            MigrationIndex.write(
                List.of(migration("biblioth\u00e8que", "0001_initial", List.of(), List.of()))));
    assertThat(accented.compact()).isFalse();
    assertThat(accented.definitions().get(0).app()).isEqualTo("biblioth\u00e8que");
    assertThat(IndexTable.of(twoApps()).compact()).isFalse();
    assertThat(IndexTable.of(twoApps()).definitions()).hasSize(5);
  }

  @Test
  void severalIndexesAreOneTableInClassPathOrderWithReferencesAcrossThem() {
    List<MigrationDefinition> all = twoApps();
    IndexTable t =
        table(MigrationIndex.write(all.subList(0, 3)), MigrationIndex.write(all.subList(3, 5)));

    assertThat(t.compact()).isTrue();
    assertThat(t.resources()).isEqualTo(2);
    assertThat(t.size()).isEqualTo(5);
    assertThat(dependencies(t, 2)).containsExactly(1, 3);
    assertThat(runBefore(t, 3)).containsExactly(2);
    assertThat(t.definitions())
        .extracting(MigrationDefinition::key)
        .containsExactlyElementsOf(all.stream().map(MigrationDefinition::key).toList());
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndMalformedLinesFailAsTheReaderFails() {
    String text = MigrationIndex.write(twoApps());
    String spaced = text.replace("\nshop\t0001", "\n# a comment\n\n \t \nshop\t0001");
    assertThat(table(spaced).size()).isEqualTo(5);
    assertThat(MigrationIndex.read(spaced, "test")).hasSize(5);

    String lines = text.substring(text.indexOf('\n') + 1);
    String header = text.substring(0, text.indexOf('\n') + 1);
    List<String> malformed =
        List.of(
            header + "library\t0001_initial\tlibrary.M1\n",
            header + lines.replace("library:0001_initial", "library-0001_initial"),
            header + lines.replace("library:0001_initial", "library:0001_initial,,x:y"));
    for (String bad : malformed) {
      assertThatThrownBy(() -> MigrationIndex.read(bad, "test0"))
          .isInstanceOf(RuntimeException.class);
      assertThatThrownBy(() -> table(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Malformed migration index test0 at line ");
    }
  }

  @Test
  void theTableOfAClassLoaderReadsEveryIndexOnIt(@TempDir Path dir) throws Exception {
    Path index = dir.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, MigrationIndex.write(twoApps()));
    try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      IndexTable t = IndexTable.load(cl);
      assertThat(t.resources()).isEqualTo(1);
      assertThat(t.size()).isEqualTo(5);
      assertThat(t.find("shop", "0002_gone", 4)).isEqualTo(4);
    }
    try (URLClassLoader none = new URLClassLoader(new URL[0], null)) {
      assertThat(IndexTable.load(none).resources()).isZero();
    }
  }
}
