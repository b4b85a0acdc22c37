package dev.migrata.samples.shop.venues;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

/** A place with an address; restaurants and landmarks are places too. */
@Model
public class Place {
  @Field(maxLength = 80)
  String name;

  @Field(maxLength = 120, nullable = true)
  String address;
}
