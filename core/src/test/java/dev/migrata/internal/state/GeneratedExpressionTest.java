package dev.migrata.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Field references in braces, outside quoted SQL only. */
class GeneratedExpressionTest {
  @Test
  void bracedNamesAreReferencesInOrder() {
    assertThat(GeneratedExpression.references("{price} * {quantity} + {price}"))
        .containsExactly("price", "quantity", "price");
  }

  @Test
  void renderReplacesEachReferenceAndKeepsTheRest() {
    assertThat(GeneratedExpression.render("({price} * {qty}) - 1", n -> "\"" + n + "\""))
        .isEqualTo("(\"price\" * \"qty\") - 1");
  }

  @Test
  void bracesInsideQuotesOrAroundNonNamesAreText() {
    String sql = "concat({name}, '{name}', \"{x}\", `{y}`, {1}, { }, {a-b})";
    assertThat(GeneratedExpression.references(sql)).containsExactly("name");
    assertThat(GeneratedExpression.render(sql, n -> "N"))
        .isEqualTo("concat(N, '{name}', \"{x}\", `{y}`, {1}, { }, {a-b})");
  }

  @Test
  void renameTouchesOnlyTheRenamedField() {
    assertThat(GeneratedExpression.rename("{quantity} * {quantityMax}", "quantity", "amount"))
        .isEqualTo("{amount} * {quantityMax}");
  }
}
