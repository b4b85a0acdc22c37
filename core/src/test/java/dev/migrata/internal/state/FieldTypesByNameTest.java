package dev.migrata.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Django's field types by name: their max_length defaults and deconstruction in state. */
class FieldTypesByNameTest {
  private static FieldState field(String type, Integer maxLength) {
    return FieldState.builder("f", type).maxLength(maxLength).build();
  }

  @Test
  void maxLengthIsKeptAsDjangosDeconstructionKeepsIt() {
    // EmailField always writes its max_length; the others drop their default.
    assertThat(field("EmailField", null).maxLength()).isEqualTo(254);
    assertThat(field("EmailField", 300).maxLength()).isEqualTo(300);
    assertThat(field("URLField", 200).maxLength()).isNull();
    assertThat(field("URLField", 300).maxLength()).isEqualTo(300);
    assertThat(field("SlugField", 50).maxLength()).isNull();
    assertThat(field("FileField", 100).maxLength()).isNull();
    assertThat(field("ImageField", 100).maxLength()).isNull();
    assertThat(field("FilePathField", 100).maxLength()).isNull();
    assertThat(field("FilePathField", 255).maxLength()).isEqualTo(255);
    assertThat(field("GenericIPAddressField", 39).maxLength()).isNull();
    assertThat(field("CharField", 10).maxLength()).isEqualTo(10);
    // Written either way, one state: no migration for a spelling.
    assertThat(field("URLField", 200)).isEqualTo(field("URLField", null));
  }

  @Test
  void aSlugFieldIsIndexedUnlessItSaysOtherwise() {
    FieldState slug = FieldState.builder("slug", "SlugField").index(true).build();
    Deconstructed d = slug.deconstruct();
    assertThat(d.values()).doesNotContainKey("index");
    assertThat(FieldState.reconstruct(d)).isEqualTo(slug);
    FieldState unindexed = FieldState.builder("slug", "SlugField").build();
    assertThat(unindexed.deconstruct().values()).containsEntry("index", false);
    assertThat(FieldState.reconstruct(unindexed.deconstruct())).isEqualTo(unindexed);
  }

  @Test
  void familiesShareLiteralsAndPositivesRefuseNegativeDefaults() {
    assertThat(FieldType.POSITIVE_INTEGER.family()).isEqualTo(FieldType.INTEGER);
    assertThat(FieldType.SMALL_AUTO.isAuto()).isTrue();
    assertThat(FieldType.EMAIL.isSizedText()).isTrue();
    FieldState positive = field("PositiveSmallIntegerField", null);
    assertThat(DefaultLiteral.canonical(positive, "007")).isEqualTo("7");
    assertThatThrownBy(() -> DefaultLiteral.canonical(positive, "-1"))
        .hasMessage("it is negative, and a PositiveSmallIntegerField holds 0 and up.");
    assertThatThrownBy(() -> DefaultLiteral.canonical(positive, "40000"))
        .isInstanceOf(NumberFormatException.class);
  }

  @Test
  void choicesAreValuesWithOptionalLabels() {
    FieldState f =
        FieldState.builder("lang", "CharField")
            .maxLength(5)
            .choices(List.of("pt-br=Brazilian Portuguese", "=None", "en", "a=b=c"))
            .build();
    assertThat(f.choiceValues()).containsExactly("pt-br", "", "en", "a");
    assertThat(DefaultLiteral.canonical(f, "")).isEmpty();
    assertThatThrownBy(() -> DefaultLiteral.canonical(f, "de"))
        .hasMessage("it is not one of the choices pt-br, , en, a.");
  }

  @Test
  void aJoinTableIdIsBigAutoFieldUnlessRecorded() {
    FieldState m2m = FieldState.builder("tags", "ManyToManyField").to("library.tag").build();
    assertThat(m2m.joinIdType()).isEqualTo("BigAutoField");
    FieldState auto = m2m.toBuilder().joinAutoField("AutoField").build();
    assertThat(auto.joinIdType()).isEqualTo("AutoField");
    assertThat(auto.equalsIgnoringJoinId(m2m)).isTrue();
    assertThat(FieldState.reconstruct(auto.deconstruct())).isEqualTo(auto);
    assertThat(m2m.toBuilder().joinAutoField("BigAutoField").build()).isEqualTo(m2m);
  }
}
