package dev.migrata.samples.jpa.store;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

@Entity
public class Review extends BaseEntity {
  @ManyToOne(optional = false)
  public Book book;

  @Convert(converter = StarsConverter.class)
  public Stars stars;

  public String body;
}
