package dev.migrata.data;

/**
 * The ORM-only options of a field at one point of the migration history, as a data migration sees
 * them (Django's {@code field.verbose_name}, {@code blank}, {@code editable}, {@code auto_now},
 * {@code auto_now_add} on a historical model). Read-only: they change only through migrations.
 *
 * @param verboseName the explicit verbose name, else Django's default: the name in words ({@code
 *     publishedOn} is {@code published on})
 */
public record FieldOptions(
    String verboseName, boolean blank, boolean editable, boolean autoNow, boolean autoNowAdd) {}
