package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a field of a {@link Model} a generated column (Django's {@code GeneratedField}): the
 * database computes its value from other columns of the same row, {@code GENERATED ALWAYS AS
 * (...)}. The Java type gives the column type, as for {@link Field}; a {@code @Field} beside it may
 * set the column's options ({@code column}, {@code nullable}, {@code maxLength}, {@code precision},
 * {@code scale}, {@code type}, {@code comment}, {@code helpText}), but no default.
 *
 * <pre>{@code
 * @Field(precision = 12, scale = 2) BigDecimal price;
 * @Field int quantity;
 * @GeneratedField(expression = "{price} * {quantity}")
 * @Field(precision = 14, scale = 2)
 * BigDecimal total;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GeneratedField {
  /**
   * The SQL expression, with the model's fields written by their Java names in braces: {@code
   * {price} * {quantity}} becomes {@code "price" * "quantity"} (each backend quotes its way, and a
   * field's column name is used). Everything outside braces is SQL, passed as written; it must be
   * an expression every backend of the app understands.
   */
  String expression();

  /**
   * {@code true} (the default) stores the value ({@code STORED}, Django's {@code db_persist=True});
   * {@code false} computes it when read ({@code VIRTUAL}), which PostgreSQL does not support.
   */
  boolean persisted() default true;
}
