package dev.migrata.samples.jpa;

import dev.migrata.Db;
import dev.migrata.samples.jpa.billing.Invoice;
import dev.migrata.samples.jpa.billing.InvoiceLine;
import dev.migrata.samples.jpa.billing.Payment;
import dev.migrata.samples.jpa.store.Author;
import dev.migrata.samples.jpa.store.Book;
import dev.migrata.samples.jpa.store.Customer;
import dev.migrata.samples.jpa.store.CustomerProfile;
import dev.migrata.samples.jpa.store.OrderLine;
import dev.migrata.samples.jpa.store.Publisher;
import dev.migrata.samples.jpa.store.PurchaseOrder;
import dev.migrata.samples.jpa.store.Review;
import dev.migrata.samples.jpa.store.Shelf;
import dev.migrata.samples.jpa.store.Tag;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/** A Hibernate session factory over the sample's entities on one test database. */
final class Hibernates {
  static final List<Class<?>> ENTITIES =
      List.of(
          Author.class,
          Book.class,
          Customer.class,
          CustomerProfile.class,
          OrderLine.class,
          Publisher.class,
          PurchaseOrder.class,
          Review.class,
          Shelf.class,
          Tag.class,
          Invoice.class,
          InvoiceLine.class,
          Payment.class);

  private Hibernates() {}

  /** Hibernate on {@code db} with Spring Boot's naming and {@code hbm2ddl.auto = ddlAuto}. */
  static SessionFactory open(Db db, String ddlAuto) {
    Configuration c = new Configuration();
    ENTITIES.forEach(c::addAnnotatedClass);
    HrGraph.ENTITIES.forEach(c::addAnnotatedClass);
    c.setProperty("hibernate.connection.url", db.url);
    c.setProperty("hibernate.hbm2ddl.auto", ddlAuto);
    c.setProperty(
        "hibernate.physical_naming_strategy",
        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    c.setProperty("hibernate.implicit_naming_strategy", SpringImplicitNaming.class.getName());
    if (db.kind == Db.Kind.SQLITE) {
      c.setProperty("hibernate.dialect", SqliteValidatingDialect.class.getName());
    }
    return c.buildSessionFactory();
  }
}
