package dev.migrata.test;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.state.FieldState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A changed {@code @App(defaultAutoField)} (Django's {@code DEFAULT_AUTO_FIELD}): the processor
 * alters every implicit {@code id}, and each AlterField takes the columns referring to the key
 * along (Django's {@code rels_to_update}): their type follows the key's, and their foreign keys
 * come back under the names they had, so the kit finds every step reversible and the schema what
 * the models describe, on every backend.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
class DefaultAutoFieldChangeTest {
  @Parameter String server;
  @TempDir Path dir;
  private MigrationTester tester;

  @AfterEach
  void drop() {
    if (tester != null) {
      tester.close();
    }
  }

  private static FieldState id(String type) {
    return FieldState.autoId(type);
  }

  /** 0001 with AutoField keys (a foreign key, a one-to-one, a many-to-many), 0002 to BigAuto. */
  private static List<MigrationDefinition> history() {
    return List.of(
        migration("demo", "0001_initial")
            .ops(
                createModel("demo", "Author", id("AutoField"), chars("name", 50)),
                createModel("demo", "Tag", id("AutoField"), chars("name", 20)),
                createModel(
                    "demo",
                    "Book",
                    id("AutoField"),
                    chars("title", 50),
                    fk("author", "demo.author", "CASCADE"),
                    FieldState.builder("tags", "ManyToManyField").to("demo.tag").build()),
                createModel(
                    "demo",
                    "Profile",
                    id("AutoField"),
                    FieldState.builder("author", "OneToOneField")
                        .to("demo.author")
                        .onDelete("CASCADE")
                        .build())),
        migration("demo", "0002_alter_author_id_alter_book_id_and_more")
            .dependsOn("demo", "0001_initial")
            .ops(
                new AlterField("author", id("BigAutoField"), true),
                new AlterField("book", id("BigAutoField"), true),
                new AlterField("profile", id("BigAutoField"), true),
                new AlterField("tag", id("BigAutoField"), true)));
  }

  @Test
  void everyStepIsReversibleAndTheReferringColumnsFollowTheKey() throws Exception {
    tester = MigrationTester.create(server, KitFixtures.indexed(dir, history()));
    tester.assertEveryMigrationReversible();
    tester.assertSchemaMatchesModels();

    tester.migrateTo("demo", "0001");
    Object author = tester.insert("demo_author", Map.of("name", "Ann"));
    Object book = tester.insert("demo_book", Map.of("title", "T", "author_id", author));
    tester.migrate();
    tester.assertSchemaMatchesModels();
    assertThat(tester.rows("demo_book")).hasSize(1);
    assertThat(number(tester.rows("demo_book").get(0), "author_id"))
        .isEqualTo(((Number) author).longValue());
    assertThat(((Number) book).longValue()).isPositive();
    tester.migrateTo("demo", "0001");
    tester.assertSchemaMatchesModels();
  }

  private static long number(Map<String, Object> row, String column) {
    return row.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(column))
        .map(e -> ((Number) e.getValue()).longValue())
        .findFirst()
        .orElseThrow();
  }
}
