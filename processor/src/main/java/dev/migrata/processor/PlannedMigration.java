package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.Operation;
import java.util.List;

/**
 * A migration the processor is about to write.
 *
 * @param models the app's model declarations (originating elements, diagnostics, source root)
 */
record PlannedMigration(
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
