package dev.migrata.annotations.migration;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One operation of a {@link Migration}. Each {@link Kind} reads the attributes its Django
 * counterpart takes; the others stay at their defaults.
 */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Op {
  Kind kind();

  /** CreateModel, DeleteModel, RenameModel (old name): the model's class name. */
  String name() default "";

  /** Field, index and constraint operations: the model's lowercased name. */
  String model() default "";

  /** RenameModel, RenameField, RenameIndex: the new name. */
  String newName() default "";

  /** RenameField, RenameIndex: the old name. */
  String oldName() default "";

  /** CreateModel: the fields in order. */
  FieldDef[] fields() default {};

  /** AddField, AlterField: the field. */
  FieldDef[] field() default {};

  /** CreateModel: indexes. AddIndex: the one index. */
  IndexDef[] indexes() default {};

  /** CreateModel: constraints. AddConstraint: the one constraint. */
  ConstraintDef[] constraints() default {};

  /** CreateModel, AlterModelTable: the table name ("" for the default name). */
  String table() default "";

  /** CreateModel, AlterModelTableComment: the table comment. */
  String comment() default "";

  /** CreateModel, AlterModelOptions: false for a model whose table Migrata does not manage. */
  boolean managed() default true;

  /** AddField, AlterField: false when the default only fills existing rows once. */
  boolean preserveDefault() default true;

  /** RunSql: forward statements. */
  String[] sql() default {};

  /** RunSql: reverse statements; none means irreversible. */
  String[] reverseSql() default {};

  /** RunJava: a static method of the migration class. */
  String method() default "";

  /** RunJava: the reverse method; "" means irreversible. */
  String reverseMethod() default "";

  /** RunSql, RunJava: may be dropped when squashing. */
  boolean elidable() default false;

  /** The operation kinds, named as Django's operation classes. */
  enum Kind {
    CREATE_MODEL,
    DELETE_MODEL,
    RENAME_MODEL,
    ALTER_MODEL_TABLE,
    ALTER_MODEL_TABLE_COMMENT,
    ALTER_MODEL_OPTIONS,
    ADD_FIELD,
    REMOVE_FIELD,
    ALTER_FIELD,
    RENAME_FIELD,
    ADD_INDEX,
    REMOVE_INDEX,
    RENAME_INDEX,
    ADD_CONSTRAINT,
    REMOVE_CONSTRAINT,
    RUN_SQL,
    RUN_JAVA
  }
}
