package dev.migrata.samples.shop.products;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ManyToMany;
import dev.migrata.annotations.Model;
import java.util.Set;

/** Products sold together; the join rows carry a quantity, so they are a model of their own. */
@Model
public class Bundle {
  @Field(maxLength = 100)
  String name;

  @ManyToMany(through = BundleItem.class)
  Set<Product> items;
}
