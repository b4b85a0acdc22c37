package dev.migrata.internal.optimizer;

import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A left reduction moves the merged operation in front of the operations between the pair. When the
 * later one of the pair renames a model or a field, those operations were written against the old
 * name, and after the move they would name something that no longer exists (Django's ticket #32263:
 * a squash of {@code CreateModel(Author)}, {@code CreateModel(Book, fk to author)}, {@code
 * RenameModel(Author, Writer)} leaves Book pointing at {@code author}). They are re-pointed at the
 * new name here; an operation that refers to the old name in a way that cannot be rewritten makes
 * the fold refused instead.
 */
final class MovedReferences {
  private MovedReferences() {}

  /**
   * {@code between} as it must read once {@code later} has moved in front of it, or {@code null}
   * when one of them cannot be rewritten (the caller then keeps the original order).
   */
  static List<Operation> repoint(List<Operation> between, Operation later, String app) {
    if (later instanceof RenameModel r) {
      return map(
          between, op -> op.referencesModel(r.oldName(), app), op -> repointModel(op, app, r));
    }
    if (later instanceof RenameField r) {
      return map(
          between,
          op -> op.referencesField(r.model(), r.oldName(), app),
          op -> repointField(op, app, r));
    }
    return between;
  }

  private interface Rewrite {
    /** The rewritten operation, or {@code null} when it cannot be rewritten. */
    Operation apply(Operation op);
  }

  private static List<Operation> map(
      List<Operation> between, Predicate<Operation> refersToOldName, Rewrite rewrite) {
    List<Operation> out = new ArrayList<>(between.size());
    for (Operation op : between) {
      if (!refersToOldName.test(op)) {
        out.add(op);
        continue;
      }
      Operation rewritten = rewrite.apply(op);
      if (rewritten == null) {
        return null;
      }
      out.add(rewritten);
    }
    return out;
  }

  private static Operation repointModel(Operation op, String app, RenameModel rename) {
    String oldRef = key(app, rename.oldName());
    String newRef = ProjectState.key(app, rename.newName());
    return rewriteFields(
        op,
        f -> {
          FieldState.Builder b = null;
          if (f.isRelation() && oldRef.equals(lower(f.to()))) {
            b = f.toBuilder().to(newRef);
          }
          if (oldRef.equals(lower(f.through()))) {
            b = (b == null ? f.toBuilder() : b).through(newRef);
          }
          return b == null ? f : b.build();
        });
  }

  private static Operation repointField(Operation op, String app, RenameField rename) {
    String target = key(app, rename.model());
    return rewriteFields(
        op,
        f ->
            f.isRelation() && target.equals(lower(f.to())) && rename.oldName().equals(f.toField())
                ? f.toBuilder().toField(rename.newName()).build()
                : f);
  }

  private interface FieldRewrite {
    FieldState apply(FieldState field);
  }

  /** Operations of another model refer to one only through the relations they define. */
  private static Operation rewriteFields(Operation op, FieldRewrite rewrite) {
    if (op instanceof CreateModel c) {
      List<FieldState> fields = c.fields().stream().map(rewrite::apply).toList();
      return new CreateModel(
          c.name(),
          fields,
          c.indexes(),
          c.constraints(),
          c.table(),
          c.comment(),
          c.managed(),
          c.options(),
          c.bases(),
          c.proxy());
    }
    if (op instanceof AddField a) {
      return new AddField(a.model(), rewrite.apply(a.field()), a.preserveDefault());
    }
    if (op instanceof AlterField a) {
      return new AlterField(a.model(), rewrite.apply(a.field()), a.preserveDefault());
    }
    return null;
  }

  private static String key(String app, String model) {
    return lower(app + "." + model);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
