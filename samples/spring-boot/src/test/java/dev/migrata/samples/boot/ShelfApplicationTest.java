package dev.migrata.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.samples.boot.jpa.AuthorEntity;
import dev.migrata.samples.boot.jpa.AuthorRepository;
import dev.migrata.samples.boot.jpa.BookEntity;
import dev.migrata.samples.boot.jpa.BookRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample started for real on each backend: Migrata migrates before JPA, Hibernate's schema
 * validation passes, a repository works, {@code /actuator/migrata} lists the migrations, and a
 * second start applies nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShelfApplicationTest {
  private static final List<String> MIGRATIONS =
      List.of("shelf.0001_initial", "shelf.0002_book_rating");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void migratesValidatesServesAndASecondStartAppliesNothing(Db.Kind kind, CapturedOutput output)
      throws Exception {
    try (Db db = Db.create(kind, dir)) {
      try (ConfigurableApplicationContext context = Shelf.start(db)) {
        assertThat(db.history()).containsExactlyElementsOf(MIGRATIONS);
        // The context started with ddl-auto=validate: Hibernate checked its entities against the
        // tables Migrata created (a mismatch fails the start).
        assertThat(context.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto"))
            .isEqualTo("validate");

        AuthorEntity leGuin =
            context.getBean(AuthorRepository.class).save(new AuthorEntity("Le Guin"));
        BookRepository books = context.getBean(BookRepository.class);
        books.save(new BookEntity("The Dispossessed", LocalDate.of(1974, 5, 1), leGuin, 5));
        assertThat(books.findByAuthorNameOrderByTitle("Le Guin"))
            .extracting(BookEntity::getTitle, BookEntity::getRating)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("The Dispossessed", 5));
        assertThat(db.rows("SELECT title FROM shelf_book")).containsExactly("The Dispossessed");

        JsonNode shelf = actuatorMigrata(context).get("apps").get("shelf");
        assertThat(shelf).hasSize(2);
        for (int i = 0; i < 2; i++) {
          assertThat(shelf.get(i).get("name").asString())
              .isEqualTo(MIGRATIONS.get(i).substring("shelf.".length()));
          assertThat(shelf.get(i).get("applied").asBoolean()).isTrue();
          assertThat(shelf.get(i).get("appliedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}.*");
        }
      }
      assertThat(output.getOut()).contains("Applying shelf.0002_book_rating... OK");

      int before = output.getOut().length();
      try (ConfigurableApplicationContext context = Shelf.start(db)) {
        assertThat(context.getBean(Migrata.class).plan().isEmpty()).isTrue();
      }
      String second = output.getOut().substring(before);
      assertThat(second).contains("Apply all migrations: shelf: no migrations to apply.");
      assertThat(second).doesNotContain("Applying ");
      assertThat(db.history()).containsExactlyElementsOf(MIGRATIONS);
      assertThat(db.rows("SELECT title FROM shelf_book")).containsExactly("The Dispossessed");
    }
  }

  private static JsonNode actuatorMigrata(ConfigurableApplicationContext context) throws Exception {
    String port = context.getEnvironment().getProperty("local.server.port");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrata"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
    return JsonMapper.builder().build().readTree(response.body());
  }
}
