package dev.migrata.internal.backends.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock is named after the real file, whatever path the URL reaches it by (issue 12). */
class SqliteFileLockTest {
  @TempDir Path dir;

  @Test
  void symlinksRelativePathsAndDotSegmentsNameOneFile() throws Exception {
    Path real = dir.toRealPath().resolve("real.db");
    Files.createFile(real);
    Path link = Files.createSymbolicLink(dir.resolve("link.db"), real);
    Path linkedDir = Files.createSymbolicLink(dir.resolve("linked-dir"), dir);
    Path relative = Path.of("").toAbsolutePath().relativize(real);

    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite:" + real)).isEqualTo(real);
    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite:" + link)).isEqualTo(real);
    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite:" + linkedDir.resolve("real.db")))
        .isEqualTo(real);
    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite:" + relative)).isEqualTo(real);
    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite:" + dir + "/./x/../real.db"))
        .isEqualTo(real);
    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite:file:" + link + "?cache=shared"))
        .isEqualTo(real);
  }

  @Test
  void aFileNotCreatedYetIsItsRealDirectoryPlusItsName() throws Exception {
    Path linkedDir = Files.createSymbolicLink(dir.resolve("linked-dir"), dir);
    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite:" + linkedDir.resolve("new.db")))
        .isEqualTo(dir.toRealPath().resolve("new.db"));
  }

  @Test
  void inMemoryDatabasesHaveNoFile() {
    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite::memory:")).isNull();
    assertThat(SqliteFileLock.databaseFile("jdbc:sqlite:file:x?mode=memory")).isNull();
  }
}
