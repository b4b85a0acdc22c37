package dev.migrata.schema;

import dev.migrata.internal.operations.Collation;
import dev.migrata.internal.operations.ExecutionContext;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import java.util.List;

/**
 * Turns one operation's state change into SQL for one backend. Operations call it with the states
 * before and after; the editor never sees a diff, and the autodetector never sees SQL.
 *
 * <p>{@code state} arguments are the project state the named models live in, used to resolve
 * relations (a foreign key's target table and key type).
 */
public interface SchemaEditor {
  void createModel(ProjectState state, ModelState model);

  void deleteModel(ProjectState state, ModelState model);

  /** Adds {@code field} to {@code model}'s table; {@code state} already holds the new field. */
  void addField(ProjectState state, ModelState model, FieldState field);

  /** Drops {@code field} from {@code model}'s table; {@code model} still holds the field. */
  void removeField(ProjectState state, ModelState model, FieldState field);

  /**
   * Alters a column (type, null, default, unique, index, rename) from one definition to another.
   */
  void alterField(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField);

  /**
   * Follows a many-to-many field's join table through a change (renamed model or target, new table
   * option). Django's {@code _alter_many_to_many}; a no-op by default.
   */
  default void alterManyToMany(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField) {}

  void alterDbTable(ProjectState state, ModelState model, String oldTable, String newTable);

  void alterTableComment(ModelState model, String oldComment, String newComment);

  void addIndex(ProjectState state, ModelState model, IndexState index);

  void removeIndex(ProjectState state, ModelState model, IndexState index);

  /**
   * {@code CREATE INDEX CONCURRENTLY} where the backend has it (PostgreSQL); elsewhere the plain
   * {@link #addIndex}, so that a portable project still gets its index.
   */
  default void addIndexConcurrently(ProjectState state, ModelState model, IndexState index) {
    addIndex(state, model, index);
  }

  /** {@code DROP INDEX CONCURRENTLY} where the backend has it; elsewhere {@link #removeIndex}. */
  default void removeIndexConcurrently(ProjectState state, ModelState model, IndexState index) {
    removeIndex(state, model, index);
  }

  void renameIndex(ProjectState state, ModelState model, IndexState oldIndex, IndexState newIndex);

  void addConstraint(ProjectState state, ModelState model, ConstraintState constraint);

  void removeConstraint(ProjectState state, ModelState model, ConstraintState constraint);

  // django.contrib.postgres's operations: PostgreSQL runs them; other backends skip them with a
  // note (Django's database_forwards returns early on other vendors).

  /** {@code ADD CONSTRAINT ... NOT VALID} where the backend has it; elsewhere the plain one. */
  default void addConstraintNotValid(
      ProjectState state, ModelState model, ConstraintState constraint) {
    addConstraint(state, model, constraint);
  }

  /** {@code ALTER TABLE ... VALIDATE CONSTRAINT}; elsewhere nothing (constraints start valid). */
  default void validateConstraint(ModelState model, String name) {
    skipped("VALIDATE CONSTRAINT");
  }

  default void createExtension(String name) {
    skipped("CREATE EXTENSION");
  }

  default void dropExtension(String name) {
    skipped("DROP EXTENSION");
  }

  default void createCollation(Collation collation) {
    skipped("CREATE COLLATION");
  }

  default void removeCollation(Collation collation) {
    skipped("DROP COLLATION");
  }

  /**
   * {@code CREATE SEQUENCE} where the backend has sequences; elsewhere the one-row table Hibernate
   * reads in its place ({@code next_val}, holding the start).
   */
  default void createSequence(SequenceState sequence) {
    skipped("CREATE SEQUENCE");
  }

  /** Drops the sequence, or the table standing in for it. */
  default void deleteSequence(SequenceState sequence) {
    skipped("DROP SEQUENCE");
  }

  /** {@code ALTER SEQUENCE ... INCREMENT BY}; nothing for a table (it has no increment). */
  default void alterSequence(SequenceState from, SequenceState to) {
    skipped("ALTER SEQUENCE");
  }

  /**
   * Notes a PostgreSQL-only statement this backend does not run (a {@code --} line in sqlmigrate).
   */
  default void skipped(String statement) {}

  /**
   * What this editor and the migration it runs for know: the vendor, the connection, the migration
   * class and the apps it may see (Django's {@code schema_editor.connection}). Operations read it
   * here rather than from thread state.
   */
  default ExecutionContext context() {
    return ExecutionContext.NONE;
  }

  /** Runs raw statements (RunSql). */
  void execute(List<String> statements);
}
