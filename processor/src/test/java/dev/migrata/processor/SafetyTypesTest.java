package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.state.FieldState;
import org.junit.jupiter.api.Test;

/** Which column changes rewrite or copy a table, per backend, and which defaults are volatile. */
class SafetyTypesTest {
  private static FieldState chars(int maxLength) {
    return FieldState.builder("title", "CharField").maxLength(maxLength).build();
  }

  private static FieldState decimal(int precision, int scale) {
    return FieldState.builder("price", "DecimalField").precision(precision).scale(scale).build();
  }

  @Test
  void aGrowingVarcharIsInPlaceOnPostgresButNotWhenItShrinks() {
    assertThat(SafetyTypes.rewritesOnPostgres(chars(100), chars(200))).isFalse();
    assertThat(SafetyTypes.rewritesOnPostgres(chars(200), chars(100))).isTrue();
    assertThat(
            SafetyTypes.rewritesOnPostgres(
                chars(100), FieldState.builder("title", "TextField").build()))
        .isFalse();
  }

  @Test
  void mysqlGrowsAVarcharInPlaceOnlyWhileItsLengthPrefixKeepsItsSize() {
    // utf8mb4: 63 characters are 252 bytes (1-byte prefix), 64 are 256 (2-byte prefix).
    assertThat(SafetyTypes.copiesOnMysql(chars(10), chars(63))).isFalse();
    assertThat(SafetyTypes.copiesOnMysql(chars(63), chars(64))).isTrue();
    assertThat(SafetyTypes.copiesOnMysql(chars(100), chars(200))).isFalse();
    assertThat(SafetyTypes.copiesOnMysql(chars(200), chars(100))).isTrue();
  }

  private static FieldState named(String type, Integer maxLength) {
    FieldState.Builder b = FieldState.builder("title", type);
    return maxLength == null ? b.build() : b.maxLength(maxLength).build();
  }

  @Test
  void theVarcharTypesByNameCompareByTheirColumn() {
    // EmailField(254) is the same varchar(254) as CharField(254): no change at all.
    assertThat(SafetyTypes.typeChanges(chars(254), named("EmailField", 254))).isFalse();
    // URLField's default length is 200, SlugField's 50, FileField's 100.
    assertThat(SafetyTypes.typeChanges(chars(200), named("URLField", null))).isFalse();
    assertThat(SafetyTypes.typeChanges(named("SlugField", null), chars(50))).isFalse();
    assertThat(SafetyTypes.rewritesOnPostgres(chars(50), named("FileField", null))).isFalse();
    assertThat(SafetyTypes.copiesOnMysql(chars(50), named("SlugField", 60))).isFalse();
    assertThat(SafetyTypes.rewritesOnPostgres(chars(100), named("SlugField", null))).isTrue();
    assertThat(SafetyTypes.copiesOnMysql(chars(60), named("URLField", null))).isTrue();
    assertThat(SafetyTypes.rewritesOnPostgres(named("EmailField", 254), named("TextField", null)))
        .isFalse();
    assertThat(SafetyTypes.describe(named("URLField", null)))
        .isEqualTo("URLField(maxLength = 200)");
    // PostgreSQL's inet is no varchar.
    assertThat(SafetyTypes.rewritesOnPostgres(chars(39), named("GenericIPAddressField", null)))
        .isTrue();
  }

  @Test
  void aNumericKeepsItsRowsWhenOnlyItsPrecisionGrows() {
    assertThat(SafetyTypes.rewritesOnPostgres(decimal(10, 2), decimal(12, 2))).isFalse();
    assertThat(SafetyTypes.rewritesOnPostgres(decimal(10, 2), decimal(12, 3))).isTrue();
    assertThat(SafetyTypes.rewritesOnPostgres(decimal(10, 2), decimal(10, 2))).isFalse();
  }

  @Test
  void volatileDefaultsAreTheFunctionsEvaluatedPerRow() {
    assertThat(SafetyTypes.volatileFunction("gen_random_uuid()")).isEqualTo("gen_random_uuid()");
    assertThat(SafetyTypes.volatileFunction("(RANDOM() * 10)::int")).isEqualTo("random()");
    assertThat(SafetyTypes.volatileFunction("now()")).isNull();
    assertThat(SafetyTypes.volatileFunction("CURRENT_TIMESTAMP")).isNull();
    assertThat(SafetyTypes.volatileFunction("'random'")).isNull();
    assertThat(SafetyTypes.volatileFunction(null)).isNull();
  }
}
