package dev.migrata.samples.shop.partners;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import dev.migrata.annotations.OneToOne;

@Model
public class Profile {
  @OneToOne(onDelete = OnDelete.CASCADE)
  Customer customer;

  @Field(nullable = true)
  String bio;

  @Field(defaultMethod = "java.time.Instant::now")
  java.time.Instant joined;
}
