package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a migration class: every operation of the migration is safe to run on the live database,
 * although the compile-time safety lint warns about it, for the recorded {@link #reason()}. It
 * silences the migration's {@code safety.W1nn} warnings (and their errors under {@code
 * -Amigrata.safety=strict}); {@code @Op(safetyAssured = "...")} silences one operation instead.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SafetyAssured {
  /** Why it is safe, for the reviewer: "the table holds 40 rows", "runs in the night window". */
  String reason();
}
