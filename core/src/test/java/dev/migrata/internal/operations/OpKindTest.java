package dev.migrata.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.annotations.migration.Op;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.OrmOptions;
import dev.migrata.internal.state.SequenceState;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operation table agrees with {@code Op}, with each operation class and with older forms. */
class OpKindTest {
  private static final FieldState FK =
      FieldState.builder("author", "ForeignKey")
          .to("library.author")
          .onDelete("CASCADE")
          .orm(new OrmOptions("writer", true, false, false, false))
          .build();

  /** One operation of each kind, every optional attribute set. */
  private static final List<Operation> SAMPLES =
      List.of(
          new CreateModel(
              "Book",
              List.of(FieldState.builder("id", "BigAutoField").primaryKey(true).build(), FK),
              List.of(new IndexState("i", List.of("author"), false, null)),
              List.of(ConstraintState.check("c", "1 = 1")),
              "books",
              "Books",
              false,
              new ModelOptions("book", "books", List.of("-title"))),
          new DeleteModel("Book"),
          new RenameModel("Book", "Volume"),
          new AlterModelTable("book", "books"),
          new AlterModelTableComment("book", "Books"),
          new AlterModelOptions("book", false, new ModelOptions("b", "bs", List.of("title"))),
          new AddField("book", FK, false),
          new RemoveField("book", "author"),
          new AlterField("book", FK, false),
          new RenameField("book", "title", "headline"),
          new AddIndex(
              "book",
              new IndexState(
                  "i",
                  List.of(),
                  false,
                  "title <> ''",
                  List.of("Lower(title).desc()"),
                  List.of(),
                  List.of("author"),
                  "GIN")),
          new RemoveIndex("book", "i"),
          new AddIndexConcurrently(
              "book", new IndexState("i", List.of("-title"), true, "title <> ''")),
          new RemoveIndexConcurrently("book", "i"),
          new RenameIndex("book", "i", "j"),
          new AddConstraint("book", ConstraintState.unique("u", List.of("title"), null)),
          new RemoveConstraint("book", "u"),
          new AlterConstraint(
              "book",
              "u",
              new ConstraintState(
                  "u",
                  List.of("title"),
                  null,
                  null,
                  List.of(),
                  List.of("author"),
                  List.of("varchar_pattern_ops"),
                  false,
                  "DEFERRED",
                  "Taken.",
                  "taken")),
          new AddConstraintNotValid("book", ConstraintState.check("c", "1 = 1")),
          new ValidateConstraint("book", "c"),
          new CreateExtension("hstore"),
          new CreateCollation(new Collation("ci", "und-u-ks-level2", "icu", false)),
          new RemoveCollation(new Collation("ci", "und-u-ks-level2", "icu", false)),
          new RunSql(List.of("SELECT 1"), List.of(""), true, List.of("sqlite")),
          new RunJava("forwards", "backwards", "com.example.Data", true),
          new CreateSequence(new SequenceState("invoice_seq", 100, 50)),
          new DeleteSequence(new SequenceState("invoice_seq", 100, 50)),
          new AlterSequence("invoice_seq", 20));

  @Test
  void everyKindOfTheAnnotationHasOneRowAndBack() {
    assertThat(Arrays.stream(OpKind.values()).map(Enum::name))
        .containsExactlyElementsOf(Arrays.stream(Op.Kind.values()).map(Enum::name).toList());
    assertThat(SAMPLES.stream().map(Object::getClass))
        .containsExactlyElementsOf(Arrays.stream(OpKind.values()).map(OpKind::type).toList());
  }

  @Test
  void notInTransactionIsTheKindsWhoseClassIsANotInTransaction() {
    for (OpKind kind : OpKind.values()) {
      assertThat(kind.notInTransaction())
          .as("%s", kind)
          .isEqualTo(NotInTransaction.class.isAssignableFrom(kind.type()));
    }
  }

  @Test
  void everyAttributeIsAMemberOfOp() {
    for (OpKind kind : OpKind.values()) {
      for (OpKind.Attribute a : kind.attributes()) {
        assertThat(Arrays.stream(Op.class.getDeclaredMethods()).map(Method::getName))
            .as("%s.%s", kind, a.name())
            .contains(a.name());
      }
    }
  }

