package dev.migrata.internal.state;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code ON DELETE} clause of a foreign key for its field's {@code onDelete}. SPEC §5: Migrata
 * has no ORM to emulate {@code on_delete}, so it reaches the database. One table for the runtime's
 * schema editors and the processor's zero-downtime form, which writes the same constraint as SQL.
 */
public final class OnDeleteSql {
  private static final Map<String, String> CLAUSES =
      Map.of(
          "CASCADE", " ON DELETE CASCADE",
          "SET_NULL", " ON DELETE SET NULL",
          "SET_DEFAULT", " ON DELETE SET DEFAULT",
          "PROTECT", " ON DELETE RESTRICT",
          "RESTRICT", " ON DELETE RESTRICT");

  private OnDeleteSql() {}

  /** The clause with its leading space, or empty (Django's {@code DO_NOTHING}). */
  public static String clause(FieldState field) {
    String onDelete = field.onDelete() == null ? "" : field.onDelete().toUpperCase(Locale.ROOT);
    return CLAUSES.getOrDefault(onDelete, "");
  }
}
