package dev.migrata.internal.backends.base;

import dev.migrata.internal.state.SequenceState;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A sequence's statements. Where the backend has {@code CREATE SEQUENCE} (PostgreSQL, MariaDB
 * 10.3+) it is a real sequence; elsewhere (MySQL, SQLite) it is what Hibernate's {@code
 * SequenceStyleGenerator} falls back to, a {@code TableStructure}: a table of the sequence's name
 * with one {@code next_val bigint} column and one row holding the start. That table has no
 * increment (Hibernate applies the allocation size itself), so altering it changes nothing.
 */
final class SequenceSql {
  /** Hibernate's {@code TableStructure} value column. */
  static final String VALUE_COLUMN = "next_val";

  private final boolean sequences;
  private final UnaryOperator<String> quote;
  private final String options;

  /** {@code options} end a {@code CREATE SEQUENCE} (MariaDB's {@code NOCACHE}), or are empty. */
  SequenceSql(Features features, UnaryOperator<String> quote, String options) {
    this.sequences = features.supportsSequences();
    this.quote = quote;
    this.options = options;
  }

  List<String> create(SequenceState s) {
    String name = quote.apply(s.name());
    if (sequences) {
      return List.of(
          "CREATE SEQUENCE "
              + name
              + " START WITH "
              + s.start()
              + " INCREMENT BY "
              + s.increment()
              + options);
    }
    return List.of(
        "CREATE TABLE " + name + " (" + quote.apply(VALUE_COLUMN) + " bigint)",
        "INSERT INTO " + name + " VALUES (" + s.start() + ")");
  }

  List<String> delete(SequenceState s) {
    return List.of((sequences ? "DROP SEQUENCE " : "DROP TABLE ") + quote.apply(s.name()));
  }

  /** The statements of an increment change; none for a table or an unchanged increment. */
  List<String> alter(SequenceState from, SequenceState to) {
    if (!sequences || from.increment() == to.increment()) {
      return List.of();
    }
    return List.of("ALTER SEQUENCE " + quote.apply(to.name()) + " INCREMENT BY " + to.increment());
  }
}
