package dev.migrata.samples.jpa.store;

import dev.migrata.annotations.RenamedFrom;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
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
}
