package com.example.shop.migrations;

import static dev.migrata.annotations.migration.Op.Kind.CREATE_MODEL;

import dev.migrata.annotations.migration.FieldDef;
import dev.migrata.annotations.migration.Migration;
import dev.migrata.annotations.migration.Op;

@Migration(
    app = "shop",
    name = "0001_initial",
    initial = true,
    operations = @Op(
        kind = CREATE_MODEL,
        name = "Product",
        fields = {
            @FieldDef(name = "id", type = "BigAutoField", primaryKey = true),
            @FieldDef(name = "name", type = "CharField", maxLength = 100)
        })
)
public final class M0001_initial {
}
