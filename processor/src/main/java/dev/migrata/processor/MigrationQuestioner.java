package dev.migrata.processor;

/**
 * What the {@link Autodetector} asks (Django's {@code MigrationQuestioner}): declared renames and
 * confirmed removals in, diagnostics out. {@link Questioner} answers inside javac; tests record.
 */
interface MigrationQuestioner {
  /** The old class name declared by {@code @Model(renamedFrom)}, or null. */
  String renamedModelFrom(String app, String model);

  /** The old Java name declared by {@code renamedFrom} on a field, or null. */
  String renamedFieldFrom(String app, String model, String field);

  /**
   * Whether the user confirmed that the model (field null) or field of the migration history is
   * removed for good, so that a look-alike added one is no rename question.
   */
  boolean removalConfirmed(String app, String model, String field);

  /** Reports {@code problem} on the model (field null) or field of the current models. */
  void report(Problem problem, String app, String model, String field, Object... args);
}
