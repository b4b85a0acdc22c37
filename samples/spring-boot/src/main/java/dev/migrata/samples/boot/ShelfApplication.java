package dev.migrata.samples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Migrata migrates {@code shelf} at start-up (the starter does it before JPA starts); Hibernate
 * then validates its entities against that schema ({@code spring.jpa.hibernate.ddl-auto=validate}).
 */
@SpringBootApplication
public class ShelfApplication {
  public static void main(String[] args) {
    SpringApplication.run(ShelfApplication.class, args);
  }
}
