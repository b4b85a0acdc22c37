package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelOptions;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.AlterModelTableComment;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RemoveIndex;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameIndex;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Django's tests/migrations/test_autodetector.py, ported to Java states: each case builds the
 * before and after {@link ProjectState} and checks the migrations, operations, dependencies and
 * questions, printing the whole change set when an assert fails.
 */
class AutodetectorTest extends AutodetectorFixtures {
  static final String APP = "testapp";
  static final String OTHER = "otherapp";
  static final String THIRD = "thirdapp";

  static final ModelState AUTHOR_EMPTY = model(APP, "Author");
  static final ModelState AUTHOR_NAME = model(APP, "Author", chr("name", 200));
  static final ModelState AUTHOR_NAME_LONGER = model(APP, "Author", chr("name", 400));
  static final ModelState AUTHOR_NAME_NULL =
      model(APP, "Author", field("name", FieldType.CHAR).maxLength(200).nullable(true).build());
  static final ModelState AUTHOR_NAME_DEFAULT =
      model(APP, "Author", field("name", FieldType.CHAR).maxLength(200).defaultValue("Ada").build());
  static final ModelState PUBLISHER = model(APP, "Publisher", chr("name", 100));
  static final ModelState PUBLISHER_WITH_AUTHOR =
      model(APP, "Publisher", fk("author", "testapp.author"), chr("name", 100));
  static final ModelState AUTHOR_WITH_PUBLISHER =
      model(APP, "Author", chr("name", 200), fk("publisher", "testapp.publisher"));
  static final ModelState BOOK = model(OTHER, "Book", fk("author", "testapp.author"), chr("title", 200));

  private static ModelState m(String name, FieldState... fields) {
    return model(APP, name, fields);
  }

  // ------------------------------------------------------------------ models

  @Test
  void addModel() {
    detect(state(), state(AUTHOR_NAME));
    assertNumberMigrations(APP, 1);
    assertOperationTypes(APP, 0, "CreateModel");
    assertOperation(APP, 0, 0, CreateModel.of(AUTHOR_NAME));
    assertThat(changes.get(APP).get(0).initial()).as(dump()).isTrue();
  }

