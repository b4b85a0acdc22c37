package dev.migrata.samples.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.samples.jpa.store.Address;
import dev.migrata.samples.jpa.store.Author;
import dev.migrata.samples.jpa.store.Book;
import dev.migrata.samples.jpa.store.Customer;
import dev.migrata.samples.jpa.store.Review;
import dev.migrata.samples.jpa.store.Stars;
import java.nio.file.Path;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store app's later history on a database with rows: the hand-written data migration (0006)
 * fills the column the generated 0005 added with a database default, and its reverse clears it; the
 * Hibernate {@code @Check} holds in the database.
 */
class StoreHistoryTest {
  private static final String BEFORE_DATA =
      "0005_alter_customer_table_comment_customer_loyalty_points_and_more";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void theDataMigrationFillsWhatTheAddedColumnDefaulted(Db.Kind kind) throws Exception {
    try (Db db = Db.create(kind, dir)) {
      Migrata migrata = db.configure().load();
      // Every other app at its latest (Hibernate validates all entities), store back at 0005.
      migrata.migrate();
      migrata.migrate("store", BEFORE_DATA);
      // The schema at 0005 is already today's: Hibernate validates it and writes a graph.
      try (SessionFactory hibernate = Hibernates.open(db, "validate")) {
        persistReviewer(hibernate, "Ada Reader", true);
        persistReviewer(hibernate, "Bo Idle", false);
      }
      String points = "SELECT full_name, loyalty_points FROM customers ORDER BY full_name";
      assertThat(db.rows(points)).containsExactly("Ada Reader|0", "Bo Idle|0");

      migrata.migrate();
      assertThat(db.history()).last().isEqualTo("store.0006_fill_loyalty_points");
      assertThat(db.rows(points)).containsExactly("Ada Reader|5", "Bo Idle|0");

      migrata.migrate("store", BEFORE_DATA);
      assertThat(db.rows(points)).containsExactly("Ada Reader|0", "Bo Idle|0");

      // The column default fills a row written without it; the check refuses a negative value.
      db.exec("INSERT INTO customers (version, full_name) VALUES (0, 'Cy New')");
      assertThat(db.rows("SELECT loyalty_points FROM customers WHERE full_name = 'Cy New'"))
          .containsExactly("0");
      assertThatThrownBy(() -> db.exec("UPDATE customers SET loyalty_points = -1"))
          .isInstanceOf(SQLException.class);
    }
  }

  private static void persistReviewer(SessionFactory hibernate, String name, boolean active) {
    hibernate.inTransaction(
        s -> {
          Author author = new Author();
          author.name = "Author of " + name;
          author.email = name.replace(' ', '.') + "@example.com";
          s.persist(author);
          Book book = new Book();
          book.title = "A book " + name + " reviewed";
          book.author = author;
          s.persist(book);
          Customer customer = new Customer();
          customer.fullName = name;
          customer.active = active;
          customer.billing = new Address();
          s.persist(customer);
          Review review = new Review();
          review.book = book;
          review.stars = new Stars(4);
          review.text = "Fine.";
          review.reviewer = customer;
          s.persist(review);
        });
  }
}
