package dev.migrata.samples.shop.venues;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.GeneratedField;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import java.math.BigDecimal;

/** A table booked at a restaurant; the database computes what it costs. */
@Model
public class Booking {
  @ForeignKey(onDelete = OnDelete.CASCADE)
  Restaurant restaurant;

  @Field int guests;

  @Field(precision = 8, scale = 2)
  BigDecimal pricePerGuest;

  @GeneratedField(expression = "{guests} * {pricePerGuest}")
  @Field(precision = 10, scale = 2)
  BigDecimal total;
}
