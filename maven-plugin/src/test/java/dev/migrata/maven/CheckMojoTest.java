package dev.migrata.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckMojoTest {
  @Test
  void unappliedMigrationsAreThePlansUnindentedLines() {
    String plan =
        String.join(
            "\n",
            "Planned operations:",
            "library.0002_book_rating",
            "    Add field rating to book",
            "shop.0001_initial",
            "    Create model Product",
            "");
    assertThat(CheckMojo.migrations(plan))
        .containsExactly("library.0002_book_rating", "shop.0001_initial");
  }

  @Test
  void appsAreCommaSeparated() {
    assertThat(MigrataMojo.apps(" library, shop,,")).containsExactly("library", "shop");
    assertThat(MigrataMojo.apps(null)).isEmpty();
  }
}
