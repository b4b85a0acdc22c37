package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** An element of {@link Employee#phones}: two columns of the collection table. */
@Embeddable
public class Phone {
  @Column(nullable = false, length = 10)
  public String kind;

  @Column(nullable = false, length = 30)
  public String number;

  public Phone() {}

  public Phone(String kind, String number) {
    this.kind = kind;
    this.number = number;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Phone p && Objects.equals(kind, p.kind) && Objects.equals(number, p.number);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, number);
  }
}
