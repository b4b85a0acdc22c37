package dev.migrata.samples.shop.fields;

import dev.migrata.fields.CustomFieldType;
import java.util.Map;

/**
 * A custom field type: an amount of money with two decimal places, {@code numeric(12, 2)} by
 * default or {@code digits=N} wide. Migrations name this class, so it stays as long as they do.
 */
public final class MoneyField implements CustomFieldType {
  @Override
  public String columnType(String vendor, Map<String, String> args) {
    String digits = args.getOrDefault("digits", "12");
    return vendor.equals("postgresql") ? "numeric(" + digits + ", 2)" : "decimal(" + digits + ", 2)";
  }

  @Override
  public String literal(String vendor, String value, Map<String, String> args) {
    return new java.math.BigDecimal(value).setScale(2).toPlainString();
  }
}
