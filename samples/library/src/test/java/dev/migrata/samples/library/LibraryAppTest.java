package dev.migrata.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.PlannedMigration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the sample's startup migration as its main program does, on a fresh SQLite file. */
class LibraryAppTest {
  @TempDir Path dir;

  @Test
  void migratesAFreshDatabaseOnceThenFindsItUpToDate() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("library.db");

    List<String> applied =
        LibraryApp.run(url, null, null).stream().map(m -> m.key().toString()).toList();

    assertThat(applied)
        .startsWith("catalog.0001_initial")
        .contains("lending.0001_initial", "catalog.0002_book_rating", "lending.0002_loan_returned_on");
    assertThat(applied.indexOf("lending.0001_initial"))
        .as("lending's foreign key to catalog.Book needs catalog's table first")
        .isGreaterThan(applied.indexOf("catalog.0001_initial"));
    assertThat(LibraryApp.run(url, null, null)).isEmpty();

    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(columns(c, "catalog_book"))
          .containsExactlyInAnyOrder(
              "id", "created_at", "title", "published", "author_id", "rating");
      assertThat(columns(c, "lending_loan"))
          .containsExactlyInAnyOrder("id", "book_id", "member_id", "borrowed_on", "returned_on");
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT count(*) FROM migrata_migrations")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(applied.size());
      }
    }
  }

  @Test
  void keepsRowsWrittenBetweenMigrations() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("rows.db");
    List<PlannedMigration> all = LibraryApp.run(url, null, null);
    assertThat(all).isNotEmpty();
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement()
          .executeUpdate("INSERT INTO catalog_author (name, birth_year, sort_name) VALUES ('Ursula', 1929, 'Ursula')");
      c.createStatement()
          .executeUpdate(
              "INSERT INTO catalog_book (title, author_id, rating) VALUES ('The Dispossessed', 1, 5)");
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT b.title, a.name FROM catalog_book b JOIN catalog_author a"
                      + " ON a.id = b.author_id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("The Dispossessed");
        assertThat(rs.getString(2)).isEqualTo("Ursula");
      }
    }
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME"));
      }
    }
    return names;
  }
}
