package dev.migrata.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expression form of expression indexes: what it accepts, its SQL and Django's wording. */
class IndexExpressionTest {
  @Test
  void acceptsOneKnownFunctionOverOneFieldAndAnOrder() {
    assertThat(IndexExpression.parse("Lower(email)"))
        .isEqualTo(new IndexExpression("Lower", "email", false));
    assertThat(IndexExpression.parse(" Upper( \"name\" ) .desc() "))
        .isEqualTo(new IndexExpression("Upper", "name", true));
    assertThat(IndexExpression.parse("F(created).asc()"))
        .isEqualTo(new IndexExpression("F", "created", false));
    assertThat(IndexExpression.parse("Length('title')").toString()).isEqualTo("Length(title)");
  }

  @Test
  void refusesEverythingElseSoNoRawSqlReachesTheIndex() {
    for (String text :
        List.of(
            "lower(email)",
            "Md5(email)",
            "Lower(email) || 'x'",
            "Lower(Trim(email))",
            "Lower(email); DROP TABLE x",
            "Lower(e mail)",
            "Lower(email).desc(1)",
            "")) {
      assertThat(IndexExpression.parse(text)).as(text).isNull();
    }
  }

  @Test
  void sqlIsDjangosIndexExpression() {
    assertThat(IndexExpression.parse("Lower(email)").sql("\"email\"", "postgresql"))
        .isEqualTo("(LOWER(\"email\"))");
    assertThat(IndexExpression.parse("Lower(email).desc()").sql("`email`", "mysql"))
        .isEqualTo("(LOWER(`email`)) DESC");
    assertThat(IndexExpression.parse("F(created).desc()").sql("\"created\"", "sqlite"))
        .isEqualTo("\"created\" DESC");
    assertThat(IndexExpression.parse("Length(title)").sql("`title`", "mysql"))
        .isEqualTo("(CHAR_LENGTH(`title`))");
  }

  @Test
  void describedAsDjangoPrintsTheExpression() {
    assertThat(IndexExpression.parse("Lower(email)").describe()).isEqualTo("Lower(F(email))");
    assertThat(IndexExpression.parse("F(created).desc()").describe())
        .isEqualTo("OrderBy(F(created), descending=True)");
  }

  @Test
  void aRenamedFieldIsRenamedInExpressionsAndIncludedFields() {
    ModelState m =
        ModelState.of("shop", "Account", List.of(FieldState.autoId()))
            .withIndexes(
                List.of(
                    new IndexState(
                        "i",
                        List.of(),
                        false,
                        null,
                        List.of("Lower(email).desc()"),
                        List.of(),
                        List.of(),
                        null),
                    new IndexState(
                        "j",
                        List.of("name"),
                        false,
                        null,
                        List.of(),
                        List.of(),
                        List.of("email"),
                        null)))
            .withConstraints(
                List.of(
                    new ConstraintState(
                        "u",
                        List.of(),
                        null,
                        null,
                        List.of("Upper(email)"),
                        List.of("email"),
                        List.of(),
                        true,
                        null,
                        "Taken.",
                        null)));
    ModelState renamed = m.renameFieldReferences("email", "mail");
    assertThat(renamed.index("i").expressions()).containsExactly("Lower(mail).desc()");
    assertThat(renamed.index("j").include()).containsExactly("mail");
    assertThat(renamed.constraint("u").expressions()).containsExactly("Upper(mail)");
    assertThat(renamed.constraint("u").include()).containsExactly("mail");
    assertThat(renamed.constraint("u").violationErrorMessage()).isEqualTo("Taken.");
  }
}