  @Test
  void addModelToExistingAppIsNotInitial() {
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME, PUBLISHER));
    assertOperationTypes(APP, 0, "CreateModel");
    assertThat(changes.get(APP).get(0).initial()).as(dump()).isFalse();
  }

  @Test
  void removeModel() {
    detect(state(AUTHOR_NAME), state());
    assertOperationTypes(APP, 0, "DeleteModel");
    assertOperation(APP, 0, 0, new DeleteModel("Author"));
  }

  @Test
  void noChanges() {
    detect(state(AUTHOR_NAME, PUBLISHER), state(AUTHOR_NAME, PUBLISHER));
    assertNoChanges();
  }

  @Test
  void createdModelsComeAlphabeticallyBeforeDeletions() {
    // Django's A22: CreateModel is inserted at the beginning of the app's list.
    detect(state(AUTHOR_NAME), state(m("Writer", chr("name", 200))));
    assertOperationTypes(APP, 0, "CreateModel", "DeleteModel");
  }

  @Test
  void severalNewModelsAlphabetical() {
    detect(state(), state(m("Zebra"), m("Apple"), m("Mango")));
    assertOperationTypes(APP, 0, "CreateModel", "CreateModel", "CreateModel");
    assertThat(List.of(
            ((CreateModel) op(APP, 0, 0)).name(),
            ((CreateModel) op(APP, 0, 1)).name(),
            ((CreateModel) op(APP, 0, 2)).name()))
        .as(dump())
        .containsExactly("Apple", "Mango", "Zebra");
  }

  @Test
  void renameModelDeclared() {
    renamedModels.put("testapp.Writer", "Author");
    detect(state(AUTHOR_NAME), state(m("Writer", chr("name", 200))));
    assertOperationTypes(APP, 0, "RenameModel");
    assertOperation(APP, 0, 0, new RenameModel("Author", "Writer"));
  }

  @Test
  void renameModelWithFieldChange() {
    renamedModels.put("testapp.Writer", "Author");
    detect(state(AUTHOR_NAME), state(m("Writer", chr("name", 300))));
    assertOperationTypes(APP, 0, "RenameModel", "AlterField");
  }

  @Test
  void renameModelRepointsRelations() {
    renamedModels.put("testapp.Writer", "Author");
    ModelState book = m("Book", fk("author", "testapp.writer"));
    detect(state(AUTHOR_NAME, m("Book", fk("author", "testapp.author"))),
        state(m("Writer", chr("name", 200)), book));
    assertOperationTypes(APP, 0, "RenameModel");
  }

  @Test
  void renameModelAcrossAppsRepointsRelations() {
    renamedModels.put("testapp.Writer", "Author");
    detect(state(AUTHOR_NAME, BOOK),
        state(m("Writer", chr("name", 200)),
            model(OTHER, "Book", fk("author", "testapp.writer"), chr("title", 200))));
    assertOperationTypes(APP, 0, "RenameModel");
    assertThat(changes).as(dump()).doesNotContainKey(OTHER);
  }

  @Test
  void renameModelFromUnknownIsReported() {
    renamedModels.put("testapp.Writer", "Nobody");
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME, m("Writer")));
    assertAsked("MODEL_RENAMED_FROM_UNKNOWN testapp.Writer");
  }

  @Test
  void renameModelAlreadyAppliedIsIgnored() {
    renamedModels.put("testapp.Writer", "Author");
    detect(state(m("Writer")), state(m("Writer")));
    assertNoChanges();
    assertAsked();
  }

  @Test
  void undeclaredModelRenameIsAsked() {
    detect(state(AUTHOR_NAME), state(m("Writer", chr("name", 200))));
    assertAsked("MODEL_LOOKS_RENAMED testapp.Writer");
  }

  @Test
  void confirmedModelDeletionIsDeleteAndCreate() {
    confirmedRemovals.add("testapp.Author");
    detect(state(AUTHOR_NAME), state(m("Writer", chr("name", 200))));
    assertOperation(APP, 0, 0, CreateModel.of(m("Writer", chr("name", 200))));
    assertOperation(APP, 0, 1, new DeleteModel("Author"));
    assertAsked();
  }

  @Test
  void modelWithOtherFieldsIsNoRenameQuestion() {
    detect(state(AUTHOR_NAME), state(m("Writer", chr("name", 100))));
    assertAsked();
  }

  @Test
  void unmanagedModelCreated() {
    ModelState legacy = m("Legacy", chr("code", 10)).withManaged(false);
    detect(state(), state(legacy));
    assertOperation(APP, 0, 0, CreateModel.of(legacy));
  }

  @Test
  void unmanagedToManagedIsAlterModelOptions() {
    detect(state(AUTHOR_NAME.withManaged(false)), state(AUTHOR_NAME));
    assertOperation(APP, 0, 0, new AlterModelOptions("author", true));
  }

  @Test
  void managedToUnmanagedIsAlterModelOptions() {
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME.withManaged(false)));
    assertOperation(APP, 0, 0, new AlterModelOptions("author", false));
  }

  @Test
  void deleteUnmanagedModel() {
    detect(state(AUTHOR_NAME.withManaged(false)), state());
    assertOperationTypes(APP, 0, "DeleteModel");
  }

  // ------------------------------------------------------------------ model options

  @Test
  void customTableOnNewModel() {
    ModelState a = AUTHOR_NAME.withTable("authors");
    detect(state(), state(a));
    assertOperation(APP, 0, 0, CreateModel.of(a));
  }

  @Test
  void alterModelTable() {
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME.withTable("authors")));
    assertOperation(APP, 0, 0, new AlterModelTable("author", "authors"));
  }

  @Test
  void alterModelTableBackToDefault() {
    detect(state(AUTHOR_NAME.withTable("authors")), state(AUTHOR_NAME));
    assertOperation(APP, 0, 0, new AlterModelTable("author", null));
  }

  @Test
  void alterModelTableComment() {
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME.withComment("People who write")));
    assertOperation(APP, 0, 0, new AlterModelTableComment("author", "People who write"));
  }

  @Test
  void removeModelTableComment() {
    detect(state(AUTHOR_NAME.withComment("x")), state(AUTHOR_NAME));
    assertOperation(APP, 0, 0, new AlterModelTableComment("author", null));
  }

  @Test
  void tableAndCommentOrder() {
    // Django: the comment is generated early, the table last.
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME.withTable("authors").withComment("c")));
    assertOperationTypes(APP, 0, "AlterModelTableComment", "AlterModelTable");
  }

  @Test
  void commentOnNewModelIsInCreateModel() {
    ModelState a = AUTHOR_NAME.withComment("c");
    detect(state(), state(a));
    assertOperation(APP, 0, 0, CreateModel.of(a));
  }

  // ------------------------------------------------------------------ fields

  @Test
  void addFieldWithDefault() {
    detect(state(AUTHOR_EMPTY), state(AUTHOR_NAME_DEFAULT));
    assertOperationTypes(APP, 0, "AddField");
    assertAsked();
  }

  @Test
  void addNullableField() {
    detect(state(AUTHOR_EMPTY), state(AUTHOR_NAME_NULL));
    assertOperationTypes(APP, 0, "AddField");
    assertAsked();
  }

  @Test
  void addNonNullFieldWithoutDefaultAsks() {
    detect(state(AUTHOR_EMPTY), state(AUTHOR_NAME));
    assertAsked("NON_NULL_FIELD_WITHOUT_DEFAULT testapp.Author.name");
  }

  @Test
  void addFieldWithDbDefaultDoesNotAsk() {
    detect(state(AUTHOR_EMPTY),
        state(m("Author", field("name", FieldType.CHAR).maxLength(200).dbDefault("'x'").build())));
    assertOperationTypes(APP, 0, "AddField");
    assertAsked();
  }

  @Test
  void addFieldWithDefaultMethodDoesNotAsk() {
    detect(state(AUTHOR_EMPTY),
        state(m("Author", field("created", FieldType.DATE_TIME)
            .defaultMethod("java.time.Instant::now").build())));
    assertAsked();
  }

  @Test
  void addDateTimeWithoutDefaultAsksForAutoNow() {
    detect(state(AUTHOR_EMPTY), state(m("Author", field("created", FieldType.DATE_TIME).build())));
    assertAsked("TEMPORAL_FIELD_WITHOUT_DEFAULT testapp.Author.created");
  }

  @Test
  void addUniqueFieldWithCallableDefaultWarns() {
    detect(state(AUTHOR_EMPTY),
        state(m("Author", field("token", FieldType.UUID).unique(true)
            .defaultMethod("java.util.UUID::randomUUID").build())));
    assertAsked("UNIQUE_CALLABLE_DEFAULT testapp.Author.token");
  }

  @Test
  void addCustomFieldWithoutDefaultAsks() {
    detect(state(AUTHOR_EMPTY),
        state(m("Author", FieldState.builder("price", "com.example.Money").build())));
    assertAsked("NON_NULL_FIELD_WITHOUT_DEFAULT testapp.Author.price");
  }

  @Test
  void removeField() {
    detect(state(AUTHOR_NAME), state(AUTHOR_EMPTY));
    assertOperation(APP, 0, 0, new RemoveField("author", "name"));
  }

  @Test
  void removedFieldsSortedByName() {
    detect(state(m("Author", chr("b", 1), chr("a", 1))), state(AUTHOR_EMPTY));
    assertOperation(APP, 0, 0, new RemoveField("author", "a"));
    assertOperation(APP, 0, 1, new RemoveField("author", "b"));
  }

  @Test
  void addedFieldsSortedByName() {
    detect(state(AUTHOR_EMPTY),
        state(m("Author", field("zed", FieldType.INTEGER).nullable(true).build(),
            field("alpha", FieldType.INTEGER).nullable(true).build())));
    assertThat(((AddField) op(APP, 0, 0)).field().name()).as(dump()).isEqualTo("alpha");
    assertThat(((AddField) op(APP, 0, 1)).field().name()).as(dump()).isEqualTo("zed");
  }

  @Test
  void alterFieldMaxLength() {
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME_LONGER));
    assertOperation(APP, 0, 0, new AlterField("author", chr("name", 400), true));
  }

  @Test
  void alterFieldTypeIntToLong() {
    detect(state(m("Author", integer("age"))),
        state(m("Author", field("age", FieldType.BIG_INTEGER).build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterFieldToNullable() {
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME_NULL));
    assertOperationTypes(APP, 0, "AlterField");
    assertAsked();
  }

  @Test
  void alterFieldToNotNullWithDefault() {
    detect(state(AUTHOR_NAME_NULL), state(AUTHOR_NAME_DEFAULT));
    assertOperationTypes(APP, 0, "AlterField");
    assertAsked();
  }

  @Test
  void alterFieldToNotNullWithoutDefaultAsks() {
    detect(state(AUTHOR_NAME_NULL), state(AUTHOR_NAME));
    assertAsked("NULL_TO_NOT_NULL_WITHOUT_DEFAULT testapp.Author.name");
  }

  @Test
  void alterFieldHelpTextOnly() {
    detect(state(AUTHOR_NAME),
        state(m("Author", chr("name", 200).toBuilder().helpText("Full name").build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterFieldChoicesOnly() {
    FieldState status = field("status", FieldType.CHAR).maxLength(5).choices(List.of("DRAFT")).build();
    detect(state(m("Author", status)),
        state(m("Author", status.toBuilder().choices(List.of("DRAFT", "LIVE")).build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterFieldDbDefault() {
    detect(state(AUTHOR_NAME),
        state(m("Author", chr("name", 200).toBuilder().dbDefault("'anon'").build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterFieldDefaultValue() {
    detect(state(AUTHOR_NAME_DEFAULT),
        state(m("Author", chr("name", 200).toBuilder().defaultValue("Bob").build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterFieldComment() {
    detect(state(AUTHOR_NAME),
        state(m("Author", chr("name", 200).toBuilder().comment("c").build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterFieldUniqueAndIndex() {
    detect(state(AUTHOR_NAME),
        state(m("Author", chr("name", 200).toBuilder().unique(true).build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterFieldColumn() {
    detect(state(AUTHOR_NAME),
        state(m("Author", chr("name", 200).toBuilder().column("full_name").build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterCustomFieldArgs() {
    FieldState money = FieldState.builder("price", "com.example.Money").args(List.of("currency=EUR")).build();
    detect(state(m("Book", money)),
        state(m("Book", money.toBuilder().args(List.of("currency=USD")).build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterOnDelete() {
    detect(state(AUTHOR_NAME, PUBLISHER_WITH_AUTHOR),
        state(AUTHOR_NAME, m("Publisher",
            fk("author", "testapp.author").toBuilder().onDelete("PROTECT").build(),
            chr("name", 100))));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void alterForeignKeyTarget() {
    detect(state(AUTHOR_NAME, PUBLISHER, m("Book", fk("owner", "testapp.author"))),
        state(AUTHOR_NAME, PUBLISHER, m("Book", fk("owner", "testapp.publisher"))));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void fieldToManyToManyIsRemoveAndAdd() {
    detect(state(AUTHOR_NAME, PUBLISHER, m("Book", fk("publishers", "testapp.publisher"))),
        state(AUTHOR_NAME, PUBLISHER, m("Book", m2m("publishers", "testapp.publisher"))));
    assertOperationTypes(APP, 0, "RemoveField", "AddField");
  }

  // ------------------------------------------------------------------ renames

  @Test
  void renameFieldDeclared() {
    renamedFields.put("testapp.Author.fullName", "name");
    detect(state(AUTHOR_NAME), state(m("Author", chr("fullName", 200))));
    assertOperation(APP, 0, 0, new RenameField("author", "name", "fullName"));
    assertAsked();
  }

  @Test
  void renameFieldAndAlter() {
    renamedFields.put("testapp.Author.fullName", "name");
    detect(state(AUTHOR_NAME), state(m("Author", chr("fullName", 300))));
    assertOperationTypes(APP, 0, "RenameField", "AlterField");
  }

  @Test
  void renameForeignKeyDeclared() {
    renamedFields.put("testapp.Publisher.writer", "author");
    detect(state(AUTHOR_NAME, PUBLISHER_WITH_AUTHOR),
        state(AUTHOR_NAME, m("Publisher", fk("writer", "testapp.author"), chr("name", 100))));
    assertOperation(APP, 0, 0, new RenameField("publisher", "author", "writer"));
  }

  @Test
  void undeclaredRenameIsAsked() {
    detect(state(AUTHOR_NAME_NULL),
        state(m("Author", field("nick", FieldType.CHAR).maxLength(200).nullable(true).build())));
    assertAsked("FIELD_LOOKS_RENAMED testapp.Author.nick");
  }

  @Test
  void confirmedRemovalIsRemoveAdd() {
    confirmedRemovals.add("testapp.Author.name");
    detect(state(AUTHOR_NAME_NULL),
        state(m("Author", field("nick", FieldType.CHAR).maxLength(200).nullable(true).build())));
    assertOperationTypes(APP, 0, "RemoveField", "AddField");
    assertAsked();
  }

  @Test
  void undeclaredRenameOfNonNullAsksOnlyWhetherItWasRenamed() {
    // renamedFrom answers it; "needs a default" on top would point the user elsewhere.
    detect(state(AUTHOR_NAME), state(m("Author", chr("nick", 200))));
    assertAsked("FIELD_LOOKS_RENAMED testapp.Author.nick");
  }

  @Test
  void differentDefinitionIsNotARename() {
    detect(state(AUTHOR_NAME_NULL),
        state(m("Author", field("nick", FieldType.TEXT).nullable(true).build())));
    assertAsked();
  }

  @Test
  void renameFieldFromUnknownIsReported() {
    renamedFields.put("testapp.Author.nick", "nope");
    detect(state(AUTHOR_NAME_NULL),
        state(m("Author", AUTHOR_NAME_NULL.field("name"),
            field("nick", FieldType.TEXT).nullable(true).build())));
    assertAsked("FIELD_RENAMED_FROM_UNKNOWN testapp.Author.nick");
  }

  @Test
  void renameFieldRenamesIndexReference() {
    renamedFields.put("testapp.Author.fullName", "name");
    IndexState idx = new IndexState("author_name_idx", List.of("name"), false, null);
    detect(state(withIndexes(AUTHOR_NAME, idx)),
        state(withIndexes(m("Author", chr("fullName", 200)),
            new IndexState("author_name_idx", List.of("fullName"), false, null))));
    assertOperationTypes(APP, 0, "RenameField");
  }

  // ------------------------------------------------------------------ indexes and constraints

  static final IndexState NAME_IDX = new IndexState("author_name_idx", List.of("name"), false, null);

  @Test
  void addIndex() {
    detect(state(AUTHOR_NAME), state(withIndexes(AUTHOR_NAME, NAME_IDX)));
    assertOperation(APP, 0, 0, new AddIndex("author", NAME_IDX));
  }

  @Test
  void removeIndex() {
    detect(state(withIndexes(AUTHOR_NAME, NAME_IDX)), state(AUTHOR_NAME));
    assertOperation(APP, 0, 0, new RemoveIndex("author", "author_name_idx"));
  }

  @Test
  void renameIndexWhenOnlyTheNameChanged() {
    detect(state(withIndexes(AUTHOR_NAME, NAME_IDX)),
        state(withIndexes(AUTHOR_NAME, NAME_IDX.withName("by_name"))));
    assertOperation(APP, 0, 0, new RenameIndex("author", "author_name_idx", "by_name"));
  }

  @Test
  void changedIndexIsRemoveAndAdd() {
    IndexState changed = new IndexState("author_name_idx", List.of("-name"), false, null);
    detect(state(withIndexes(AUTHOR_NAME, NAME_IDX)), state(withIndexes(AUTHOR_NAME, changed)));
    assertOperationTypes(APP, 0, "RemoveIndex", "AddIndex");
  }

  @Test
  void uniqueConditionalIndex() {
    IndexState partial = new IndexState("live_name", List.of("name"), true, "name <> ''");
    detect(state(AUTHOR_NAME), state(withIndexes(AUTHOR_NAME, partial)));
    assertOperation(APP, 0, 0, new AddIndex("author", partial));
  }

  @Test
  void newModelFoldsIndexesAndConstraints() {
    ConstraintState check = ConstraintState.check("name_not_empty", "name <> ''");
    ModelState a = withConstraints(withIndexes(AUTHOR_NAME, NAME_IDX), check);
    detect(state(), state(a));
    assertOperationTypes(APP, 0, "CreateModel");
    assertOperation(APP, 0, 0, CreateModel.of(a));
  }

  @Test
  void addCheckConstraint() {
    ConstraintState check = ConstraintState.check("name_not_empty", "name <> ''");
    detect(state(AUTHOR_NAME), state(withConstraints(AUTHOR_NAME, check)));
    assertOperation(APP, 0, 0, new AddConstraint("author", check));
  }

  @Test
  void removeCheckConstraint() {
    ConstraintState check = ConstraintState.check("name_not_empty", "name <> ''");
    detect(state(withConstraints(AUTHOR_NAME, check)), state(AUTHOR_NAME));
    assertOperation(APP, 0, 0, new RemoveConstraint("author", "name_not_empty"));
  }

  @Test
  void changedCheckIsRemoveThenAdd() {
    detect(state(withConstraints(AUTHOR_NAME, ConstraintState.check("c", "name <> ''"))),
        state(withConstraints(AUTHOR_NAME, ConstraintState.check("c", "length(name) > 1"))));
    assertOperationTypes(APP, 0, "RemoveConstraint", "AddConstraint");
  }

  @Test
  void addUniqueWithCondition() {
    ConstraintState u = ConstraintState.unique("uniq_live_name", List.of("name"), "name <> ''");
    detect(state(AUTHOR_NAME), state(withConstraints(AUTHOR_NAME, u)));
    assertOperation(APP, 0, 0, new AddConstraint("author", u));
  }

  @Test
  void constraintOnNewFieldComesAfterAddField() {
    ConstraintState u = ConstraintState.unique("u", List.of("name"), null);
    detect(state(AUTHOR_EMPTY), state(withConstraints(AUTHOR_NAME_NULL, u)));
    assertOperationTypes(APP, 0, "AddField", "AddConstraint");
  }

  @Test
  void removedConstraintAndIndexBeforeRemovedField() {
    ConstraintState u = ConstraintState.unique("u", List.of("name"), null);
    detect(state(withConstraints(withIndexes(AUTHOR_NAME, NAME_IDX), u)), state(AUTHOR_EMPTY));
    assertOperationTypes(APP, 0, "RemoveConstraint", "RemoveIndex", "RemoveField");
  }

  // ------------------------------------------------------------------ relations in one app

  @Test
  void foreignKeyTargetCreatedFirst() {
    detect(state(), state(m("Book", fk("author", "testapp.author")), AUTHOR_NAME));
    assertOperationTypes(APP, 0, "CreateModel", "CreateModel");
    assertThat(((CreateModel) op(APP, 0, 0)).name()).as(dump()).isEqualTo("Author");
  }

  @Test
  void relationsGoLastInCreateModel() {
    // Django 5.2 writes Listing(book FK, price) as id, price, book.
    ModelState listing = m("Listing", fk("book", "testapp.book"), integer("price"));
    detect(state(), state(m("Book"), listing));
    CreateModel create = op(APP, 0, 1);
    assertThat(create.fields().stream().map(FieldState::name).toList())
        .as(dump())
        .containsExactly("id", "price", "book");
  }

  @Test
  void sameAppCircularForeignKeys() {
    // Django's test_same_app_circular_fk_dependency.
    detect(state(), state(AUTHOR_WITH_PUBLISHER, PUBLISHER_WITH_AUTHOR));
    assertNumberMigrations(APP, 1);
    assertOperationTypes(APP, 0, "CreateModel", "CreateModel", "AddField");
    assertThat(((CreateModel) op(APP, 0, 0)).name()).as(dump()).isEqualTo("Author");
    assertThat(((CreateModel) op(APP, 0, 1)).name()).as(dump()).isEqualTo("Publisher");
    assertThat(((AddField) op(APP, 0, 2)).field().name()).as(dump()).isEqualTo("publisher");
  }

  @Test
  void selfReferentialForeignKey() {
    ModelState node = m("Node", fk("parent", "testapp.node"));
    detect(state(), state(node));
    assertOperationTypes(APP, 0, "CreateModel");
    assertOperation(APP, 0, 0, CreateModel.of(node));
  }

  @Test
  void addSelfReferentialForeignKey() {
    detect(state(m("Node")),
        state(m("Node", fk("parent", "testapp.node").toBuilder().nullable(true).build())));
    assertOperationTypes(APP, 0, "AddField");
  }

  @Test
  void oneToOneInNewModel() {
    ModelState profile = m("Profile", o2o("author", "testapp.author"));
    detect(state(), state(AUTHOR_NAME, profile));
    assertOperationTypes(APP, 0, "CreateModel", "CreateModel");
    assertOperation(APP, 0, 1, CreateModel.of(profile));
  }

  @Test
  void addOneToOne() {
    detect(state(AUTHOR_NAME, m("Profile")),
        state(AUTHOR_NAME, m("Profile", o2o("author", "testapp.author").toBuilder().nullable(true).build())));
    assertOperationTypes(APP, 0, "AddField");
  }

  @Test
  void foreignKeyToFieldInNewModels() {
    FieldState code = field("code", FieldType.CHAR).maxLength(10).unique(true).build();
    ModelState book = m("Book", fk("author", "testapp.author").toBuilder().toField("code").build());
    detect(state(), state(m("Author", code), book));
    assertOperationTypes(APP, 0, "CreateModel", "CreateModel");
  }

  @Test
  void foreignKeyToFieldChanged() {
    FieldState code = field("code", FieldType.CHAR).maxLength(10).unique(true).build();
    detect(state(m("Author", code), m("Book", fk("author", "testapp.author"))),
        state(m("Author", code), m("Book", fk("author", "testapp.author").toBuilder().toField("code").build())));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void manyToManyInNewModel() {
    ModelState book = m("Book", m2m("tags", "testapp.tag"), chr("title", 10));
    detect(state(), state(book, m("Tag")));
    assertOperationTypes(APP, 0, "CreateModel", "CreateModel");
    CreateModel create = op(APP, 0, 1);
    assertThat(create.fields().stream().map(FieldState::name).toList())
        .as(dump())
        .containsExactly("id", "title", "tags");
  }

  @Test
  void addManyToManyNeverAsksForDefault() {
    detect(state(m("Book"), m("Tag")), state(m("Book", m2m("tags", "testapp.tag")), m("Tag")));
    assertOperationTypes(APP, 0, "AddField");
    assertAsked();
  }

  @Test
  void removeManyToMany() {
    detect(state(m("Book", m2m("tags", "testapp.tag")), m("Tag")), state(m("Book"), m("Tag")));
    assertOperation(APP, 0, 0, new RemoveField("book", "tags"));
  }

  @Test
  void manyToManyTableOption() {
    FieldState tags = m2m("tags", "testapp.tag");
    detect(state(m("Book", tags), m("Tag")),
        state(m("Book", tags.toBuilder().table("book_tags").build()), m("Tag")));
    assertOperationTypes(APP, 0, "AlterField");
  }

  @Test
  void selfReferentialManyToMany() {
    ModelState person = m("Person", m2m("friends", "testapp.person"));
    detect(state(), state(person));
    assertOperation(APP, 0, 0, CreateModel.of(person));
  }

  @Test
  void createWithThroughModel() {
    // Django's test_create_with_through_model.
    ModelState author = m("Author", m2mThrough("publishers", "testapp.publisher", "testapp.contract"));
    ModelState contract =
        m("Contract", fk("author", "testapp.author"), fk("publisher", "testapp.publisher"));
    detect(state(), state(author, contract, PUBLISHER));
    assertOperationTypes(APP, 0, "CreateModel", "CreateModel", "CreateModel", "AddField");
    assertThat(List.of(
            ((CreateModel) op(APP, 0, 0)).name(),
            ((CreateModel) op(APP, 0, 1)).name(),
            ((CreateModel) op(APP, 0, 2)).name()))
        .as(dump())
        .containsExactly("Author", "Publisher", "Contract");
    assertThat(((AddField) op(APP, 0, 3)).field().name()).as(dump()).isEqualTo("publishers");
  }

  @Test
  void addThroughManyToManyDependsOnThroughModel() {
    ModelState contract =
        m("Contract", fk("author", "testapp.author"), fk("publisher", "testapp.publisher"));
    ModelState author = m("Author", m2mThrough("publishers", "testapp.publisher", "testapp.contract"));
    detect(state(m("Author"), PUBLISHER), state(author, contract, PUBLISHER));
    assertOperationTypes(APP, 0, "CreateModel", "AddField");
  }

  // ------------------------------------------------------------------ deletions

  @Test
  void deleteModelWithForeignKeyRemovesItInto() {
    // RemoveField of the deleted model's own relation folds into DeleteModel.
    detect(state(AUTHOR_NAME, PUBLISHER_WITH_AUTHOR), state(AUTHOR_NAME));
    assertOperationTypes(APP, 0, "DeleteModel");
    assertOperation(APP, 0, 0, new DeleteModel("Publisher"));
  }

  @Test
  void deleteReferencedModelRemovesReferringFieldFirst() {
    detect(state(AUTHOR_NAME, PUBLISHER_WITH_AUTHOR), state(PUBLISHER));
    assertOperationTypes(APP, 0, "RemoveField", "DeleteModel");
    assertOperation(APP, 0, 0, new RemoveField("publisher", "author"));
  }

  @Test
  void deleteBothModelsOfACycle() {
    detect(state(AUTHOR_WITH_PUBLISHER, PUBLISHER_WITH_AUTHOR), state());
    assertOperationTypes(APP, 0, "RemoveField", "DeleteModel", "DeleteModel");
  }

  @Test
  void deleteModelStillReferencedIsAnError() {
    detect(state(AUTHOR_NAME, PUBLISHER_WITH_AUTHOR), state(PUBLISHER_WITH_AUTHOR));
    assertAsked("DELETED_MODEL_REFERENCED testapp.Publisher.author");
  }

  @Test
  void deleteModelReferencedFromOtherAppIsAnError() {
    detect(state(AUTHOR_NAME, BOOK), state(BOOK));
    assertAsked("DELETED_MODEL_REFERENCED otherapp.Book.author");
  }

  @Test
  void repointForeignKeyAndDeleteOldTarget() {
    detect(state(AUTHOR_NAME, PUBLISHER, m("Book", fk("owner", "testapp.author"))),
        state(PUBLISHER, m("Book", fk("owner", "testapp.publisher"))));
    assertOperationTypes(APP, 0, "AlterField", "DeleteModel");
  }

  @Test
  void deleteModelReferencedFromOtherAppDependsOnItsRemoval() {
    // Django's A86: the deleting app waits for the referencing app's RemoveField.
    detect(state(AUTHOR_NAME, BOOK),
        state(model(OTHER, "Book", chr("title", 200))));
    assertOperationTypes(OTHER, 0, "RemoveField");
    assertOperationTypes(APP, 0, "DeleteModel");
    assertDependencies(APP, 0, "otherapp:0");
  }

  @Test
  void deleteThroughModelAndItsManyToMany() {
    ModelState author = m("Author", m2mThrough("publishers", "testapp.publisher", "testapp.contract"));
    ModelState contract =
        m("Contract", fk("author", "testapp.author"), fk("publisher", "testapp.publisher"));
    detect(state(author, contract, PUBLISHER), state(m("Author"), PUBLISHER));
    assertOperationTypes(APP, 0, "RemoveField", "DeleteModel");
  }

  // ------------------------------------------------------------------ across apps

  @Test
  void foreignKeyDependencyOnNewAppModel() {
    // Django's test_fk_dependency.
    detect(state(), state(AUTHOR_NAME, BOOK));
    assertNumberMigrations(APP, 1);
    assertNumberMigrations(OTHER, 1);
    assertDependencies(APP, 0);
    assertDependencies(OTHER, 0, "testapp:0");
    assertOperationTypes(OTHER, 0, "CreateModel");
  }

  @Test
  void foreignKeyDependencyOnExistingApp() {
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME, BOOK), Set.of(APP, OTHER));
    assertNumberMigrations(OTHER, 1);
    assertDependencies(OTHER, 0, "testapp:leaf");
    assertOperationTypes(OTHER, 0, "CreateModel");
  }

  @Test
  void foreignKeyToAppNotBeingDetected() {
    detect(state(AUTHOR_NAME), state(AUTHOR_NAME, BOOK), Set.of(OTHER));
    assertDependencies(OTHER, 0, "testapp:leaf");
  }

  @Test
  void circularForeignKeysAcrossTwoApps() {
    // Django's test_circular_fk_dependency (A30): the first app in label order is split in two.
    ModelState author = m("Author", fk("book", "otherapp.book"));
    ModelState book = model(OTHER, "Book", fk("author", "testapp.author"));
    detect(state(), state(author, book));
    assertNumberMigrations(APP, 1);
    assertNumberMigrations(OTHER, 2);
    assertOperationTypes(APP, 0, "CreateModel");
    assertOperationTypes(OTHER, 0, "CreateModel");
    assertOperationTypes(OTHER, 1, "AddField");
    assertDependencies(APP, 0, "otherapp:0");
    assertDependencies(OTHER, 0);
    assertDependencies(OTHER, 1, "testapp:0");
    assertThat(changes.get(OTHER).get(1).initial()).as(dump()).isTrue();
  }

  @Test
  void circularAcrossAppsWithExistingSecondApp() {
    ModelState author = m("Author", fk("book", "otherapp.book"));
    ModelState bookBefore = model(OTHER, "Book");
    ModelState book = model(OTHER, "Book", fk("author", "testapp.author").toBuilder().nullable(true).build());
    detect(state(bookBefore), state(author, book));
    assertDependencies(APP, 0, "otherapp:leaf");
    assertDependencies(OTHER, 0, "testapp:0");
  }

  @Test
  void chainAcrossThreeApps() {
    ModelState a = model(APP, "A");
    ModelState b = model(OTHER, "B", fk("a", "testapp.a"));
    ModelState c = model(THIRD, "C", fk("b", "otherapp.b"), fk("a", "testapp.a"));
    detect(state(), state(a, b, c));
    assertDependencies(APP, 0);
    assertDependencies(OTHER, 0, "testapp:0");
    assertDependencies(THIRD, 0, "otherapp:0", "testapp:0");
  }

  @Test
  void cycleAcrossThreeApps() {
    ModelState a = model(APP, "A", fk("c", "thirdapp.c"));
    ModelState b = model(OTHER, "B", fk("a", "testapp.a"));
    ModelState c = model(THIRD, "C", fk("b", "otherapp.b"));
    detect(state(), state(a, b, c));
    assertNumberMigrations(OTHER, 2);
    assertOperationTypes(OTHER, 0, "CreateModel");
    assertOperationTypes(OTHER, 1, "AddField");
    assertDependencies(OTHER, 0);
    assertDependencies(OTHER, 1, "testapp:0");
    assertDependencies(THIRD, 0, "otherapp:0");
    assertDependencies(APP, 0, "thirdapp:0");
  }

  @Test
  void manyToManyAcrossApps() {
    ModelState book = model(OTHER, "Book", m2m("authors", "testapp.author"));
    detect(state(), state(AUTHOR_NAME, book));
    assertDependencies(OTHER, 0, "testapp:0");
    assertOperationTypes(OTHER, 0, "CreateModel");
  }

  @Test
  void addForeignKeyToOtherAppDependsOnIt() {
    detect(state(AUTHOR_NAME, model(OTHER, "Book", chr("title", 200))),
        state(AUTHOR_NAME, model(OTHER, "Book", chr("title", 200),
            fk("author", "testapp.author").toBuilder().nullable(true).build())));
    assertOperationTypes(OTHER, 0, "AddField");
    assertDependencies(OTHER, 0, "testapp:leaf");
  }

  @Test
  void unrelatedAppsAreIndependent() {
    detect(state(), state(AUTHOR_NAME, model(OTHER, "Thing")));
    assertDependencies(APP, 0);
    assertDependencies(OTHER, 0);
  }

  // ------------------------------------------------------------------ operation order

  @Test
  void djangoOrderOfMixedChanges() {
    ConstraintState check = ConstraintState.check("c", "1 = 1");
    ModelState before = withIndexes(m("Author", chr("name", 200), integer("age"), integer("gone")), NAME_IDX);
    ModelState after =
        withConstraints(m("Author", chr("name", 300),
            integer("age").toBuilder().nullable(true).build(),
            field("added", FieldType.INTEGER).nullable(true).build()), check)
            .withTable("authors")
            .withComment("c");
    detect(state(before), state(after));
    assertOperationTypes(APP, 0,
        "AlterModelTableComment", "RemoveIndex", "RemoveField", "AddField", "AlterField",
        "AlterField", "AddConstraint", "AlterModelTable");
  }

  @Test
  void deterministicOutput() {
    ProjectState after = state(AUTHOR_WITH_PUBLISHER, PUBLISHER_WITH_AUTHOR, BOOK, m("Tag"));
    String first = detect(state(), after).toString();
    String second = detect(state(), after).toString();
    assertThat(second).isEqualTo(first);
  }
}
