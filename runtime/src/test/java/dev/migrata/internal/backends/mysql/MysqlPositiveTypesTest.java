package dev.migrata.internal.backends.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import org.junit.jupiter.api.Test;

/**
 * Django's MySQL positive integers: always {@code UNSIGNED}, with {@code CHECK (`col` >= 0)} only
 * where the server enforces column checks (MariaDB, MySQL 8.0.16+).
 */
class MysqlPositiveTypesTest {
  private static String check(String version) {
    return MysqlSchemaEditor.types(MysqlFeatures.forVersion(version))
        .check(FieldType.POSITIVE_INTEGER);
  }

  @Test
  void theCheckWhereTheServerEnforcesIt() {
    assertThat(check("10.11.19-MariaDB")).isEqualTo("{column} >= 0");
    assertThat(check("8.0.16")).isEqualTo("{column} >= 0");
    assertThat(check("8.0.15")).isNull();
    assertThat(check("5.7.44-log")).isNull();
  }

  @Test
  void unsignedEverywhere() {
    var types = MysqlSchemaEditor.types(MysqlFeatures.forVersion("5.7.44"));
    FieldState f = FieldState.builder("n", "PositiveBigIntegerField").build();
    assertThat(types.of(FieldType.POSITIVE_BIG_INTEGER, f)).isEqualTo("bigint UNSIGNED");
    assertThat(types.of(FieldType.SMALL_AUTO, f)).isEqualTo("smallint AUTO_INCREMENT");
    assertThat(types.rel(FieldType.POSITIVE_BIG_INTEGER, f)).isNull();
  }
}
