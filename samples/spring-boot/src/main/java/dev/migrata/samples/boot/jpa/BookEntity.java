package dev.migrata.samples.boot.jpa;

import dev.migrata.annotations.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The JPA view of {@link dev.migrata.samples.boot.shelf.Book}'s table; it creates nothing. */
@Entity
@Model(managed = false)
@Table(name = "shelf_book")
public class BookEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String title;

  private LocalDate published;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "author_id")
  private AuthorEntity author;

  @Column(nullable = false)
  private int rating;

  protected BookEntity() {}

  public BookEntity(String title, LocalDate published, AuthorEntity author, int rating) {
    this.title = title;
    this.published = published;
    this.author = author;
    this.rating = rating;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public LocalDate getPublished() {
    return published;
  }

  public AuthorEntity getAuthor() {
    return author;
  }

  public int getRating() {
    return rating;
  }
}
