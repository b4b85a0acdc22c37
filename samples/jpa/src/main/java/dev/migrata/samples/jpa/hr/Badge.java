package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

/** {@code @MapsId}: the key is the employee's, column {@code employee_id}; {@code id} has none. */
@Entity
public class Badge {
  @Id public Long id;

  @OneToOne @MapsId public Employee employee;

  @Column(length = 20)
  public String code;
}
