package dev.migrata.samples.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hibernate's own schema export ({@code hbm2ddl.auto = create}) into one empty database, Migrata's
 * migrations into another, both introspected and compared. Every difference is one README.md lists
 * with its reason ("From JPA entities"); a new one fails this test.
 */
class SchemaComparisonTest {
  @TempDir Path dir;

  // Django's join tables have an id key; Hibernate's key is the pair (and a list has none).
  private static final List<String> JOIN_TABLES_OURS =
      List.of("book_tags primary key [id]", "shelf_books primary key [id]");
  private static final List<String> JOIN_TABLES_THEIRS =
      List.of("book_tags primary key [tags_id, book_id]", "shelf_books primary key []");

  private static final List<String> PG_OURS =
      concat(
          JOIN_TABLES_OURS,
          List.of(
              "book_tags.id int8 not null",
              "shelf_books.id int8 not null",
              // The identity sequences of those ids.
              "sequence book_tags_id_seq start 1 increment 1",
              "sequence shelf_books_id_seq start 1 increment 1",
              // Django's varchar_pattern_ops "_like" index of unique and key varchar columns.
              "author index [email]",
              "book index [isbn]",
              "shelf index [code]",
              "tag index [label]"));
  private static final List<String> PG_THEIRS = JOIN_TABLES_THEIRS;
  private static final List<String> MARIADB_OURS =
      concat(
          JOIN_TABLES_OURS,
          List.of(
              "book_tags.id bigint not null",
              "shelf_books.id bigint not null",
              // MariaDB indexes a foreign key that no key starts with.
              "book_tags index [tags_id]",
              // Django's types: smallint for an ordinal, varchar for a string enum, bool.
              "book.format smallint",
              "book.status varchar(20) not null",
              "customers.active boolean"));
  private static final List<String> MARIADB_THEIRS =
      concat(
          JOIN_TABLES_THEIRS,
          List.of("book.format tinyint", "book.status enum not null", "customers.active bit"));

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @ParameterizedTest
  @EnumSource(
      value = Db.Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void migrataCreatesTheSchemaHibernateExports(Db.Kind kind) throws Exception {
    try (Db migrata = Db.create(kind, dir);
        Db hibernate = Db.create(kind, dir)) {
      migrata.configure().load().migrate();
      Hibernates.open(hibernate, "create").close();
      TreeSet<String> ours = Schema.of(migrata.url);
      TreeSet<String> theirs = Schema.of(hibernate.url);
      TreeSet<String> onlyOurs = new TreeSet<>(ours);
      onlyOurs.removeAll(theirs);
      TreeSet<String> onlyTheirs = new TreeSet<>(theirs);
      onlyTheirs.removeAll(ours);
      boolean pg = kind == Db.Kind.POSTGRES;
      assertThat(onlyOurs)
          .as("only in Migrata's schema")
          .containsExactlyInAnyOrderElementsOf(pg ? PG_OURS : MARIADB_OURS);
      assertThat(onlyTheirs)
          .as("only in Hibernate's schema")
          .containsExactlyInAnyOrderElementsOf(pg ? PG_THEIRS : MARIADB_THEIRS);
    }
  }
}
