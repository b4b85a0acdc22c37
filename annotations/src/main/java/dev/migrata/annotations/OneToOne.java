package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-to-one relation (a unique foreign key): the field's type is the target {@link Model}; the
 * column is {@code <field>_id} referencing the target's primary key (or {@link #toField()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOne {
  /**
   * What the database does to this model's rows when the referenced row is deleted. Required, as
   * Django's {@code on_delete}: there is no safe default.
   */
  OnDelete onDelete();

  boolean nullable() default false;

  String column() default "";

  /** Creates an index on the column (default true, as Django's {@code db_index}). */
  boolean index() default true;

  /** The target field (Java name) when it is not the primary key. */
  String toField() default "";

  String relatedName() default "";

  /** The Java field name this field had before a rename. */
  String renamedFrom() default "";

  String helpText() default "";

  /**
   * {@code false} keeps the column (and its index) but creates no foreign key constraint in the
   * database (Django's {@code db_constraint=False}): for rows that may point at missing targets,
   * such as archived or sharded data.
   */
  boolean dbConstraint() default true;

  /**
   * The foreign key constraint's name (a Migrata extension; JPA's {@code @ForeignKey(name)}). By
   * default the constraint is named as Django names it, {@code <table>_<column>_fk_<to table>_<to
   * column>} shortened with a hash beyond the backend's limit. Not with {@code dbConstraint =
   * false}.
   */
  String constraintName() default "";
}
