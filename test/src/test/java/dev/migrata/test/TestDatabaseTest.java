package dev.migrata.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where test databases are made. */
class TestDatabaseTest {
  @Test
  void aServerUrlGetsTheNewDatabaseInPlaceOfItsOwn() {
    assertThat(
            TestDatabase.withDatabase(
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "migrata_test_1"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/migrata_test_1?user=postgres");
    assertThat(TestDatabase.withDatabase("jdbc:mariadb://127.0.0.1:3306/?user=root", "t"))
        .isEqualTo("jdbc:mariadb://127.0.0.1:3306/t?user=root");
    assertThat(TestDatabase.withDatabase("jdbc:mysql://db:3306", "t"))
        .isEqualTo("jdbc:mysql://db:3306/t");
  }

  @Test
  void namedServersHaveLocalDefaults() {
    assertThat(TestDatabase.serverUrl("sqlite")).isEqualTo("jdbc:sqlite:");
    assertThat(TestDatabase.serverUrl("PostgreSQL")).isEqualTo(TestDatabase.LOCAL_POSTGRESQL);
    assertThat(TestDatabase.serverUrl("jdbc:mariadb://x/")).isEqualTo("jdbc:mariadb://x/");
    assertThatThrownBy(() -> TestDatabase.serverUrl("oracle"))
        .hasMessageContaining("Unknown test database server 'oracle'");
  }
}
