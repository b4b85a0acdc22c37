package dev.migrata.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The accounts app's generated migration (expression, operator-class, covering and GIN indexes;
 * unique constraints over an expression, NULLS NOT DISTINCT and deferrable) applied and unapplied
 * on each backend, which creates what Django creates there.
 */
class AccountsAppTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void appliesAndUnappliesTheIndexDetails(Db.Kind kind) throws SQLException {
    try (Db db = Db.create(kind, dir)) {
      db.configure().load().migrate("accounts", "0001_initial");
      List<String> expected =
          switch (kind) {
            case POSTGRES ->
                List.of(
                    "account_email_ci",
                    "account_email_lower",
                    "account_handle_uniq",
                    "account_name_cover",
                    "account_name_like",
                    "account_number_deferred",
                    "accounts_ac_setting_428806_gin");
            case SQLITE ->
                List.of(
                    "account_email_ci",
                    "account_email_lower",
                    "account_name_cover",
                    "account_name_like");
            case MARIADB -> List.of("account_name_cover", "account_name_like");
          };
      assertThat(db.indexes("accounts_account")).containsExactlyElementsOf(expected);

      db.exec(
          "INSERT INTO accounts_account (email, name, number) VALUES ('ann@example.com', 'Ann',"
              + " '1')");
      if (kind != Db.Kind.MARIADB) {
        assertThatThrownBy(
                () ->
                    db.exec(
                        "INSERT INTO accounts_account (email, name, number) VALUES"
                            + " ('Ann@Example.com', 'Ann', '2')"))
            .as("the e-mail is unique whatever its case")
            .isInstanceOf(SQLException.class);
      }
      assertThatThrownBy(
              () ->
                  db.exec(
                      "INSERT INTO accounts_account (email, name, number) VALUES ('b@x.org', '',"
                          + " '3')"))
          .as("the check constraint")
          .isInstanceOf(SQLException.class);

      db.configure().load().migrate("accounts", "zero");
      assertThat(db.columns("accounts_account")).isEmpty();
    }
  }
}
