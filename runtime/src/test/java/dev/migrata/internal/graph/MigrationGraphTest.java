package dev.migrata.internal.graph;

import static dev.migrata.Fixtures.key;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.executor.MigrationPlanner;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationGraphTest {
  private static MigrationLoader load(MigrationDefinition... migrations) {
    return load(Set.of(), migrations);
  }

  private static MigrationLoader load(Set<MigrationKey> applied, MigrationDefinition... migrations) {
    return new MigrationLoader(List.of(migrations), applied, true);
  }

  private static List<String> names(List<MigrationKey> keys) {
    return keys.stream().map(MigrationKey::toString).toList();
  }

  @Test
  void forwardsPlanVisitsSiblingParentsInReverseSortedOrderAsDjango() {
    MigrationLoader loader =
        load(
            migration("a", "0001").ops(),
            migration("b", "0001").ops(),
            migration("c", "0001").ops(),
            migration("x", "0001")
                .dependsOn("a", "0001")
                .dependsOn("b", "0001")
                .dependsOn("c", "0001")
                .ops());
    assertThat(names(loader.graph().forwardsPlan(key("x", "0001"))))
        .containsExactly("c.0001", "b.0001", "a.0001", "x.0001");
    assertThat(names(loader.graph().backwardsPlan(key("a", "0001"))))
        .containsExactly("x.0001", "a.0001");
  }

  @Test
  void linearChainAndDiamond() {
    MigrationLoader loader =
        load(
            migration("app", "0001").ops(),
            migration("app", "0002_a").dependsOn("app", "0001").ops(),
            migration("app", "0002_b").dependsOn("app", "0001").ops(),
            migration("app", "0003_merge")
                .dependsOn("app", "0002_a")
                .dependsOn("app", "0002_b")
                .ops());
    assertThat(names(loader.graph().forwardsPlan(key("app", "0003_merge"))))
        .containsExactly("app.0001", "app.0002_b", "app.0002_a", "app.0003_merge");
    assertThat(loader.conflicts()).isEmpty();
    assertThat(names(loader.graph().rootNodes("app"))).containsExactly("app.0001");
  }

  @Test
  void leavesAndRootsIgnoreCrossAppEdges() {
    MigrationLoader loader =
        load(
            migration("lib", "0001").ops(),
            migration("lib", "0002").dependsOn("lib", "0001").ops(),
            migration("shop", "0001").dependsOn("lib", "0001").ops());
    MigrationGraph g = loader.graph();
    assertThat(names(g.leafNodes())).containsExactly("lib.0002", "shop.0001");
    assertThat(names(g.rootNodes(null))).containsExactly("lib.0001", "shop.0001");
    assertThat(names(g.leafNodes("lib"))).containsExactly("lib.0002");
  }

  @Test
  void runBeforeMakesTheOtherMigrationDependOnThisOne() {
    MigrationLoader loader =
        load(
            migration("lib", "0001").ops(),
            migration("lib", "0002").dependsOn("lib", "0001").ops(),
            migration("shop", "0001").runBefore("lib", "0002").ops());
    assertThat(loader.graph().parents(key("lib", "0002")))
        .containsExactly(key("lib", "0001"), key("shop", "0001"));
    assertThat(names(loader.graph().forwardsPlan(key("lib", "0002"))))
        .containsExactly("shop.0001", "lib.0001", "lib.0002");
  }

  @Test
  void firstAndLatestResolveToRootAndLeaf() {
    MigrationLoader loader =
        load(
            migration("lib", "0001").ops(),
            migration("lib", "0002").dependsOn("lib", "0001").ops(),
            migration("shop", "0001").dependsOn("lib", "__first__").ops(),
            migration("shop", "0002")
                .dependsOn("shop", "0001")
                .dependsOn("lib", "__latest__")
                .dependsOn("nomigrations", "__first__")
                .ops());
    assertThat(loader.graph().parents(key("shop", "0001"))).containsExactly(key("lib", "0001"));
    assertThat(loader.graph().parents(key("shop", "0002")))
        .containsExactly(key("lib", "0002"), key("shop", "0001"));
  }

  @Test
  void cycleIsNamed() {
    assertThatThrownBy(
            () ->
                load(
                    migration("lib", "0001").dependsOn("shop", "0002_bad").ops(),
                    migration("shop", "0001").dependsOn("lib", "0001").ops(),
                    migration("shop", "0002_bad").dependsOn("shop", "0001").ops()))
        .isInstanceOf(MigrataException.class)
        .hasMessage(
            "Circular dependency between migrations: lib.0001, shop.0001, shop.0002_bad")
        .extracting(e -> ((MigrataException) e).code())
        .isEqualTo(ErrorCode.CIRCULAR_DEPENDENCY);
  }

  @Test
  void missingParentIsNamed() {
    assertThatThrownBy(
            () ->
                load(
                    migration("library", "0001").ops(),
                    migration("shop", "0002_bad").dependsOn("library", "0042_missing").ops()))
        .hasMessage(
            "Migration shop.0002_bad dependencies reference nonexistent parent node"
                + " ('library', '0042_missing')")
        .extracting(e -> ((MigrataException) e).code())
        .isEqualTo(ErrorCode.NODE_NOT_FOUND);
    assertThatThrownBy(
            () -> load(migration("shop", "0001").runBefore("library", "0001_gone").ops()))
        .hasMessage(
            "Migration shop.0001 dependencies reference nonexistent child node"
                + " ('library', '0001_gone')");
  }

  @Test
  void withoutDatabaseProblemsAreCollectedAndTheRestStillPlans() {
    List<MigrationLoader.LoadProblem> problems = new ArrayList<>();
    MigrationLoader loader =
        MigrationLoader.withoutDatabase(
            List.of(
                migration("library", "0001").ops(),
                migration("shop", "0001").dependsOn("library", "__first__").ops(),
                migration("shop", "0002_bad")
                    .dependsOn("shop", "0001")
                    .dependsOn("library", "0042_missing")
                    .runBefore("library", "0001_gone")
                    .ops()),
            problems::add);
    assertThat(problems)
        .extracting(
            MigrationLoader.LoadProblem::code,
            p -> p.migration().toString(),
            p -> p.reference().toString())
        .containsExactly(
            tuple(ErrorCode.NODE_NOT_FOUND, "shop.0002_bad", "library.0001_gone"),
            tuple(ErrorCode.NODE_NOT_FOUND, "shop.0002_bad", "library.0042_missing"));
    assertThat(names(loader.planned()))
        .containsExactly("library.0001", "shop.0001", "shop.0002_bad");

    problems.clear();
    MigrationLoader cyclic =
        MigrationLoader.withoutDatabase(
            List.of(
                migration("a", "0001").dependsOn("b", "0001").ops(),
                migration("b", "0001").dependsOn("a", "0001").ops()),
            problems::add);
    assertThat(problems)
        .extracting(MigrationLoader.LoadProblem::code, MigrationLoader.LoadProblem::message)
        .containsExactly(
            tuple(
                ErrorCode.CIRCULAR_DEPENDENCY,
                "Circular dependency between migrations: a.0001, b.0001"));
    assertThat(cyclic.planned()).isEmpty();
  }

  @Test
  void twoLeavesInAnAppAreAConflict() {
    MigrationLoader loader =
        load(
            migration("app", "0001").ops(),
            migration("app", "0002_a").dependsOn("app", "0001").ops(),
            migration("app", "0002_b").dependsOn("app", "0001").ops());
    assertThat(loader.conflicts()).containsEntry("app", List.of("0002_a", "0002_b"));
    assertThatThrownBy(loader::checkConflicts)
        .hasMessageContaining("(0002_a, 0002_b in app)")
        .hasMessageContaining("-Amigrata.merge=true");
  }

  @Test
  void squashReplacesItsMigrationsWhenAllOrNoneAreApplied() {
    MigrationDefinition[] migrations = {
      migration("app", "0001").ops(),
      migration("app", "0002").dependsOn("app", "0001").ops(),
      migration("app", "0001_squashed_0002").replaces("app", "0001").replaces("app", "0002").ops(),
      migration("app", "0003").dependsOn("app", "0002").ops()
    };
    MigrationLoader none = load(migrations);
    assertThat(names(none.graph().forwardsPlan(key("app", "0003"))))
        .containsExactly("app.0001_squashed_0002", "app.0003");

    MigrationLoader all = load(Set.of(key("app", "0001"), key("app", "0002")), migrations);
    assertThat(all.applied()).contains(key("app", "0001_squashed_0002"));
    assertThat(all.graph().contains(key("app", "0001"))).isFalse();

    MigrationLoader partly = load(Set.of(key("app", "0001")), migrations);
    assertThat(names(partly.graph().forwardsPlan(key("app", "0003"))))
        .containsExactly("app.0001", "app.0002", "app.0003");
  }

  @Test
  void planForZeroAndForAnAppliedTarget() {
    MigrationLoader loader =
        load(
            Set.of(key("lib", "0001"), key("lib", "0002"), key("shop", "0001")),
            migration("lib", "0001").ops(),
            migration("lib", "0002").dependsOn("lib", "0001").ops(),
            migration("shop", "0001").dependsOn("lib", "0001").ops());
    MigrationPlanner planner = new MigrationPlanner(loader);
    assertThat(
            planner.migrationPlan(List.of(new MigrationKey("lib", null)), false).stream()
                .map(s -> (s.backwards() ? "-" : "+") + s.key())
                .toList())
        .containsExactly("-shop.0001", "-lib.0002", "-lib.0001");
    // Minimize rollbacks: shop depends on lib.0001 only, so it stays.
    assertThat(
            planner.migrationPlan(List.of(key("lib", "0001")), false).stream()
                .map(s -> (s.backwards() ? "-" : "+") + s.key())
                .toList())
        .containsExactly("-lib.0002");
  }
}