  @Test
  void eachOperationWritesOnlyWhatItsKindTakesAndReadsBackTheSame() {
    for (Operation op : SAMPLES) {
      Deconstructed form = op.deconstruct();
      OpKind kind = OpKind.byName(form.string("kind", ""));
      assertThat(kind.type()).isEqualTo(op.getClass());
      assertThat(kind.unknown(form)).as("%s", form).isEmpty();
      assertThat(kind.missing(form)).as("%s", form).isEmpty();
      assertThat(Operations.reconstruct(form)).isEqualTo(op);
    }
  }

  @Test
  void anAttributeTheKindDoesNotTakeIsRefused() {
    Map<String, Object> values =
        new LinkedHashMap<>(new RemoveField("book", "x").deconstruct().values());
    values.put("sql", List.of("DROP TABLE x"));
    Deconstructed stray = new Deconstructed("Op", values);
    assertThat(OpKind.REMOVE_FIELD.unknown(stray)).containsExactly("sql");
    assertThatThrownBy(() -> Operations.reconstruct(stray))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Operation REMOVE_FIELD does not take the attribute 'sql'; it takes model, name.");
  }

  @Test
  void aMissingRequiredAttributeIsNamed() {
    Deconstructed noName = OpKind.REMOVE_FIELD.form().put("model", "book").build();
    assertThat(OpKind.REMOVE_FIELD.missing(noName)).containsExactly("name");
    assertThatThrownBy(() -> Operations.reconstruct(noName))
        .hasMessage("Operation REMOVE_FIELD needs the attribute 'name'.");
  }

  @Test
  void concurrentIndexKindsDescribeAsDjangoAndRefuseTransactions() {
    IndexState index = new IndexState("book_title_idx", List.of("-title"), false, null);
    assertThat(new AddIndexConcurrently("book", index).describe())
        .isEqualTo("Concurrently create index book_title_idx on field(s) title of model book");
    assertThat(new RemoveIndexConcurrently("book", "book_title_idx").describe())
        .isEqualTo("Concurrently remove index book_title_idx from book");
    assertThat(new AddIndexConcurrently("book", index).refusal())
        .isEqualTo(
            "The AddIndexConcurrently operation cannot be executed inside a transaction (set"
                + " atomic = False on the migration).");
  }

  @Test
  void olderSpellingsReadAsTheSameOperations() {
    AddIndex index = new AddIndex("book", new IndexState("i", List.of("title"), false, null));
    Deconstructed oldIndex =
        OpKind.ADD_INDEX
            .form()
            .put("model", "book")
            .put("indexes", List.of(index.index().deconstruct()))
            .build();
    assertThat(OpKind.ADD_INDEX.missing(oldIndex)).isEmpty();
    assertThat(Operations.reconstruct(oldIndex)).isEqualTo(index);

    AddConstraint constraint = new AddConstraint("book", ConstraintState.check("c", "1 = 1"));
    Deconstructed oldConstraint =
        OpKind.ADD_CONSTRAINT
            .form()
            .put("model", "book")
            .put("constraints", List.of(constraint.constraint().deconstruct()))
            .build();
    assertThat(Operations.reconstruct(oldConstraint)).isEqualTo(constraint);

    Map<String, Object> field = new HashMap<>(FK.deconstruct().values());
    assertThat(field).containsEntry("onDeleteAction", "CASCADE").doesNotContainKey("onDelete");
    field.put("onDelete", field.remove("onDeleteAction"));
    assertThat(FieldState.reconstruct(new Deconstructed("FieldDef", field))).isEqualTo(FK);
  }

  @Test
  void bothSpellingsAtOnceAreRefused() {
    IndexState i = new IndexState("i", List.of("title"), false, null);
    Deconstructed both =
        OpKind.ADD_INDEX
            .form()
            .put("model", "book")
            .put("indexes", List.of(i.deconstruct()))
            .put("index", i.deconstruct())
            .build();
    assertThatThrownBy(() -> Operations.reconstruct(both))
        .hasMessage("Operation ADD_INDEX takes 'index' or the older 'indexes', not both.");
  }
}
