package dev.migrata.internal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelOptions;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.AlterModelTableComment;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RemoveIndex;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameIndex;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code tests/migrations/test_optimizer.py}, ported to Migrata's operations (5.2
 * behaviour: index, constraint and option operations fold into CreateModel, left reductions).
 * Options Migrata does not model (unique_together, managers, bases, proxies) are left out.
 */
class OptimizerTest {
  private static final String APP = "migrations";

  // ------------------------------------------------------------------ helpers

  private static List<Operation> optimize(String app, Operation... ops) {
    return Optimizer.optimize(List.of(ops), app);
  }

  private static void assertOptimizesTo(List<Operation> input, List<Operation> expected) {
    assertOptimizesTo(input, expected, APP);
  }

  private static void assertOptimizesTo(
      List<Operation> input, List<Operation> expected, String app) {
    List<Operation> result = Optimizer.optimize(input, app);
    assertThat(show(result)).isEqualTo(show(expected));
  }

  private static void assertDoesNotOptimize(List<Operation> input) {
    assertOptimizesTo(input, input);
  }

  private static void assertDoesNotOptimize(List<Operation> input, String app) {
    assertOptimizesTo(input, input, app);
  }

  /** The whole list, one deconstructed operation per line, so a failure shows everything. */
  private static String show(List<Operation> ops) {
    return ops.stream().map(o -> o.deconstruct().toString()).collect(Collectors.joining("\n"));
  }

  private static FieldState chars(String name) {
    return FieldState.builder(name, "CharField").maxLength(255).build();
  }

  private static FieldState integer(String name) {
    return FieldState.builder(name, "IntegerField").build();
  }

  private static FieldState floating(String name) {
    return FieldState.builder(name, "FloatField").build();
  }

  private static FieldState text(String name) {
    return FieldState.builder(name, "TextField").build();
  }

  private static FieldState fk(String name, String to) {
    return FieldState.builder(name, "ForeignKey").to(to).onDelete("CASCADE").build();
  }

  private static FieldState m2m(String name, String to) {
    return FieldState.builder(name, "ManyToManyField").to(to).build();
  }

  private static CreateModel create(String name, FieldState... fields) {
    return new CreateModel(name, List.of(fields), List.of(), List.of(), null, null, true);
  }

  private static CreateModel create(
      String name, List<IndexState> indexes, List<ConstraintState> constraints,
      FieldState... fields) {
    return new CreateModel(name, List.of(fields), indexes, constraints, null, null, true);
  }

  private static RunSql sql(boolean elidable) {
    return new RunSql(List.of("SELECT 1"), List.of(""), elidable);
  }

  private static IndexState index(String name, String... fields) {
    return new IndexState(name, List.of(fields), false, null);
  }

  // ------------------------------------------------------------------ basics

