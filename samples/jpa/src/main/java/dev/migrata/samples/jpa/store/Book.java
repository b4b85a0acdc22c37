package dev.migrata.samples.jpa.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(
    indexes = @Index(name = "book_title_idx", columnList = "title"),
    uniqueConstraints =
        @UniqueConstraint(
            name = "book_author_title_uniq",
            columnNames = {"author_id", "title"}))
public class Book extends BaseEntity {
  @Column(nullable = false, length = 200)
  public String title;

  @Column(unique = true, length = 13)
  public String isbn;

  @Column(precision = 10, scale = 2)
  public BigDecimal price;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public BookStatus status = BookStatus.DRAFT;

  public BookFormat format;

  public LocalDate publishedOn;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  public String summary;

  /** Was an {@code int}: the third migration widens the column to {@code bigint}. */
  public long pageCount;

  @ManyToOne(optional = false)
  @JoinColumn(name = "author_id")
  public Author author;

  @ManyToOne public Publisher publisher;

  @ManyToMany public Set<Tag> tags = new HashSet<>();

  @Transient public String display;

  public transient int views;
}
