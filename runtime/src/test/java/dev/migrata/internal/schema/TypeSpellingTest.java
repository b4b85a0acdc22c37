package dev.migrata.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server's spelling of a type compares equal to the editor's, and only then. */
class TypeSpellingTest {
  private static boolean same(String editor, String server, String vendor) {
    return TypeSpelling.canonical(editor, vendor).equals(TypeSpelling.canonical(server, vendor));
  }

  @Test
  void postgresqlSpellingsMatchTheEditors() {
    assertThat(same("varchar(200)", "character varying(200)", "postgresql")).isTrue();
    assertThat(same("varchar", "character varying", "postgresql")).isTrue();
    assertThat(same("numeric(8, 2)", "numeric(8,2)", "postgresql")).isTrue();
    assertThat(same("timestamp", "timestamp without time zone", "postgresql")).isTrue();
    assertThat(same("timestamp with time zone", "timestamp with time zone", "postgresql"))
        .isTrue();
    assertThat(same("timestamp", "timestamp with time zone", "postgresql")).isFalse();
    assertThat(same("varchar(200)", "character varying(300)", "postgresql")).isFalse();
    assertThat(same("varchar(200)", "text", "postgresql")).isFalse();
  }

  @Test
  void mariadbSpellingsMatchTheEditors() {
    assertThat(same("integer", "int(11)", "mysql")).isTrue();
    assertThat(same("bigint AUTO_INCREMENT", "bigint(20)", "mysql")).isTrue();
    assertThat(same("smallint", "smallint(6)", "mysql")).isTrue();
    assertThat(same("bool", "tinyint(1)", "mysql")).isTrue();
    assertThat(same("double precision", "double", "mysql")).isTrue();
    assertThat(same("numeric(8, 2)", "decimal(8,2)", "mysql")).isTrue();
    assertThat(same("json", "longtext", "mysql")).isTrue();
    assertThat(same("integer", "bigint(20)", "mysql")).isFalse();
    assertThat(same("bool", "tinyint(4)", "mysql")).isFalse();
  }

  @Test
  void mariadbUnsignedIntegersMatchTheEditorsPositiveIntegers() {
    assertThat(same("integer UNSIGNED", "int(10) unsigned", "mysql")).isTrue();
    assertThat(same("smallint UNSIGNED", "smallint(5) unsigned", "mysql")).isTrue();
    assertThat(same("bigint UNSIGNED", "bigint(20) unsigned", "mysql")).isTrue();
    assertThat(same("integer", "int(10) unsigned", "mysql")).isFalse();
    assertThat(same("integer UNSIGNED", "bigint(20) unsigned", "mysql")).isFalse();
  }

  @Test
  void sqliteTypesCompareAsDeclaredIgnoringCase() {
    assertThat(same("BLOB", "blob", "sqlite")).isTrue();
    assertThat(same("varchar(20)", "varchar(30)", "sqlite")).isFalse();
    assertThat(same("text", "longtext", "sqlite")).as("json is longtext on MySQL only").isFalse();
  }
}