  @Test
  void appLabelIsRequired() {
    assertThatThrownBy(() -> Optimizer.optimize(List.of(create("Foo")), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("app");
  }

  @Test
  void single() {
    Optimizer optimizer = new Optimizer();
    List<Operation> result = optimizer.run(List.of(create("Foo")), APP);
    assertThat(result).containsExactly(create("Foo"));
    assertThat(optimizer.iterations()).isEqualTo(1);
  }

  @Test
  void emptyList() {
    assertThat(Optimizer.optimize(List.of(), APP)).isEmpty();
  }

  @Test
  void createDeleteModel() {
    assertOptimizesTo(List.of(create("Foo", chars("name")), new DeleteModel("Foo")), List.of());
  }

  @Test
  void createRenameModel() {
    assertOptimizesTo(
        List.of(create("Foo", chars("name")), new RenameModel("Foo", "Bar")),
        List.of(create("Bar", chars("name"))));
  }

  @Test
  void renameModelSelf() {
    assertOptimizesTo(
        List.of(new RenameModel("Foo", "Baa"), new RenameModel("Baa", "Bar")),
        List.of(new RenameModel("Foo", "Bar")));
  }

  @Test
  void createRenameModelRepointsSelfReference() {
    assertOptimizesTo(
        List.of(create("Foo", fk("parent", "migrations.foo")), new RenameModel("Foo", "Bar")),
        List.of(create("Bar", fk("parent", "migrations.bar"))));
  }

  /** The state both lists describe must be the same (what squashmigrations relies on). */
  private static void assertSameState(List<Operation> input, List<Operation> optimized) {
    ProjectState before = new ProjectState();
    input.forEach(op -> op.stateForwards(APP, before));
    ProjectState after = new ProjectState();
    optimized.forEach(op -> op.stateForwards(APP, after));
    assertThat(after).isEqualTo(before);
  }

  /** Django's ticket #32263: the model in between keeps pointing at the renamed model. */
  @Test
  void createRenameModelRepointsTheRelationsOfTheModelsInBetween() {
    List<Operation> input =
        List.of(
            create("Author", chars("name")),
            create("Book", chars("title"), fk("author", "migrations.author")),
            new RenameModel("Author", "Writer"));
    List<Operation> optimized = Optimizer.optimize(input, APP);
    assertThat(show(optimized))
        .isEqualTo(
            show(
                List.of(
                    create("Writer", chars("name")),
                    create("Book", chars("title"), fk("author", "migrations.writer")))));
    assertSameState(input, optimized);
  }

  @Test
  void renameModelTwiceRepointsTheFieldsAddedInBetween() {
    List<Operation> input =
        List.of(
            new RenameModel("Author", "Person"),
            new AddField("book", fk("author", "migrations.person"), true),
            new AlterField("shelf", FieldState.builder("owners", "ManyToManyField")
                .to("migrations.person").build(), true),
            new RenameModel("Person", "Writer"));
    List<Operation> optimized = Optimizer.optimize(input, APP);
    assertThat(show(optimized))
        .isEqualTo(
            show(
                List.of(
                    new RenameModel("Author", "Writer"),
                    new AddField("book", fk("author", "migrations.writer"), true),
                    new AlterField("shelf", FieldState.builder("owners", "ManyToManyField")
                        .to("migrations.writer").build(), true))));
  }

  @Test
  void createRenameFieldRepointsToFieldOfTheModelsInBetween() {
    FieldState byCode =
        FieldState.builder("author", "ForeignKey").to("migrations.author").toField("code")
            .onDelete("CASCADE").build();
    List<Operation> input =
        List.of(
            create("Author", FieldState.builder("code", "CharField").maxLength(5).unique(true)
                .build()),
            create("Book", byCode),
            new RenameField("author", "code", "ref"));
    List<Operation> optimized = Optimizer.optimize(input, APP);
    assertThat(optimized).hasSize(2);
    assertThat(((CreateModel) optimized.get(0)).fields().get(0).name()).isEqualTo("ref");
    assertThat(((CreateModel) optimized.get(1)).fields().get(0).toField()).isEqualTo("ref");
    assertSameState(input, optimized);
  }

  @Test
  void createAlterModelOptions() {
    assertOptimizesTo(
        List.of(create("Foo"), new AlterModelOptions("foo", false)),
        List.of(new CreateModel("Foo", List.of(), List.of(), List.of(), null, null, false)));
  }

  @Test
  void createAlterModelTable() {
    assertOptimizesTo(
        List.of(create("Foo", chars("name")), new AlterModelTable("foo", "foo_table")),
        List.of(
            new CreateModel(
                "Foo", List.of(chars("name")), List.of(), List.of(), "foo_table", null, true)));
  }

  @Test
  void createAlterModelTableComment() {
    assertOptimizesTo(
        List.of(create("Foo"), new AlterModelTableComment("foo", "A comment")),
        List.of(new CreateModel("Foo", List.of(), List.of(), List.of(), null, "A comment", true)));
  }

  @Test
  void createAlterOptionsThenDelete() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name")),
            new AlterModelTable("foo", "woohoo"),
            new AlterModelTableComment("foo", "c"),
            new AlterModelOptions("foo", false),
            new DeleteModel("Foo")),
        List.of());
  }

  // ------------------------------------------------------------------ alter + alter

  @Test
  void alterAlterTableModel() {
    assertOptimizesTo(
        List.of(new AlterModelTable("foo", "a"), new AlterModelTable("foo", "b")),
        List.of(new AlterModelTable("foo", "b")));
  }

  @Test
  void alterAlterTableCommentModel() {
    assertOptimizesTo(
        List.of(new AlterModelTableComment("foo", "a"), new AlterModelTableComment("foo", "b")),
        List.of(new AlterModelTableComment("foo", "b")));
  }

  @Test
  void alterAlterModelOptions() {
    assertOptimizesTo(
        List.of(new AlterModelOptions("foo", false), new AlterModelOptions("foo", true)),
        List.of(new AlterModelOptions("foo", true)));
  }

  @Test
  void alterAlterField() {
    FieldState helped = FieldState.builder("name", "IntegerField").helpText("help").build();
    assertOptimizesTo(
        List.of(
            new AlterField("foo", integer("name"), true), new AlterField("foo", helped, true)),
        List.of(new AlterField("foo", helped, true)));
  }

  @Test
  void alterModelOptionThenDeleteModel() {
    assertOptimizesTo(
        List.of(new AlterModelTable("foo", "t"), new DeleteModel("Foo")),
        List.of(new DeleteModel("Foo")));
  }

  @Test
  void alterOptionsOfDifferentModelsDoNotMerge() {
    assertDoesNotOptimize(
        List.of(new AlterModelTable("foo", "a"), new AlterModelTable("bar", "b")));
  }

  // ------------------------------------------------------------------ through create

  @Test
  void optimizeThroughCreate() {
    // Unrelated models let the delete reach the create.
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name")), create("Bar", integer("size")), new DeleteModel("Foo")),
        List.of(create("Bar", integer("size"))));
  }

  @Test
  void optimizeThroughCreateWithFkBetweenThem() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name")),
            create("Bar", fk("other", "migrations.foo")),
            new DeleteModel("Bar"),
            new DeleteModel("Foo")),
        List.of());
  }

  @Test
  void fkBlocksOptimizationThroughCreate() {
    assertDoesNotOptimize(
        List.of(
            create("Foo", chars("name")),
            create("Bar", fk("other", "migrations.foo")),
            new DeleteModel("Foo")));
  }

  @Test
  void createModelAddFieldNotThroughM2mThrough() {
    // Django's test_create_model_add_field_not_through_m2m_through: the many-to-many names the
    // model created in between as its through model, so it may not move in front of it.
    FieldState employees =
        FieldState.builder("employees", "ManyToManyField")
            .to("migrations.employee")
            .through("migrations.employment")
            .build();
    assertDoesNotOptimize(
        List.of(
            create("Employee"),
            create("Employer"),
            create(
                "Employment",
                fk("employee", "migrations.employee"),
                fk("employment", "migrations.employer")),
            new AddField("employer", employees, true)));
  }

  @Test
  void m2mBlocksOptimizationThroughCreate() {
    assertDoesNotOptimize(
        List.of(
            create("Foo", chars("name")),
            create("Bar", m2m("other", "migrations.foo")),
            new DeleteModel("Foo")));
  }

  @Test
  void fkToSameNamedModelOfAnotherAppDoesNotBlock() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name")),
            create("Bar", fk("other", "testapp.foo")),
            new DeleteModel("Foo")),
        List.of(create("Bar", fk("other", "testapp.foo"))),
        "otherapp");
  }

  @Test
  void fkOfSameAppBlocksWithExplicitAppLabel() {
    assertDoesNotOptimize(
        List.of(
            create("Foo", chars("name")),
            create("Bar", fk("other", "testapp.foo")),
            new DeleteModel("Foo")),
        "testapp");
  }

  @Test
  void addFieldWithFkBlocksDelete() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name")),
            create("Bar", integer("size")),
            new AddField("bar", fk("foo", "migrations.foo"), true),
            new DeleteModel("Foo")),
        List.of(
            create("Foo", chars("name")),
            create("Bar", integer("size"), fk("foo", "migrations.foo")),
            new DeleteModel("Foo")));
  }

  // ------------------------------------------------------------------ reordering

  @Test
  void createModelReordering() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name")),
            create("Link", text("url")),
            new AddField("foo", fk("link", "migrations.link"), true)),
        List.of(create("Link", text("url")), create("Foo", chars("name"), fk("link", "migrations.link"))));
  }

  @Test
  void createModelReorderingCircularFk() {
    assertOptimizesTo(
        List.of(
            create("Bar", text("url")),
            create("Foo", chars("name")),
            new AddField("bar", fk("fooFk", "migrations.foo"), true),
            new AddField("foo", fk("barFk", "migrations.bar"), true)),
        List.of(
            create("Foo", chars("name")),
            create("Bar", text("url"), fk("fooFk", "migrations.foo")),
            new AddField("foo", fk("barFk", "migrations.bar"), true)));
  }

  @Test
  void createModelNoReorderingForUnrelatedFk() {
    assertDoesNotOptimize(
        List.of(
            create("Foo", chars("name")),
            create("Link", text("url")),
            new AddField("other", fk("link", "migrations.link"), true)));
  }

  @Test
  void leftReductionMovesAddFieldInFrontOfUnrelatedCreate() {
    // Foo.reduce(Bar) is False (Bar points at Foo), so the AddField may only fold on the left,
    // which needs Bar to let it through: it does, as it does not reference Foo's new field.
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name")),
            create("Bar", fk("foo", "migrations.foo")),
            new AddField("foo", integer("age"), true)),
        List.of(
            create("Foo", chars("name"), integer("age")),
            create("Bar", fk("foo", "migrations.foo"))));
  }

  // ------------------------------------------------------------------ CreateModel + field ops

  @Test
  void createModelAddField() {
    assertOptimizesTo(
        List.of(create("Foo", chars("name")), new AddField("foo", integer("age"), true)),
        List.of(create("Foo", chars("name"), integer("age"))));
  }

  @Test
  void createModelAddFieldWithOneOffDefaultKeepsTheStateOfBoth() {
    FieldState withDefault = FieldState.builder("age", "IntegerField").defaultValue("0").build();
    assertOptimizesTo(
        List.of(create("Foo", chars("name")), new AddField("foo", withDefault, false)),
        List.of(create("Foo", chars("name"), integer("age"))));
  }

  @Test
  void createModelAlterField() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name"), integer("age")),
            new AlterField("foo", integer("name"), true)),
        List.of(create("Foo", integer("name"), integer("age"))));
  }

  @Test
  void createModelRenameField() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name"), integer("age")),
            new RenameField("foo", "name", "title")),
        List.of(create("Foo", chars("title"), integer("age"))));
  }

  @Test
  void createModelRemoveField() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name"), integer("age")), new RemoveField("foo", "age")),
        List.of(create("Foo", chars("name"))));
  }

  @Test
  void createModelRenameFieldKeepsIndexesInStep() {
    assertOptimizesTo(
        List.of(
            create("Foo", List.of(index("foo_name_idx", "name")), List.of(), chars("name")),
            new RenameField("foo", "name", "title")),
        List.of(create("Foo", List.of(index("foo_name_idx", "title")), List.of(), chars("title"))));
  }

  // ------------------------------------------------------------------ field op pairs

  @Test
  void addFieldRenameField() {
    assertOptimizesTo(
        List.of(new AddField("foo", chars("name"), true), new RenameField("foo", "name", "title")),
        List.of(new AddField("foo", chars("title"), true)));
  }

  @Test
  void alterFieldRenameField() {
    assertOptimizesTo(
        List.of(
            new AlterField("foo", chars("name"), true), new RenameField("foo", "name", "title")),
        List.of(new RenameField("foo", "name", "title"), new AlterField("foo", chars("title"), true)));
  }

  @Test
  void alterFieldWithExplicitColumnDoesNotMoveBehindRename() {
    FieldState columned = FieldState.builder("name", "CharField").maxLength(255).column("n").build();
    assertDoesNotOptimize(
        List.of(new AlterField("foo", columned, true), new RenameField("foo", "name", "title")));
  }

  @Test
  void renameFieldRenameField() {
    assertOptimizesTo(
        List.of(new RenameField("foo", "a", "b"), new RenameField("foo", "b", "c")),
        List.of(new RenameField("foo", "a", "c")));
  }

  @Test
  void swappingFieldsNamesAcrossRunSqlDoesNotOptimize() {
    assertDoesNotOptimize(
        List.of(
            create("MyModel", integer("fieldA"), integer("fieldB")),
            sql(false),
            new RenameField("mymodel", "fieldA", "fieldC"),
            new RenameField("mymodel", "fieldB", "fieldA"),
            new RenameField("mymodel", "fieldC", "fieldB")));
  }

  @Test
  void addFieldAlterField() {
    assertOptimizesTo(
        List.of(new AddField("foo", integer("age"), true), new AlterField("foo", floating("age"), true)),
        List.of(new AddField("foo", floating("age"), true)));
  }

  @Test
  void addFieldDeleteField() {
    assertOptimizesTo(
        List.of(new AddField("foo", integer("age"), true), new RemoveField("foo", "age")),
        List.of());
  }

  @Test
  void alterFieldDeleteField() {
    assertOptimizesTo(
        List.of(new AlterField("foo", integer("age"), true), new RemoveField("foo", "age")),
        List.of(new RemoveField("foo", "age")));
  }

  @Test
  void removeFieldDeleteModel() {
    assertOptimizesTo(
        List.of(new RemoveField("foo", "age"), new DeleteModel("Foo")),
        List.of(new DeleteModel("Foo")));
  }

  @Test
  void fieldOperationsOnOtherFieldsPassThrough() {
    assertOptimizesTo(
        List.of(
            new AddField("foo", integer("age"), true),
            new AddField("foo", integer("height"), true),
            new RemoveField("foo", "age")),
        List.of(new AddField("foo", integer("height"), true)));
  }

  @Test
  void fkToFieldBlocksRightReductionButNotLeft() {
    // As Django 5.2: the referencing AddField stops a right reduction, but lets the RemoveField
    // through, so the pair still cancels on the left.
    FieldState toName =
        FieldState.builder("owner", "ForeignKey").to("migrations.foo").toField("name")
            .onDelete("CASCADE").build();
    assertOptimizesTo(
        List.of(
            new AddField("foo", chars("name"), true),
            new AddField("bar", toName, true),
            new RemoveField("foo", "name")),
        List.of(new AddField("bar", toName, true)));
  }

  @Test
  void optimizeThroughFields() {
    assertOptimizesTo(
        List.of(
            create("Foo", chars("name")),
            create("Bar", integer("size")),
            new AddField("foo", integer("age"), true),
            new AddField("bar", integer("width"), true),
            new AlterField("foo", integer("age"), true),
            new RenameField("bar", "size", "dimensions"),
            new RemoveField("foo", "age"),
            new RenameModel("Foo", "Phou"),
            new RemoveField("bar", "dimensions"),
            new RenameModel("Phou", "Fou"),
            new DeleteModel("Fou")),
        List.of(create("Bar", integer("width"))));
  }

  // ------------------------------------------------------------------ elidable and boundaries

  @Test
  void optimizeElidableOperation() {
    assertOptimizesTo(
        List.of(
            sql(true),
            create("Foo", chars("name")),
            sql(true),
            create("Bar", integer("size")),
            sql(true),
            new RenameModel("Foo", "Phou"),
            new DeleteModel("Bar"),
            sql(true)),
        List.of(create("Phou", chars("name"))));
  }

  @Test
  void runSqlIsABoundary() {
    assertDoesNotOptimize(
        List.of(create("Foo", chars("name")), sql(false), new AddField("foo", integer("age"), true)));
  }

  @Test
  void elidableRunSqlIsNoBoundary() {
    assertOptimizesTo(
        List.of(create("Foo", chars("name")), sql(true), new AddField("foo", integer("age"), true)),
        List.of(create("Foo", chars("name"), integer("age"))));
  }

  @Test
  void runSqlPairsAreKept() {
    assertDoesNotOptimize(List.of(sql(false), sql(false)));
  }

  // ------------------------------------------------------------------ indexes and constraints

  @Test
  void createModelAddIndex() {
    assertOptimizesTo(
        List.of(create("Pony", integer("weight")), new AddIndex("pony", index("idx_pony_weight", "weight"))),
        List.of(create("Pony", List.of(index("idx_pony_weight", "weight")), List.of(), integer("weight"))));
  }

  @Test
  void createModelRemoveIndex() {
    assertOptimizesTo(
        List.of(
            create("Pony", List.of(index("idx_a", "age"), index("idx_w", "weight")), List.of(),
                integer("age"), integer("weight")),
            new RemoveIndex("pony", "idx_a")),
        List.of(create("Pony", List.of(index("idx_w", "weight")), List.of(), integer("age"), integer("weight"))));
  }

  @Test
  void createModelRenameIndexIsNotAbsorbed() {
    assertDoesNotOptimize(
        List.of(
            create("Pony", List.of(index("idx_a", "age")), List.of(), integer("age")),
            new RenameIndex("pony", "idx_a", "idx_b")));
  }

  @Test
  void createModelAddConstraint() {
    ConstraintState c = ConstraintState.check("pony_weight_gt_0", "weight > 0");
    assertOptimizesTo(
        List.of(create("Pony", integer("weight")), new AddConstraint("pony", c)),
        List.of(create("Pony", List.of(), List.of(c), integer("weight"))));
  }

  @Test
  void createModelRemoveConstraint() {
    ConstraintState c = ConstraintState.check("pony_weight_gt_0", "weight > 0");
    assertOptimizesTo(
        List.of(
            create("Pony", List.of(), List.of(c), integer("weight")),
            new RemoveConstraint("pony", "pony_weight_gt_0")),
        List.of(create("Pony", integer("weight"))));
  }

  @Test
  void addRemoveIndex() {
    assertOptimizesTo(
        List.of(new AddIndex("pony", index("idx_pony_age", "age")), new RemoveIndex("pony", "idx_pony_age")),
        List.of());
  }

  @Test
  void addRenameIndex() {
    assertOptimizesTo(
        List.of(
            new AddIndex("pony", index("old_name", "age")),
            new RenameIndex("pony", "old_name", "new_name")),
        List.of(new AddIndex("pony", index("new_name", "age"))));
  }

  @Test
  void renameIndex() {
    assertOptimizesTo(
        List.of(
            new RenameIndex("pony", "old_name", "mid_name"),
            new RenameIndex("pony", "mid_name", "new_name")),
        List.of(new RenameIndex("pony", "old_name", "new_name")));
  }

  @Test
  void renameIndexOfOtherModelsDoesNotMerge() {
    assertDoesNotOptimize(
        List.of(
            new RenameIndex("pony", "old_name", "mid_name"),
            new RenameIndex("horse", "mid_name", "new_name")));
  }

  @Test
  void addRemoveConstraint() {
    ConstraintState c = ConstraintState.check("test_constraint_pony_pink_gt_2", "pink > 2");
    assertOptimizesTo(
        List.of(new AddConstraint("pony", c), new RemoveConstraint("pony", c.name())),
        List.of());
  }

  @Test
  void indexOperationsAreBoundaries() {
    assertDoesNotOptimize(
        List.of(
            new AddField("foo", integer("age"), true),
            new AddIndex("bar", index("bar_idx", "x")),
            new RemoveField("foo", "age")));
  }

  // ------------------------------------------------------------------ passes

  @Test
  void severalPassesUntilStable() {
    Optimizer optimizer = new Optimizer();
    List<Operation> result =
        optimizer.run(
            List.of(
                create("Foo", chars("name")),
                new AddField("foo", integer("age"), true),
                new AlterField("foo", floating("age"), true),
                new RenameField("foo", "age", "years")),
            APP);
    assertThat(show(result)).isEqualTo(show(List.of(create("Foo", chars("name"), floating("years")))));
    assertThat(optimizer.iterations()).isEqualTo(4);
  }

  @Test
  void optimizeIsIdempotent() {
    List<Operation> once =
        optimize(
            APP,
            create("Foo", chars("name")),
            create("Link", text("url")),
            new AddField("foo", fk("link", "migrations.link"), true));
    assertThat(Optimizer.optimize(once, APP)).isEqualTo(once);
  }
}
