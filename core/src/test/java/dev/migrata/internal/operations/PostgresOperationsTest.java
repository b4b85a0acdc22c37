package dev.migrata.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Django's contrib.postgres operations: state effects, describe(), name fragments, forms. */
class PostgresOperationsTest {
  private static final ConstraintState CHECK = ConstraintState.check("title_set", "title <> ''");

  private static ProjectState library() {
    ProjectState state = new ProjectState();
    new CreateModel(
            "Book",
            List.of(
                FieldState.builder("id", "BigAutoField").primaryKey(true).build(),
                FieldState.builder("title", "CharField").maxLength(200).build()),
            List.of(),
            List.of(),
            null,
            null,
            true)
        .stateForwards("library", state);
    return state;
  }

  @Test
  void aNotValidConstraintHasAddConstraintsStateEffectAndValidateHasNone() {
    ProjectState state = library();
    new AddConstraintNotValid("book", CHECK).stateForwards("library", state);
    ModelState book = state.require("library", "book");
    assertThat(book.constraints()).containsExactly(CHECK);

    ProjectState before = state.copy();
    new ValidateConstraint("book", "title_set").stateForwards("library", state);
    new CreateExtension("hstore").stateForwards("library", state);
    new CreateCollation(new Collation("ci", "und", "icu", false)).stateForwards("library", state);
    assertThat(state.require("library", "book")).isEqualTo(before.require("library", "book"));
  }

  @Test
  void describeAndNameFragmentsAreDjangos() {
    assertThat(new AddConstraintNotValid("book", CHECK).describe())
        .isEqualTo("Create not valid constraint title_set on model book");
    assertThat(new AddConstraintNotValid("book", CHECK).nameFragment())
        .isEqualTo("book_title_set_not_valid");
    assertThat(new ValidateConstraint("book", "Title_Set").describe())
        .isEqualTo("Validate constraint Title_Set on model book");
    assertThat(new ValidateConstraint("book", "Title_Set").nameFragment())
        .isEqualTo("book_validate_title_set");
    assertThat(CreateExtension.trigram().describe()).isEqualTo("Creates extension pg_trgm");
    assertThat(CreateExtension.trigram().nameFragment()).isEqualTo("create_extension_pg_trgm");
    Collation ci = new Collation("Case_Insensitive", "und-u-ks-level2", "icu", false);
    assertThat(new CreateCollation(ci).describe()).isEqualTo("Create collation Case_Insensitive");
    assertThat(new CreateCollation(ci).nameFragment())
        .isEqualTo("create_collation_case_insensitive");
    assertThat(new RemoveCollation(ci).describe()).isEqualTo("Remove collation Case_Insensitive");
    assertThat(new RemoveCollation(ci).nameFragment())
        .isEqualTo("remove_collation_case_insensitive");
  }

  @Test
  void djangosNamedExtensionsAreCreateExtensionWithTheirNames() {
    assertThat(
            List.of(
                    CreateExtension.btreeGin(),
                    CreateExtension.btreeGist(),
                    CreateExtension.citext(),
                    CreateExtension.crypto(),
                    CreateExtension.hstore(),
                    CreateExtension.trigram(),
                    CreateExtension.unaccent())
                .stream()
                .map(CreateExtension::name))
        .containsExactly(
            "btree_gin", "btree_gist", "citext", "pgcrypto", "hstore", "pg_trgm", "unaccent");
  }

  @Test
  void aCollationWritesProviderAndDeterministicOnlyWhereNotTheDefault() {
    assertThat(new CreateCollation(new Collation("de", "de_DE", null, true)).deconstruct().values())
        .containsOnlyKeys("kind", "name", "locale");
    assertThat(new RemoveCollation(new Collation("ci", "und", "icu", false)).deconstruct().values())
        .containsEntry("provider", "icu")
        .containsEntry("deterministic", false);
  }

  @Test
  void reversibilityIsDjangos() {
    assertThat(new ValidateConstraint("book", "c").reversible()).isTrue();
    assertThat(new CreateExtension("hstore").reversible()).isTrue();
    assertThat(new RemoveCollation(new Collation("ci", "und", "icu", false)).reversible()).isTrue();
  }

  @Test
  void aNotValidConstraintIsACheck() {
    assertThatThrownBy(
            () ->
                new AddConstraintNotValid(
                    "book", ConstraintState.unique("u", List.of("title"), null)))
        .hasMessage("AddConstraintNotValid.constraint must be a check constraint.");
  }

  @Test
  void removingTheNotValidConstraintCancelsIt() {
    Reduction r =
        new AddConstraintNotValid("book", CHECK)
            .reduce(new RemoveConstraint("book", "title_set"), "library");
    assertThat(r.isReplacement()).isTrue();
    assertThat(r.operations()).isEmpty();
  }
}
