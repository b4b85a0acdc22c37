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
 * @param backwards whether {@link #migrations()} were (or would be) unapplied: a target before the
 *     tenant's applied migrations ({@code migrate APP zero})
 */
public record TenantResult(
    String tenant,
    Status status,
    List<String> migrations,
    String error,
    Duration took,
    boolean backwards) {
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

  /** A forwards result, as before backwards ones were told apart. */
  public TenantResult(
      String tenant, Status status, List<String> migrations, String error, Duration took) {
    this(tenant, status, migrations, error, took, false);
  }

  /** The tenant's progress line, as the CLI prints it. */
  public String line() {
    return switch (status) {
      case UP_TO_DATE -> tenant + ": up to date";
      case MIGRATED ->
          tenant + (backwards ? ": unapplied " : ": migrated ") + String.join(", ", migrations);
      case BEHIND ->
          tenant
              + ": "
              + migrations.size()
              + (backwards ? " to unapply (" : " unapplied (")
              + String.join(", ", migrations)
              + ")";
      case FAILED -> tenant + ": FAILED: " + error;
    };
  }
}
