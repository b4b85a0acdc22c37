package dev.migrata.samples.shop.venues;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.GeneratedField;
import dev.migrata.annotations.Model;

/** A place that serves food: its own table, keyed by {@code place_ptr_id}. */
@Model
public class Restaurant extends Place {
  @Field(defaultValue = "false")
  boolean servesPizza;

  @Field(defaultValue = "0")
  int seats;

  /** Two sittings a night. */
  @GeneratedField(expression = "{seats} * 2")
  @Field
  int coversPerNight;
}
