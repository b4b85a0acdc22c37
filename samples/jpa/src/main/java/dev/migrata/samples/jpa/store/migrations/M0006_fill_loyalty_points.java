package dev.migrata.samples.jpa.store.migrations;

import static dev.migrata.annotations.migration.Op.Kind.RUN_JAVA;

import dev.migrata.annotations.migration.Dependency;
import dev.migrata.annotations.migration.Migration;
import dev.migrata.annotations.migration.Op;
import dev.migrata.data.HistoricalModel;
import dev.migrata.data.HistoricalModels;
import dev.migrata.schema.SchemaEditor;
import java.util.Map;

/**
 * Written by hand (a data migration: {@code makemigrations --empty store --name
 * fill_loyalty_points}, then filled in): the points the fifth migration added start at 0; each
 * active customer gets 5 per review written.
 */
@Migration(
    app = "store",
    name = "0006_fill_loyalty_points",
    dependencies =
        @Dependency(
            app = "store",
            name = "0005_alter_customer_table_comment_customer_loyalty_points_and_more"),
    operations = @Op(kind = RUN_JAVA, method = "fillPoints", reverseMethod = "clearPoints"))
public final class M0006_fill_loyalty_points {
  static final int POINTS_PER_REVIEW = 5;

  /** The history's models, not today's entities: the columns as they were at this migration. */
  static void fillPoints(HistoricalModels apps, SchemaEditor editor) {
    HistoricalModel customer = apps.model("store", "Customer");
    HistoricalModel review = apps.model("store", "Review");
    customer
        .where("active", true)
        .forEach(
            500,
            row -> {
              long reviews = review.where("reviewer", row.pk()).count();
              customer.update(
                  row.pk(), Map.of("loyaltyPoints", (int) (reviews * POINTS_PER_REVIEW)));
            });
  }

  static void clearPoints(HistoricalModels apps, SchemaEditor editor) {
    apps.model("store", "Customer").all().update(Map.of("loyaltyPoints", 0));
  }
}
