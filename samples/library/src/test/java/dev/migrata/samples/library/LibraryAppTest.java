package dev.migrata.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the sample's startup migration as its main program does, on a fresh database of each
 * backend (PostgreSQL and MariaDB on the local servers; skipped off CI when they are down).
 */
class LibraryAppTest {
  static final List<String> HISTORY =
      List.of(
          "catalog.0001_initial",
          "catalog.0002_book_rating",
          "catalog.0003_rename_name_book_title",
          "catalog.0004_alter_book_title",
          "catalog.0005_author_sort_name",
          "catalog.0006_fill_author_sort_name",
          "lending.0001_initial",
          "lending.0002_loan_returned_on");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void migratesAFreshDatabaseOnceThenFindsItUpToDate(Db.Kind kind) throws SQLException {
    try (Db db = Db.create(kind, dir)) {
      List<String> applied =
          LibraryApp.run(db.url, null, null).stream().map(m -> m.key().toString()).toList();

      assertThat(applied).containsExactlyElementsOf(HISTORY);
      assertThat(LibraryApp.run(db.url, null, null)).isEmpty();
      assertThat(db.history()).containsExactlyElementsOf(HISTORY);
      assertThat(db.columns("catalog_book"))
          .containsExactly("id", "created_at", "title", "published", "author_id", "rating");
      assertThat(db.columns("lending_loan"))
          .containsExactly("id", "borrowed_on", "book_id", "member_id", "returned_on");
    }
  }

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void theSchemaHoldsRowsAcrossTheAppsForeignKey(Db.Kind kind) throws SQLException {
    try (Db db = Db.create(kind, dir)) {
      LibraryApp.run(db.url, null, null);
      db.exec(
          "INSERT INTO catalog_author (name, birth_year, sort_name) VALUES ('Ursula', 1929, 'U')",
          "INSERT INTO catalog_book (title, author_id, rating) VALUES ('The Dispossessed', 1, 5)",
          "INSERT INTO lending_member (name, email) VALUES ('Ann', 'ann@example.org')",
          "INSERT INTO lending_loan (book_id, member_id, borrowed_on) VALUES (1, 1, '2026-11-24')");

      assertThat(
              db.rows(
                  "SELECT b.title, a.name, m.email FROM lending_loan l"
                      + " JOIN catalog_book b ON b.id = l.book_id"
                      + " JOIN catalog_author a ON a.id = b.author_id"
                      + " JOIN lending_member m ON m.id = l.member_id"))
          .containsExactly("The Dispossessed|Ursula|ann@example.org");
    }
  }
}
