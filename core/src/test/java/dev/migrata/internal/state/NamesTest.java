package dev.migrata.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names as Django 5.2 computes them. The expected strings come from Django's own algorithm
 * ({@code _create_index_name}, {@code truncate_name}, {@code names_digest}) run in Python.
 */
class NamesTest {
  @Test
  void shortNamesAreTableColumnsHashAndSuffix() {
    assertThat(Names.schemaName("library_book", List.of("author_id"), "", 63))
        .isEqualTo("library_book_author_id_d9a3b67e");
    assertThat(
            Names.schemaName(
                "library_book", List.of("author_id"), "_fk_library_author_id", 63))
        .isEqualTo("library_book_author_id_d9a3b67e_fk_library_author_id");
    assertThat(Names.schemaName("library_book", List.of("title", "author_id"), "_uniq", 63))
        .isEqualTo("library_book_title_author_id_1c0ac942_uniq");
  }

  /** The hash part's budget (a third of the limit) does not count the {@code _} before it. */
  @Test
  void longForeignKeyNamesKeepAsManyCharactersAsDjangos() {
    String suffix = "_fk_library_foundation_id";
    List<String> column = List.of("foundation_id");
    assertThat(Names.schemaName("library_publication", column, suffix, 63))
        .isEqualTo("library_publication_foundation_id_10cb49a1_fk_library_f");
    assertThat(Names.schemaName("library_publication", column, suffix, 64))
        .isEqualTo("library_publication_foundation_id_10cb49a1_fk_library_f");
    assertThat(Names.schemaName("library_publication", column, suffix, 200))
        .isEqualTo("library_publication_foundation_id_10cb49a1_fk_library_foundation_id");
    assertThat(
            Names.schemaName(
                "library_publication_with_a_long_table_name",
                List.of("publisher_organisation_id"),
                "_fk_library_foundation_id",
                63))
        .isEqualTo("library_publication__publisher_organisati_a544413c_fk_library_f");
  }

  @Test
  void longIndexAndUniqueNamesAreShortenedAsDjangos() {
    assertThat(
            Names.schemaName(
                "library_publication_with_a_long_table_name",
                List.of("publisher_organisation_id"),
                "",
                63))
        .isEqualTo("library_publication_with_a_publisher_organisation_id_a544413c");
    assertThat(
            Names.schemaName(
                "library_publication_with_a_long_table_name",
                List.of("publisher_organisation_id"),
                "",
                64))
        .isEqualTo("library_publication_with_a__publisher_organisation_id_a544413c");
    assertThat(
            Names.schemaName(
                "library_publication_contributing_organisations",
                List.of("publication_id", "organisation_id"),
                "_uniq",
                63))
        .isEqualTo("library_publication_cont_publication_id_organisat_7a0bef88_uniq");
  }

  @Test
  void truncateKeepsTheHeadAndFourHexDigits() {
    String name = "library_publication_with_a_long_table_name_contributing_organisations";
    assertThat(Names.truncate(name, 63)).hasSize(63).startsWith(name.substring(0, 59));
    assertThat(Names.truncate(name, 63)).isEqualTo("library_publication_with_a_long_table_name_contributing_org0752");
    assertThat(Names.truncate("library_book", 63)).isEqualTo("library_book");
  }
}
