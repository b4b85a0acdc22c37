package dev.migrata.annotations;

/** What the database does to referring rows when a referenced row is deleted. */
public enum OnDelete {
  /** {@code ON DELETE CASCADE}. */
  CASCADE,
  /** {@code ON DELETE RESTRICT}: Migrata has no ORM, so PROTECT is enforced by the database. */
  PROTECT,
  /** {@code ON DELETE RESTRICT}. */
  RESTRICT,
  /** {@code ON DELETE SET NULL}; the field must be nullable. */
  SET_NULL,
  /** {@code ON DELETE SET DEFAULT}. */
  SET_DEFAULT,
  /** No {@code ON DELETE} clause. */
  DO_NOTHING
}
