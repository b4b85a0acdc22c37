package dev.migrata.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.test.MigrationTester;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blog's later steps on rows written by an earlier one, on each backend: what existing rows
 * get, what Django's field types leave in the catalogue, and which operations run no SQL.
 */
class EvolutionTest {
  private static final String STEP_2 = "0002_post_reading_minutes_alter_post_language_comment";
  private static final String STEP_3 = "0003_alter_post_options_alter_post_status";

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void step2GivesExistingPostsZeroReadingMinutesAndAddsComments(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrateTo("posts", "0001");
      Object ada = tester.insert("accounts_author", BlogSchemaTest.step1Author("ada"));
      tester.insert("posts_post", BlogSchemaTest.step1Post(ada, "first"));

      tester.migrateTo("posts", "0002");
      assertThat(tester.query("SELECT reading_minutes FROM posts_post"))
          .singleElement()
          .satisfies(row -> assertThat(((Number) row.get("reading_minutes")).intValue()).isZero());

      Introspection db = new Introspection(tester);
      String ip = db.columnType("posts_comment", "ip");
      String minutes = db.columnType("posts_post", "reading_minutes");
      switch (db.vendor()) {
        case "postgresql" -> {
          assertThat(ip).isEqualTo("inet");
          assertThat(minutes).isEqualTo("smallint");
          assertThat(db.checks("posts_post")).contains("posts_post_reading_minutes_check");
        }
        case "sqlite" -> {
          assertThat(ip).isEqualTo("char(39)");
          assertThat(minutes).isEqualTo("smallint unsigned");
          assertThat(db.checks("posts_post")).contains("CHECK (\"reading_minutes\" >= 0)");
        }
        default -> {
          assertThat(ip).isEqualTo("char(39)");
          assertThat(minutes).startsWith("smallint").endsWith("unsigned");
        }
      }
      assertThat(db.columnType("posts_comment", "email"))
          .isEqualTo(BlogSchemaTest.varchar(db, 254));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void aChangeOfChoicesIsAnAlterFieldThatRunsNoSql(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      String sql = tester.migrata().sqlMigrate("posts", STEP_2, false);
      assertThat(block(sql, "-- Alter field language on post")).containsExactly("-- (no-op)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void commentsGoWithTheirPostAndUnapplyingStep2DropsThem(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrate();
      Object ada = tester.insert("accounts_author", BlogSchemaTest.author("ada"));
      Object post = tester.insert("posts_post", BlogSchemaTest.post(ada, "first", 0));
      tester.insert("posts_comment", comment(post));
      assertThat(tester.rows("posts_comment")).hasSize(1);

      tester.migrateTo("posts", "0001");
      assertThat(tester.schema().tables()).doesNotContain("posts_comment");
      assertThat(tester.rows("posts_post")).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void step3GivesExistingAuthorsAnEmptyBio(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrateTo("accounts", "0001");
      tester.insert("accounts_author", BlogSchemaTest.step1Author("ada"));

      tester.migrateTo("accounts", "0002");
      assertThat(tester.query("SELECT bio FROM accounts_author"))
          .singleElement()
          .satisfies(row -> assertThat(row.get("bio")).isEqualTo(""));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void newModelOptionsAndANewChoiceLabelRunNoSql(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      String sql = tester.migrata().sqlMigrate("posts", STEP_3, false);
      assertThat(block(sql, "-- Change Meta options on post")).containsExactly("-- (no-op)");
      assertThat(block(sql, "-- Alter field status on post")).containsExactly("-- (no-op)");
    }
  }

  /**
   * The statements under one operation's heading in {@code sqlmigrate}'s output, up to the next
   * operation's heading (SQLite's rebuild for an AddField names every column, so only the block of
   * the operation looked at counts).
   */
  private static List<String> block(String sql, String heading) {
    List<String> lines = Arrays.asList(sql.split("\\n"));
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equalsIgnoreCase(heading)) {
        at = i;
      }
    }
    if (at < 0) {
      throw new AssertionError("No \"" + heading + "\" in:\n" + sql);
    }
    // A transaction's end is not the operation's.
    List<String> block = new ArrayList<>();
    for (String line : lines.subList(at + 1, lines.size())) {
      if (line.startsWith("-- ") && !line.equals("-- (no-op)")) {
        break;
      }
      if (!line.equals("--") && !line.equals("COMMIT;")) {
        block.add(line);
      }
    }
    return block;
  }

  private static Map<String, Object> comment(Object post) {
    return Map.of(
        "post_id",
        post,
        "name",
        "Bob",
        "email",
        "",
        "body",
        "Nice.",
        "approved",
        false,
        "created",
        BlogSchemaTest.NOON);
  }
}
