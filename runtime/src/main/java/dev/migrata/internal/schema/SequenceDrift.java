package dev.migrata.internal.schema;

import dev.migrata.SchemaDifference;
import dev.migrata.internal.state.SequenceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drift check's sequences, where the backend has them: each one the applied migrations create
 * must exist with their start and increment (both servers keep the start a sequence was created
 * with, however far it has moved on); one the database has beyond them (and that no column owns) is
 * reported as a table beyond them is.
 */
final class SequenceDrift {
  private SequenceDrift() {}

  static List<SchemaDifference> compare(List<SequenceState> expected, List<SequenceState> actual) {
    Map<String, SequenceState> want = byName(expected);
    Map<String, SequenceState> have = byName(actual);
    List<SchemaDifference> out = new ArrayList<>();
    for (SequenceState w : want.values()) {
      SequenceState h = have.get(w.name());
      if (h == null) {
        out.add(new SchemaDifference(w.name(), null, "sequence is missing"));
      } else if (h.increment() != w.increment()) {
        out.add(
            new SchemaDifference(
                w.name(),
                null,
                "sequence increment is "
                    + h.increment()
                    + ", the applied migrations describe "
                    + w.increment()));
      } else if (h.start() != w.start()) {
        out.add(
            new SchemaDifference(
                w.name(),
                null,
                "sequence start is "
                    + h.start()
                    + ", the applied migrations describe "
                    + w.start()));
      }
    }
    for (SequenceState h : have.values()) {
      if (!want.containsKey(h.name())) {
        out.add(new SchemaDifference(h.name(), null, "sequence is not in the applied migrations"));
      }
    }
    return out;
  }

  private static Map<String, SequenceState> byName(List<SequenceState> sequences) {
    Map<String, SequenceState> out = new TreeMap<>();
    sequences.forEach(s -> out.put(s.name(), s));
    return out;
  }
}
