package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.Operation;
import java.util.List;

/**
 * A migration the processor is about to write (not the runtime's {@code PlannedMigration}, a
 * migration in a plan to apply).
 *
 * @param models the app's model declarations (originating elements, diagnostics, source root)
 */
record MigrationToWrite(
    AppInfo app,
    MigrationDefinition definition,
    List<Operation> operations,
    List<ModelDeclaration> models) {

  String simpleClassName() {
    return MigrationNames.className(definition.name());
  }

  String qualifiedClassName() {
    return app.migrationsPackage() + "." + simpleClassName();
  }

  /** {@code library.0002_book_rating}. */
  String label() {
    return definition.key().toString();
  }
}
