package dev.migrata;

import java.time.Duration;
import java.util.List;

/**
 * What one tenant of a fleet ran (or, for a plan, lacks).
 *
 * @param tenant the tenant's name: its schema, or its URL without a password
 * @param status what happened
 * @param migrations the migrations applied (or unapplied) by {@code migrate}, or those a plan would
 *     run, as {@code app.name}, in order
 * @param error the one-paragraph error of a failed tenant, else {@code null}
 * @param took how long the tenant took
 */
public record TenantResult(
    String tenant, Status status, List<String> migrations, String error, Duration took) {
  /** A tenant's outcome. */
  public enum Status {
    /** Nothing to apply. */
    UP_TO_DATE,
    /** {@code migrate} ran {@link #migrations()}. */
    MIGRATED,
    /** A plan or check: {@link #migrations()} are unapplied. */
    BEHIND,
    /** The tenant failed with {@link #error()}; the others went on. */
    FAILED
  }

  public TenantResult {
    migrations = List.copyOf(migrations);
  }

  /** The tenant's progress line, as the CLI prints it. */
  public String line() {
    return switch (status) {
      case UP_TO_DATE -> tenant + ": up to date";
      case MIGRATED -> tenant + ": migrated " + String.join(", ", migrations);
      case BEHIND ->
          tenant + ": " + migrations.size() + " unapplied (" + String.join(", ", migrations) + ")";
      case FAILED -> tenant + ": FAILED: " + error;
    };
  }
}
