package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Migrata app on a package ({@code package-info.java}). The models of the app are the
 * {@link Model} classes of that package; its migrations live in {@code <package>.migrations} unless
 * {@link #migrationsPackage()} says otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface App {
  /** The app label; defaults to the last segment of the package name. */
  String value() default "";

  /** The package of the app's migrations; defaults to {@code <package>.migrations}. */
  String migrationsPackage() default "";

  /**
   * The type of the implicit {@code id} of the app's models and of its automatic many-to-many join
   * tables (Django's {@code AppConfig.default_auto_field}): {@code "AutoField"}, {@code
   * "BigAutoField"} or {@code "SmallAutoField"}. Empty: the compiler option {@code
   * -Amigrata.defaultAutoField}, else {@code BigAutoField}. A change alters every implicit id.
   */
  String defaultAutoField() default "";

  /**
   * The backends the app is migrated on ({@code "postgresql"}, {@code "mysql"} — MariaDB included —
   * {@code "sqlite"}); empty for all. Warnings about features a backend lacks name only these.
   */
  String[] backends() default {};

  /**
   * Whether the processor writes PostgreSQL's safe form of operations that lock a busy table: on an
   * existing table, an index as {@code ADD_INDEX_CONCURRENTLY}, a check as {@code
   * ADD_CONSTRAINT_NOT_VALID}, a foreign key {@code NOT VALID} (not when the app targets SQLite)
   * and {@code NOT NULL} through a validated check, with the scans in a following non-atomic
   * migration (README, "The processor writes the safe form"); {@code -Amigrata.zeroDowntime=true}
   * turns it on for every app.
   */
  boolean zeroDowntime() default false;

  /**
   * MySQL and MariaDB: run the schema statements of the app's migrations with {@code
   * ALGORITHM=INSTANT} or {@code ALGORITHM=INPLACE, LOCK=NONE} where the server supports that
   * operation, so that it refuses a change it could only make by copying the table under a lock.
   * The runtime's {@code mysqlOnlineDdl(true)} (CLI {@code --online-ddl}) turns it on for every
   * app; a migration's own {@code @Migration(mysqlOnlineDdl = ...)} wins over both.
   */
  boolean mysqlOnlineDdl() default false;
}
