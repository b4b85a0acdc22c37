package dev.migrata.internal.recorder;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import java.util.List;

/**
 * The history table as a model, for the schema editor that creates or extends it. A class of its
 * own so that the model classes load only when the table is created or altered, never in a
 * read-only start-up (bench/README.md).
 */
final class HistoryModel {
  private HistoryModel() {}

  /**
   * What the row remembers of the migration ({@link
   * dev.migrata.internal.migration.MigrationChecksum}); null in older rows.
   */
  static final FieldState CHECKSUM =
      FieldState.builder("checksum", FieldType.TEXT.djangoName()).nullable(true).build();

  static final ModelState MODEL =
      ModelState.of(
              "migrata",
              "Migration",
              List.of(
                  FieldState.builder("id", FieldType.AUTO.djangoName()).primaryKey(true).build(),
                  FieldState.builder("app", FieldType.CHAR.djangoName()).maxLength(255).build(),
                  FieldState.builder("name", FieldType.CHAR.djangoName()).maxLength(255).build(),
                  FieldState.builder("applied", FieldType.DATE_TIME.djangoName()).build(),
                  CHECKSUM))
          .withTable(MigrationRecorder.TABLE);
}
