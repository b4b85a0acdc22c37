package dev.migrata.annotations.migration;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One operation of a {@link Migration}. Each {@link Kind} takes the attributes its Django
 * counterpart takes (listed on each member); the processor rejects any other attribute set on that
 * kind, and a missing required one, naming the ones the kind takes.
 */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Op {
  Kind kind();

  /**
   * Where the operation acts. {@link Scope#BOTH} (the default) is a normal operation. A run of
   * consecutive {@link Scope#DATABASE} and {@link Scope#STATE} operations is one Django {@code
   * SeparateDatabaseAndState}: the DATABASE ones change only the database, the STATE ones only the
   * migration state (annotations cannot nest an {@code @Op} inside an {@code @Op}).
   */
  Scope scope() default Scope.BOTH;

  /**
   * CreateModel, DeleteModel, RenameModel (old name): the model's class name; RemoveIndex,
   * RemoveConstraint, AlterConstraint: the index's or constraint's name; the sequence operations:
   * the sequence's name.
   */
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

  /**
   * CreateModel: the indexes. Migrations written before {@link #index()} existed give AddIndex its
   * one index here ({@code indexes = @IndexDef(...)}); that still reads the same, but {@link
   * #index()} is preferred.
   */
  IndexDef[] indexes() default {};

  /** AddIndex: the index (preferred over a one-element {@link #indexes()}). */
  IndexDef index() default
      @IndexDef(
          name = "",
          fields = {});

  /**
   * CreateModel: the constraints. Migrations written before {@link #constraint()} existed give
   * AddConstraint its one constraint here; that still reads the same, but {@link #constraint()} is
   * preferred.
   */
  ConstraintDef[] constraints() default {};

  /**
   * AddConstraint, AlterConstraint: the constraint (preferred over a one-element {@link
   * #constraints()}).
   */
  ConstraintDef constraint() default @ConstraintDef(name = "");

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

  /**
   * RunJava: a static method of the migration class (or {@link #javaClass()}) taking {@code
   * (dev.migrata.data.HistoricalModels apps, dev.migrata.schema.SchemaEditor editor)}.
   */
  String method() default "";

  /** RunJava: the reverse method; "" means irreversible. */
  String reverseMethod() default "";

  /** RunSql, RunJava: may be dropped when squashing. */
  boolean elidable() default false;

  /**
   * RunSql: the backends it runs on, by vendor ({@code sqlite}, {@code postgresql}, {@code mysql} —
   * MariaDB included); empty for all. Several RunSql operations with different vendors give
   * per-backend variants of one change; on other backends they do nothing.
   */
  String[] vendors() default {};

  /**
   * RunJava: the class that declares {@link #method()} and {@link #reverseMethod()}; the migration
   * class itself by default (a squashed migration points at the original class).
   */
  Class<?> javaClass() default void.class;

  /** CreateModel, AlterModelOptions: Django's {@code verbose_name} (ORM only, no SQL). */
  String verboseName() default "";

  /** CreateModel, AlterModelOptions: Django's {@code verbose_name_plural} (ORM only, no SQL). */
  String verboseNamePlural() default "";

  /**
   * CreateModel, AlterModelOptions: Django's {@code ordering}, field names with {@code -} for
   * descending (ORM only, no SQL).
   */
  String[] ordering() default {};

  /**
   * Any kind: why this operation is safe although the compile-time safety lint warns about it (say,
   * the table is small or written only at night). A non-blank reason silences the lint's {@code
   * safety.W1nn} warnings on this operation; the reason stays in the source for review.
   */
  String safetyAssured() default "";

  /** CreateCollation, RemoveCollation: the collation's locale, e.g. {@code "und-u-ks-level2"}. */
  String locale() default "";

  /**
   * CreateCollation, RemoveCollation: {@code libc} (the default), {@code icu} or {@code builtin}.
   */
  String provider() default "libc";

  /** CreateCollation, RemoveCollation: false for a nondeterministic (ICU) collation. */
  boolean deterministic() default true;

  /**
   * CreateModel: the model's {@code @Model} parents as {@code app.model} (Django's {@code bases}):
   * a multi-table child's parent, or a proxy's.
   */
  String[] bases() default {};

  /** CreateModel: a proxy model, state only, no table (Django's {@code proxy = True}). */
  boolean proxy() default false;

  /**
   * CreateSequence, DeleteSequence: the sequence's first value (JPA's {@code initialValue}; 1 by
   * default).
   */
  int start() default 1;

  /**
   * CreateSequence, DeleteSequence, AlterSequence: the step between values (JPA's {@code
   * allocationSize}, which Hibernate's pooled optimizer expects as the increment; 1 by default).
   */
  int increment() default 1;

  /** Where an operation acts; see {@link #scope()}. */
  enum Scope {
    BOTH,
    DATABASE,
    STATE
  }

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
    /** PostgreSQL's CREATE INDEX CONCURRENTLY (plain CREATE INDEX elsewhere); atomic = false. */
    ADD_INDEX_CONCURRENTLY,
    /** PostgreSQL's DROP INDEX CONCURRENTLY (plain DROP INDEX elsewhere); atomic = false. */
    REMOVE_INDEX_CONCURRENTLY,
    RENAME_INDEX,
    ADD_CONSTRAINT,
    REMOVE_CONSTRAINT,
    /** Django 5.2's AlterConstraint: a change of state-only attributes; no SQL. */
    ALTER_CONSTRAINT,
    /** PostgreSQL's ADD CONSTRAINT ... NOT VALID for a check (plain ADD elsewhere). */
    ADD_CONSTRAINT_NOT_VALID,
    /** PostgreSQL's VALIDATE CONSTRAINT (nothing elsewhere; nothing backwards). */
    VALIDATE_CONSTRAINT,
    /** PostgreSQL's CREATE EXTENSION IF NOT EXISTS {@link #name()} (nothing elsewhere). */
    CREATE_EXTENSION,
    /** PostgreSQL's CREATE COLLATION (nothing elsewhere). */
    CREATE_COLLATION,
    /** PostgreSQL's DROP COLLATION (nothing elsewhere). */
    REMOVE_COLLATION,
    RUN_SQL,
    RUN_JAVA,
    /**
     * CREATE SEQUENCE {@link #name()} where the backend has sequences (PostgreSQL, MariaDB), else
     * Hibernate's one-row table of that name (MySQL, SQLite).
     */
    CREATE_SEQUENCE,
    /** DROP SEQUENCE (or the table standing in for it). */
    DELETE_SEQUENCE,
    /** ALTER SEQUENCE ... INCREMENT BY (nothing for a table). */
    ALTER_SEQUENCE
  }
}
