package dev.migrata.processor;

import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.PlannedMigration;
import dev.migrata.internal.executor.MigrationPlanner;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The processor replays a history in exactly the order the runtime applies it. */
class ReplayOrderTest {
  private final List<String> diagnostics = new ArrayList<>();

  @Test
  void replayOrderIsTheRuntimesPlanForAMultiAppHistory() {
    // x.0001 depends on y.0001 and z.0001, whose apps go on: Django's DFS plans z before y (it
    // visits sibling parents in reverse-sorted order), which a plain topological sort does not.
    List<MigrationDefinition> all =
        List.of(
            migration("x", "0001_initial")
                .dependsOn("y", "0001_initial")
                .dependsOn("z", "0001_initial")
                .ops(createModel("x", "A", id())),
            migration("y", "0001_initial").ops(createModel("y", "B", id())),
            migration("y", "0002_c")
                .dependsOn("y", "0001_initial")
                .ops(createModel("y", "C", id())),
            migration("z", "0001_initial").ops(createModel("z", "D", id())),
            migration("z", "0002_e")
                .dependsOn("z", "0001_initial")
                .ops(createModel("z", "E", id())),
            migration("z", "0003_f")
                .dependsOn("z", "0002_e")
                .dependsOn("x", "0001_initial")
                .ops(createModel("z", "F", id())));
    Map<String, List<MigrationReader.Found>> byApp = new LinkedHashMap<>();
    for (MigrationDefinition m : all) {
      byApp
          .computeIfAbsent(m.app(), a -> new ArrayList<>())
          .add(new MigrationReader.Found(m, null));
    }

    HistoryReplayer.History history = new HistoryReplayer(new Reporter(messager())).replay(byApp);

    MigrationLoader loader = new MigrationLoader(all, Set.of(), true);
    List<MigrationKey> runtime =
        new MigrationPlanner(loader)
            .migrationPlan(loader.graph().leafNodes(), true).stream()
                .map(PlannedMigration::key)
                .toList();
    assertThat(diagnostics).isEmpty();
    assertThat(history.replayed()).isEqualTo(runtime);
    assertThat(history.replayed().stream().map(MigrationKey::toString))
        .containsExactly(
            "z.0001_initial",
            "y.0001_initial",
            "x.0001_initial",
            "y.0002_c",
            "z.0002_e",
            "z.0003_f");
    assertThat(history.state().models("z")).hasSize(3);
  }

  private Messager messager() {
    return new Messager() {
      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
        diagnostics.add(kind + ": " + msg);
      }

      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
        printMessage(kind, msg);
      }

      @Override
      public void printMessage(
          Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
        printMessage(kind, msg);
      }

      @Override
      public void printMessage(
          Diagnostic.Kind kind,
          CharSequence msg,
          Element e,
          AnnotationMirror a,
          AnnotationValue v) {
        printMessage(kind, msg);
      }
    };
  }
}
