package dev.migrata.samples.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.samples.jpa.billing.Invoice;
import dev.migrata.samples.jpa.billing.InvoiceLine;
import dev.migrata.samples.jpa.billing.Payment;
import dev.migrata.samples.jpa.store.Address;
import dev.migrata.samples.jpa.store.Author;
import dev.migrata.samples.jpa.store.Book;
import dev.migrata.samples.jpa.store.BookFormat;
import dev.migrata.samples.jpa.store.BookStatus;
import dev.migrata.samples.jpa.store.Customer;
import dev.migrata.samples.jpa.store.CustomerProfile;
import dev.migrata.samples.jpa.store.OrderLine;
import dev.migrata.samples.jpa.store.Publisher;
import dev.migrata.samples.jpa.store.PurchaseOrder;
import dev.migrata.samples.jpa.store.Review;
import dev.migrata.samples.jpa.store.Shelf;
import dev.migrata.samples.jpa.store.Stars;
import dev.migrata.samples.jpa.store.Tag;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof the issue asks for: Migrata migrates an empty database from the entities' generated
 * migrations, then Hibernate validates the schema ({@code hbm2ddl.auto = validate}) and persists
 * and reads back an object graph.
 */
class HibernateValidateTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void hibernateValidatesWhatMigrataCreated(Db.Kind kind) throws Exception {
    try (Db db = Db.create(kind, dir)) {
      db.configure().load().migrate();
      try (SessionFactory hibernate = Hibernates.open(db, "validate")) {
        Long bookId = persistGraph(hibernate);
        hibernate.inTransaction(
            s -> {
              Book book = s.find(Book.class, bookId);
              assertThat(book.title).isEqualTo("Dune");
              assertThat(book.status).isEqualTo(BookStatus.IN_PRINT);
              assertThat(book.format).isEqualTo(BookFormat.PAPERBACK);
              assertThat(book.price).isEqualByComparingTo("9.99");
              assertThat(book.author.name).isEqualTo("Frank Herbert");
              assertThat(book.publisher.address.city).isEqualTo("Philadelphia");
              assertThat(book.tags).extracting(t -> t.label).containsExactly("sf");
              assertThat(book.summary).startsWith("Desert");
              Shelf shelf = s.find(Shelf.class, "A1");
              assertThat(shelf.books).extracting(b -> b.title).containsExactly("Dune");
              Review review = s.createSelectionQuery("from Review", Review.class).getSingleResult();
              assertThat(review.stars).isEqualTo(new Stars(5));
              assertThat(review.text).isEqualTo("Classic.");
              PurchaseOrder order =
                  s.createSelectionQuery("from PurchaseOrder", PurchaseOrder.class)
                      .getSingleResult();
              assertThat(order.lines).hasSize(1);
              assertThat(order.customer.billing.postalCode).isEqualTo("10001");
              CustomerProfile profile =
                  s.createSelectionQuery("from CustomerProfile", CustomerProfile.class)
                      .getSingleResult();
              assertThat(profile.customer.fullName).isEqualTo("Ada Reader");
            });
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void hibernateReadsTheHierarchiesAndCollectionsMigrataCreated(Db.Kind kind) throws Exception {
    try (Db db = Db.create(kind, dir)) {
      db.configure().load().migrate();
      try (SessionFactory hibernate = Hibernates.open(db, "validate")) {
        HrGraph.assertReadBack(hibernate, HrGraph.persist(hibernate));
      }
    }
  }

  /**
   * The billing app's keys come from its sequences (or, on SQLite, Hibernate's tables standing in
   * for them): the named one starts at 1000, and Hibernate's pooled optimizer accepts each
   * sequence's increment as its allocation size (it refuses a mismatch at startup).
   */
  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void billingKeysComeFromTheSequencesMigrataCreated(Db.Kind kind) throws Exception {
    try (Db db = Db.create(kind, dir)) {
      db.configure().load().migrate();
      try (SessionFactory hibernate = Hibernates.open(db, "validate")) {
        Long[] ids =
            hibernate.fromTransaction(
                s -> {
                  Invoice first = invoice(s, "Ada", "12.50");
                  Invoice second = invoice(s, "Grace", "99.00");
                  InvoiceLine line = new InvoiceLine();
                  line.invoice = first;
                  line.description = "Analytical engine, one";
                  line.quantity = 1;
                  s.persist(line);
                  Payment payment = new Payment();
                  payment.invoice = first;
                  payment.amount = new BigDecimal("12.50");
                  s.persist(payment);
                  return new Long[] {first.id, second.id, line.id};
                });
        assertThat(ids[0]).isEqualTo(1000L);
        assertThat(ids[1]).isEqualTo(1001L);
        assertThat(ids[2]).isEqualTo(1L);
        hibernate.inTransaction(
            s -> {
              Invoice invoice = s.find(Invoice.class, 1000L);
              assertThat(invoice.customer).isEqualTo("Ada");
              assertThat(invoice.lines)
                  .extracting(l -> l.description)
                  .containsExactly("Analytical engine, one");
              Payment payment =
                  s.createSelectionQuery("from Payment", Payment.class).getSingleResult();
              assertThat(payment.id).isEqualTo(1);
              assertThat(payment.invoice.id).isEqualTo(1000L);
            });
      }
    }
  }

  private static Invoice invoice(org.hibernate.Session s, String customer, String total) {
    Invoice invoice = new Invoice();
    invoice.customer = customer;
    invoice.total = new BigDecimal(total);
    invoice.issuedOn = LocalDate.of(2026, 12, 1);
    s.persist(invoice);
    return invoice;
  }

  /** Every entity once, linked; returns the book's id. */
  static Long persistGraph(SessionFactory hibernate) {
    return hibernate.fromTransaction(
        s -> {
          Author author = new Author();
          author.name = "Frank Herbert";
          author.email = "frank@example.com";
          author.bornOn = LocalDate.of(1920, 10, 8);
          s.persist(author);
          Publisher publisher = new Publisher();
          publisher.name = "Chilton";
          publisher.address = address("Chestnut St", "Philadelphia", "19101");
          s.persist(publisher);
          Tag tag = new Tag();
          tag.label = "sf";
          s.persist(tag);
          Book book = new Book();
          book.title = "Dune";
          book.isbn = "9780441172719";
          book.price = new BigDecimal("9.99");
          book.status = BookStatus.IN_PRINT;
          book.format = BookFormat.PAPERBACK;
          book.publishedOn = LocalDate.of(1965, 8, 1);
          book.summary = "Desert planet, spice, and a duke's son.";
          book.pageCount = 412;
          book.author = author;
          book.publisher = publisher;
          book.tags.add(tag);
          s.persist(book);
          Shelf shelf = new Shelf();
          shelf.code = "A1";
          shelf.location = "front";
          shelf.books.add(book);
          s.persist(shelf);
          Review review = new Review();
          review.book = book;
          review.stars = new Stars(5);
          review.text = "Classic.";
          s.persist(review);
          Customer customer = new Customer();
          customer.fullName = "Ada Reader";
          customer.billing = address("5th Ave", "New York", "10001");
          s.persist(customer);
          CustomerProfile profile = new CustomerProfile();
          profile.customer = customer;
          profile.bio = "Reads at night.";
          s.persist(profile);
          PurchaseOrder order = new PurchaseOrder();
          order.customer = customer;
          order.placedAt = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
          s.persist(order);
          OrderLine line = new OrderLine();
          line.order = order;
          line.book = book;
          line.quantity = 2;
          line.unitPrice = new BigDecimal("9.99");
          order.lines.add(line);
          s.persist(line);
          return book.id;
        });
  }

  private static Address address(String street, String city, String zip) {
    Address a = new Address();
    a.street = street;
    a.city = city;
    a.postalCode = zip;
    return a;
  }
}
