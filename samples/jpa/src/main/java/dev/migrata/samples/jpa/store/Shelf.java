package dev.migrata.samples.jpa.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A shelf with an assigned key and a unidirectional one-to-many (a join table). */
@Entity
public class Shelf {
  @Id
  @Column(length = 20)
  public String code;

  public String location;

  @OneToMany public List<Book> books = new ArrayList<>();
}
