package dev.migrata.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.test.MigrationTester;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blog migrated to its last step, checked feature by feature in each backend's own catalogue
 * ({@link Introspection}) and by what the database refuses: Django's field types by name, positive
 * integers, non-identifier choices and the {@code unique_together} of a post's slug.
 */
class BlogSchemaTest {
  static final Timestamp NOON = Timestamp.valueOf("2026-01-02 12:00:00");

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void djangoStringTypesByNameHaveDjangosLengthsAndSlugsAreIndexed(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrate();
      Introspection db = new Introspection(tester);

      assertThat(db.columnType("accounts_author", "email")).isEqualTo(varchar(db, 254));
      assertThat(db.columnType("accounts_author", "website")).isEqualTo(varchar(db, 200));
      assertThat(db.columnType("accounts_author", "slug")).isEqualTo(varchar(db, 50));
      assertThat(db.columnType("posts_post", "slug")).isEqualTo(varchar(db, 200));
      // The enum's longest value, "in-review", sets the length.
      assertThat(db.columnType("posts_post", "status")).isEqualTo(varchar(db, 9));

      // SlugField is db_index=True: Django's <table>_<column>_<hash> index, plus _like on PG.
      assertThat(db.indexNames("accounts_author"))
          .anyMatch(name -> name.matches("accounts_author_slug_[0-9a-f]{8}"));
      if (db.vendor().equals("postgresql")) {
        assertThat(db.indexNames("accounts_author"))
            .anyMatch(name -> name.matches("accounts_author_slug_[0-9a-f]{8}_like"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void positiveIntegersAreCheckedAndUnsignedOnMariadb(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrate();
      Introspection db = new Introspection(tester);

      String views = db.columnType("posts_post", "views");
      switch (db.vendor()) {
        case "postgresql" -> {
          assertThat(views).isEqualTo("integer");
          assertThat(db.checks("posts_post")).contains("posts_post_views_check", "(views >= 0)");
        }
        case "sqlite" -> {
          assertThat(views).isEqualTo("integer unsigned");
          assertThat(db.checks("posts_post")).contains("CHECK (\"views\" >= 0)");
        }
        default -> assertThat(views).startsWith("int").endsWith("unsigned");
      }

      Object author = tester.insert("accounts_author", author("ada"));
      assertThatThrownBy(() -> tester.insert("posts_post", post(author, "negative", -1)))
          .isInstanceOf(IllegalStateException.class);
      tester.insert("posts_post", post(author, "zero", 0));
      assertThat(tester.rows("posts_post")).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void aSlugIsUniquePerAuthorUnderDjangosUniqueTogetherName(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrate();
      Introspection db = new Introspection(tester);

      if (!db.vendor().equals("sqlite")) {
        assertThat(db.indexNames("posts_post")).contains("posts_post_author_id_slug_53acde3b_uniq");
      }
      Object ada = tester.insert("accounts_author", author("ada"));
      Object bob = tester.insert("accounts_author", author("bob"));
      tester.insert("posts_post", post(ada, "hello", 0));
      tester.insert("posts_post", post(bob, "hello", 0));
      assertThatThrownBy(() -> tester.insert("posts_post", post(ada, "hello", 0)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void choicesThatAreNotIdentifiersAreStoredAsTheirValues(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrate();
      Object ada = tester.insert("accounts_author", author("ada"));
      Map<String, Object> post = post(ada, "ola", 0);
      post.put("status", "in-review");
      post.put("language", "pt-br");
      tester.insert("posts_post", post);

      assertThat(tester.query("SELECT status, language FROM posts_post"))
          .singleElement()
          .satisfies(row -> assertThat(row.values()).containsExactly("in-review", "pt-br"));
    }
  }

  static String varchar(Introspection db, int length) {
    return (db.vendor().equals("postgresql") ? "character varying(" : "varchar(") + length + ")";
  }

  /** An author row as of the latest step. */
  static Map<String, Object> author(String slug) {
    Map<String, Object> row = step1Author(slug);
    row.put("bio", "");
    return row;
  }

  /** An author row as of accounts 0001_initial. */
  static Map<String, Object> step1Author(String slug) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", slug.toUpperCase());
    row.put("email", slug + "@example.org");
    row.put("slug", slug);
    return row;
  }

  /** A post row as of the latest step. */
  static Map<String, Object> post(Object authorId, String slug, int views) {
    Map<String, Object> row = step1Post(authorId, slug);
    row.put("views", views);
    row.put("reading_minutes", 0);
    return row;
  }

  /** A post row as of 0001_initial. */
  static Map<String, Object> step1Post(Object authorId, String slug) {
    int views = 0;
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("title", slug);
    row.put("slug", slug);
    row.put("status", "draft");
    row.put("language", "");
    row.put("body", "");
    row.put("views", views);
    row.put("created", NOON);
    row.put("modified", NOON);
    row.put("author_id", authorId);
    return row;
  }
}
