package dev.migrata.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Django's {@code db_constraint} and Migrata's constraint name in the deconstructed field. */
class ForeignKeyConstraintStateTest {
  private static FieldState.Builder author() {
    return FieldState.builder("author", "ForeignKey").to("library.author").onDelete("CASCADE");
  }

  @Test
  void theDefaultsAreLeftOutOfTheDeconstruction() {
    FieldState field = author().build();
    assertThat(field.dbConstraint()).isTrue();
    assertThat(field.constraintName()).isNull();
    Deconstructed d = field.deconstruct();
    assertThat(d.has("dbConstraint")).isFalse();
    assertThat(d.has("constraintName")).isFalse();
    assertThat(FieldState.reconstruct(d)).isEqualTo(field);
  }

  @Test
  void noConstraintIsWrittenAsFalseAndReadBack() {
    FieldState field = author().dbConstraint(false).build();
    Deconstructed d = field.deconstruct();
    assertThat(d.values()).containsEntry("dbConstraint", false);
    FieldState back = FieldState.reconstruct(d);
    assertThat(back.dbConstraint()).isFalse();
    assertThat(back).isEqualTo(field).isNotEqualTo(author().build());
  }

  @Test
  void aConstraintNameIsWrittenAndReadBack() {
    FieldState field = author().constraintName("fk_book_author").build();
    Deconstructed d = field.deconstruct();
    assertThat(d.values()).containsEntry("constraintName", "fk_book_author");
    FieldState back = FieldState.reconstruct(d);
    assertThat(back.constraintName()).isEqualTo("fk_book_author");
    assertThat(back).isEqualTo(field);
    assertThat(back.toBuilder().build()).isEqualTo(field);
  }
}
