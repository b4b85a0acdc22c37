package com.example.inventory.migrations;

import static dev.migrata.annotations.migration.Op.Kind.RUN_JAVA;

import com.example.inventory.Skus;
import dev.migrata.annotations.migration.Dependency;
import dev.migrata.annotations.migration.Migration;
import dev.migrata.annotations.migration.Op;
import dev.migrata.data.HistoricalModels;
import dev.migrata.schema.SchemaEditor;
import java.util.Map;

/** A data migration written by hand (makemigrations --empty, then filled in). */
@Migration(
    app = "inventory",
    name = "0002_seed_items",
    dependencies = @Dependency(app = "inventory", name = "0001_initial"),
    operations = @Op(kind = RUN_JAVA, method = "seed", reverseMethod = "unseed")
)
public final class M0002_seed_items {
  static void seed(HistoricalModels apps, SchemaEditor editor) {
    apps.model("inventory", "Item").insert(Map.of("sku", Skus.first()));
  }

  static void unseed(HistoricalModels apps, SchemaEditor editor) {
    apps.model("inventory", "Item").all().delete();
  }
}
