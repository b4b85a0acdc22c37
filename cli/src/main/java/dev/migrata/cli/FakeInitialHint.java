package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import java.util.Locale;

/**
 * An initial migration that fails because its table already exists means tables without their
 * history: a database made before Migrata managed it, or whose {@code migrata_migrations} was lost.
 * Django just fails there; the fix is {@code --fake-initial}, so the error says so.
 */
final class FakeInitialHint {
  private FakeInitialHint() {}

  static MigrataException add(
      MigrataException e, MigrationKey failed, boolean fakeInitial, ClassLoader classLoader) {
    if (e.code() != ErrorCode.MIGRATION_FAILED || failed == null || fakeInitial) {
      return e;
    }
    String message = String.valueOf(e.getMessage());
    if (!message.toLowerCase(Locale.ROOT).contains("already exists")) {
      return e;
    }
    MigrationDefinition m =
        MigrationLoader.readIndex(classLoader).stream()
            .filter(d -> d.key().equals(failed))
            .findFirst()
            .orElse(null);
    if (m == null || !m.initial()) {
      return e;
    }
    String hint =
        "Its tables already exist, but the history (migrata_migrations) does not record "
            + failed
            + ": if the database was created before Migrata managed it, run migrate"
            + " --fake-initial to record the initial migrations whose tables all exist.";
    String joined = message.contains("\n") ? message.strip() + "\n" + hint : message + " " + hint;
    return new MigrataException(ErrorCode.MIGRATION_FAILED, joined, e);
  }
}
