package dev.migrata.bench;

import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ProjectState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The core half of {@link WideReplay}: replays the processor benchmark's wide history (one model,
 * CreateModel then AddField f1, AlterField f1, AddField f2, ..., and about every 50th operation a
 * RenameField of f0, there and back) with {@code stateForwards} only. Loaded once per core jar
 * under test, each in its own class loader, so it uses only core classes and the JDK.
 */
public final class WideReplayProbe {
  private WideReplayProbe() {}

  /** The wide history of {@code n} operations. */
  public static List<Operation> history(int n) {
    List<Operation> ops = new ArrayList<>(n);
    ops.add(
        new CreateModel(
            "Item",
            List.of(FieldState.autoId(), field("f0", 10)),
            List.of(),
            List.of(),
            null,
            null,
            true));
    for (int i = 2; ops.size() < n; i++) {
      String f = "f" + (i / 2);
      if (i % 2 == 0) {
        ops.add(new AddField("item", field(f, 10), true));
      } else {
        ops.add(new AlterField("item", field(f, 20), true));
      }
      if (i % 50 == 0 && ops.size() < n) {
        // a rename there and back, so that renames on the growing model are measured too
        boolean there = (i / 50) % 2 == 1;
        ops.add(new RenameField("item", there ? "f0" : "g0", there ? "g0" : "f0"));
      }
    }
    return ops;
  }

  private static FieldState field(String name, int maxLength) {
    return FieldState.builder(name, "CharField").maxLength(maxLength).nullable(true).build();
  }

  /**
   * CPU nanoseconds of the calling thread for {@code times} replays of {@code ops}, and a checksum
   * (fields of the final model) so the work cannot be optimized away.
   */
  public static long[] replay(List<Object> ops, int times) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long fields = 0;
    long t0 = mx.getCurrentThreadCpuTime();
    for (int t = 0; t < times; t++) {
      ProjectState state = new ProjectState();
      for (Object op : ops) {
        ((Operation) op).stateForwards("bench", state);
      }
      fields += state.require("bench", "Item").fields().size();
    }
    return new long[] {mx.getCurrentThreadCpuTime() - t0, fields};
  }
}
