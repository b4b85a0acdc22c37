package dev.migrata.samples.jpa.store;

import dev.migrata.annotations.RenamedFrom;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
public class Review extends BaseEntity {
  @ManyToOne(optional = false)
  public Book book;

  @Convert(converter = StarsConverter.class)
  public Stars stars;

  /** Renamed from {@code body}: the second migration is a RenameField, the column follows. */
  @RenamedFrom("body")
  public String text;

  /** Added later: the fourth migration adds the relation (a nullable key, old reviews have none). */
  @ManyToOne
  @JoinColumn(name = "reviewer_id")
  public Customer reviewer;
}
