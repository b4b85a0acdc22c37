package dev.migrata.samples.boot.jpa;

import dev.migrata.annotations.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The JPA view of {@link dev.migrata.samples.boot.shelf.Author}'s table; it creates nothing. */
@Entity
@Model(managed = false)
@Table(name = "shelf_author")
public class AuthorEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  protected AuthorEntity() {}

  public AuthorEntity(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
