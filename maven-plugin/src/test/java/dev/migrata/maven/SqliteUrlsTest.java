package dev.migrata.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SqliteUrlsTest {
  private final Path basedir = Path.of("/projects/shop");

  @Test
  void relativeFileIsTheProjects() {
    assertThat(SqliteUrls.relativeTo("jdbc:sqlite:target/shop.db", basedir))
        .isEqualTo("jdbc:sqlite:/projects/shop/target/shop.db");
    assertThat(SqliteUrls.relativeTo("jdbc:sqlite:./shop.db?journal_mode=WAL", basedir))
        .isEqualTo("jdbc:sqlite:/projects/shop/shop.db?journal_mode=WAL");
  }

  @Test
  void othersAreLeftAsGiven() {
    assertThat(SqliteUrls.relativeTo("jdbc:sqlite:/var/db/shop.db", basedir))
        .isEqualTo("jdbc:sqlite:/var/db/shop.db");
    assertThat(SqliteUrls.relativeTo("jdbc:sqlite::memory:", basedir))
        .isEqualTo("jdbc:sqlite::memory:");
    assertThat(SqliteUrls.relativeTo("jdbc:sqlite:file:shop.db?mode=ro", basedir))
        .isEqualTo("jdbc:sqlite:file:shop.db?mode=ro");
    assertThat(SqliteUrls.relativeTo("jdbc:postgresql://db/shop", basedir))
        .isEqualTo("jdbc:postgresql://db/shop");
  }
}
