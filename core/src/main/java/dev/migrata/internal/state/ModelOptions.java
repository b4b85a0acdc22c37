package dev.migrata.internal.state;

import java.util.List;
import java.util.Objects;

/**
 * The options of a model that only Django's ORM uses (the keys of Django's {@code
 * AlterModelOptions.ALTER_OPTION_KEYS} that Migrata has, besides {@code managed}): kept in the
 * state and written as Django writes them, so a change makes an {@code AlterModelOptions}, which
 * runs no SQL.
 *
 * @param verboseName the human-readable name, or {@code null} for the one derived from the class
 * @param verboseNamePlural its plural, or {@code null} for {@code verboseName + "s"}
 * @param ordering the default ordering: field names, {@code -} for descending, {@code ?} random; as
 *     in Django, renaming a field does not rewrite it (the next migration alters the options)
 */
public record ModelOptions(String verboseName, String verboseNamePlural, List<String> ordering) {

  /** No option set: Django's defaults. */
  public static final ModelOptions NONE = new ModelOptions(null, null, List.of());

  public ModelOptions {
    verboseName = verboseName == null || verboseName.isEmpty() ? null : verboseName;
    verboseNamePlural =
        verboseNamePlural == null || verboseNamePlural.isEmpty() ? null : verboseNamePlural;
    ordering = ordering == null ? List.of() : List.copyOf(ordering);
  }

  /** Appends the options that are set, in {@code Op}'s order. */
  public Deconstructed.Builder writeTo(Deconstructed.Builder b) {
    return b.string("verboseName", verboseName)
        .string("verboseNamePlural", verboseNamePlural)
        .strings("ordering", ordering);
  }

  /** The options set on an {@code @Op}; {@link #NONE} when it sets none. */
  public static ModelOptions readFrom(Deconstructed d) {
    ModelOptions read =
        new ModelOptions(
            d.string("verboseName", null),
            d.string("verboseNamePlural", null),
            d.strings("ordering"));
    return read.equals(NONE) ? NONE : read;
  }

  // equals and hashCode by hand, the values of the generated ones: a record's are bootstrapped
  // through java.lang.invoke on first use, in every class loader (the processor gets a new one
  // per compile, and a full compile compares states of every model).
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ModelOptions o)) {
      return false;
    }
    return Objects.equals(verboseName, o.verboseName)
        && Objects.equals(verboseNamePlural, o.verboseNamePlural)
        && Objects.equals(ordering, o.ordering);
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(verboseName);
    h = 31 * h + Objects.hashCode(verboseNamePlural);
    h = 31 * h + Objects.hashCode(ordering);
    return h;
  }
}
