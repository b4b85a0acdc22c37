package dev.migrata.internal.backends.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which online clause each statement gets, by server version (issue 10). */
class OnlineDdlTest {
  private static final String ADD = "ALTER TABLE `t` ADD COLUMN `c` integer NULL";
  private static final String DROP = "ALTER TABLE `t` DROP COLUMN `c`";

  @Test
  void addingAColumnIsInstantFromMysql8012AndMariadb1032() {
    assertThat(new OnlineDdl("8.0.12").apply(ADD)).endsWith(", ALGORITHM=INSTANT");
    assertThat(new OnlineDdl("5.7.44").apply(ADD)).endsWith(", ALGORITHM=INPLACE, LOCK=NONE");
    assertThat(new OnlineDdl("10.3.2-MariaDB").apply(ADD)).endsWith(", ALGORITHM=INSTANT");
    assertThat(new OnlineDdl("10.2.44-MariaDB").apply(ADD))
        .endsWith(", ALGORITHM=INPLACE, LOCK=NONE");
    assertThat(new OnlineDdl("8.4.0").apply(ADD + " UNIQUE"))
        .endsWith(", ALGORITHM=INPLACE, LOCK=NONE");
  }

  @Test
  void droppingAColumnIsInstantFromMysql8029AndMariadb104() {
    assertThat(new OnlineDdl("8.0.29").apply(DROP)).endsWith(", ALGORITHM=INSTANT");
    assertThat(new OnlineDdl("8.0.28").apply(DROP)).endsWith(", ALGORITHM=INPLACE, LOCK=NONE");
    assertThat(new OnlineDdl("10.4.0-MariaDB").apply(DROP)).endsWith(", ALGORITHM=INSTANT");
  }

  @Test
  void indexesAreInPlaceAndTheRestIsLeftAsWritten() {
    assertThat(new OnlineDdl("8.4.0").apply("CREATE INDEX `i` ON `t` (`c`)"))
        .isEqualTo("CREATE INDEX `i` ON `t` (`c`) ALGORITHM=INPLACE LOCK=NONE");
    assertThat(new OnlineDdl("8.4.0").apply("DROP INDEX `i` ON `t`"))
        .isEqualTo("DROP INDEX `i` ON `t` ALGORITHM=INPLACE LOCK=NONE");
    for (String same :
        new String[] {
          "CREATE TABLE `t` (`id` integer)",
          "ALTER TABLE `t` RENAME TO `u`",
          "ALTER TABLE `t` ADD CONSTRAINT `f` FOREIGN KEY (`a`) REFERENCES `u` (`id`)",
          "ALTER TABLE `t` ADD COLUMN `c` integer, ALGORITHM=COPY"
        }) {
      assertThat(new OnlineDdl("8.4.0").apply(same)).isEqualTo(same);
    }
  }
}
