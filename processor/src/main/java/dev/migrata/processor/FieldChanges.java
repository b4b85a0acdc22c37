package dev.migrata.processor;

import static dev.migrata.processor.MigrationArranger.foreignKeyDeps;

import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.OrmOptions;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.processor.Autodetector.Dep;
import dev.migrata.processor.MigrationArranger.Pending;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The field-level part of the {@link Autodetector}: Django's create_renamed_fields,
 * generate_removed_fields, generate_added_fields and generate_altered_fields, with their questions
 * (rename, default) answered from annotations or reported as diagnostics.
 */
final class FieldChanges {

  private final MigrationQuestioner questioner;
  private final ProjectState from;
  private final ProjectState to;
  private final MigrationArranger ops;

  FieldChanges(
      MigrationQuestioner questioner, ProjectState from, ProjectState to, MigrationArranger ops) {
    this.questioner = questioner;
    this.from = from;
    this.to = to;
    this.ops = ops;
  }

  /**
   * Django's create_renamed_fields: a rename only where {@code renamedFrom} says so. It is applied
   * to the working state at once, so every later comparison sees the new name.
   */
  List<Pending> createRenamedFields(List<String> kept) {
    List<Pending> renames = new ArrayList<>();
    for (String k : kept) {
      ModelState after = to.model(k);
      ModelState before = from.model(k);
      Set<String> removed = new TreeSet<>(before.fields().keySet());
      removed.removeAll(after.fields().keySet());
      for (String name : new TreeSet<>(after.fields().keySet())) {
        if (before.fields().containsKey(name)) {
          continue;
        }
        String old = questioner.renamedFieldFrom(after.app(), after.name(), name);
        if (old == null) {
          old = renamedParentLink(before, after.fields().get(name), removed);
        }
        if (old == null || old.equals(name)) {
          continue;
        }
        if (!removed.contains(old)) {
          questioner.report(
              Problem.FIELD_RENAMED_FROM_UNKNOWN,
              after.app(),
              after.name(),
              name,
              old,
              name,
              after.name(),
              removed.isEmpty() ? "none" : String.join(", ", removed));
          continue;
        }
        RenameField rename = new RenameField(after.key(), old, name);
        rename.stateForwards(after.app(), from);
        removed.remove(old);
        renames.add(new Pending(after.app(), rename, List.of()));
      }
    }
    return renames;
  }

  /**
   * A multi-table child whose parent was renamed: its auto-created link follows the parent's name
   * ({@code place_ptr} becomes {@code venue_ptr}). Django asks whether the field was renamed; the
   * link is implicit, so there is nobody to write {@code renamedFrom} and the answer is yes
   * whenever the old link points at the same (renamed) parent.
   */
  private static String renamedParentLink(
      ModelState before, FieldState added, Set<String> removed) {
    if (!added.parentLink()) {
      return null;
    }
    for (String name : removed) {
      FieldState old = before.fields().get(name);
      if (old.parentLink() && old.withName(added.name()).equals(added)) {
        return name;
      }
    }
    return null;
  }

  void generateRemovedFields(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      for (String name : new TreeSet<>(before.fields().keySet())) {
        if (!after.fields().containsKey(name)) {
          add(after.app(), new RemoveField(after.key(), name), List.of());
        }
      }
    }
  }

  void generateAddedFields(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      Set<String> removed = new TreeSet<>(before.fields().keySet());
      removed.removeAll(after.fields().keySet());
      for (String name : new TreeSet<>(after.fields().keySet())) {
        if (!before.fields().containsKey(name)) {
          // Asked, the question is the one error for this field: a "needs a default" on top of
          // it would send the user to fix what renamedFrom answers.
          if (!askIfRenamed(before, after, after.fields().get(name), removed)) {
            addField(after, after.fields().get(name));
          }
        }
      }
    }
  }

  /** Django's _generate_added_field: its questions are diagnostics here. */
  private void addField(ModelState model, FieldState f) {
    List<Dep> deps = new ArrayList<>();
    deps.add(new Dep(model.app(), model.key(), f.name(), Dep.Type.REMOVE));
    if (f.isRelation()) {
      deps.addAll(foreignKeyDeps(f));
    }
    if (needsDefault(f)) {
      questioner.report(
          isTemporal(f)
              ? Problem.TEMPORAL_FIELD_WITHOUT_DEFAULT
              : Problem.NON_NULL_FIELD_WITHOUT_DEFAULT,
          model.app(),
          model.name(),
          f.name(),
          f.name(),
          model.name());
    }
    if ((f.unique() || f.fieldType() == FieldType.ONE_TO_ONE) && f.defaultMethod() != null) {
      questioner.report(
          Problem.UNIQUE_CALLABLE_DEFAULT,
          model.app(),
          model.name(),
          f.name(),
          model.name(),
          f.name());
    }
    String now = OrmOptions.nowMethod(f);
    if (f.orm().autoNowAdd() && now != null && !f.nullable() && !f.hasDefault()) {
      // Django asks for auto_now_add (ask_auto_now_add_addition) and offers timezone.now: the
      // migration says so, a one-off default that gives existing rows the time of the migrate.
      add(
          model.app(),
          new AddField(model.key(), f.toBuilder().defaultMethod(now).build(), false),
          deps);
      return;
    }
    add(model.app(), new AddField(model.key(), f, true), deps);
  }

  void generateAlteredFields(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      for (String name : new TreeSet<>(after.fields().keySet())) {
        FieldState was = before.fields().get(name);
        FieldState now = after.fields().get(name);
        // A join table keeps the id it was created with (Django alters none for a new
        // DEFAULT_AUTO_FIELD): only the type of implicit ids follows the setting.
        if (was == null || was.equals(now) || was.equalsIgnoringJoinId(now)) {
          continue;
        }
        boolean wasM2m = was.fieldType() == FieldType.MANY_TO_MANY;
        boolean isM2m = now.fieldType() == FieldType.MANY_TO_MANY;
        if (wasM2m != isM2m) {
          add(after.app(), new RemoveField(after.key(), name), List.of());
          addField(after, now);
          continue;
        }
        String regenerated = regenerated(was, now);
        if (regenerated != null) {
          // Django refuses to alter a generated column ("Modifying GeneratedFields is not
          // supported - the field must be removed and re-added"); the migration does just that.
          questioner.report(
              Problem.GENERATED_RECREATED,
              after.app(),
              after.name(),
              name,
              name,
              after.name(),
              regenerated);
          add(after.app(), new RemoveField(after.key(), name), List.of());
          addField(after, now);
          continue;
        }
        if (was.nullable() && !now.nullable() && !now.hasDefault() && !isM2m) {
          questioner.report(
              Problem.NULL_TO_NOT_NULL_WITHOUT_DEFAULT,
              after.app(),
              after.name(),
              name,
              name,
              after.name());
        }
        if (isM2m) {
          now = now.toBuilder().joinAutoField(was.joinAutoField()).build();
        }
        warnIfChoiceValuesRemoved(after, was, now);
        List<Dep> deps = now.isRelation() ? foreignKeyDeps(now) : List.of();
        add(after.app(), new AlterField(after.key(), now, true), deps);
      }
    }
  }

  /**
   * Django writes a change of choices as an AlterField that touches no row; a value that is no
   * longer a choice may still be in the column, so say so (a renamed enum value, mostly).
   */
  private void warnIfChoiceValuesRemoved(ModelState model, FieldState was, FieldState now) {
    if (was.choices().isEmpty() || now.choices().isEmpty()) {
      return;
    }
    List<String> gone = new ArrayList<>(was.choiceValues());
    gone.removeAll(now.choiceValues());
    if (gone.isEmpty()) {
      return;
    }
    questioner.report(
        Problem.CHOICE_VALUES_REMOVED,
        model.app(),
        model.name(),
        now.name(),
        now.name(),
        model.name(),
        "'" + String.join("', '", gone) + "'");
  }

  /**
   * What makes an altered field a generated column to drop and add again (its expression, its
   * persistence, or being generated at all), or null when it can be altered in place.
   */
  private static String regenerated(FieldState was, FieldState now) {
    if (!was.isGenerated() && !now.isGenerated()) {
      return null;
    }
    if (was.isGenerated() != now.isGenerated()) {
      return now.isGenerated()
          ? "kind (a plain column becomes generated)"
          : "kind (no longer" + " generated)";
    }
    if (!was.generated().equals(now.generated())) {
      return "expression";
    }
    return was.persisted() != now.persisted() ? "persistence (STORED or VIRTUAL)" : null;
  }

  /**
   * Django asks for a default unless the column may be null or fills itself: an automatic time, a
   * blank text field (its {@code effective_default}) or a generated column fills itself too.
   */
  private static boolean needsDefault(FieldState f) {
    FieldType type = f.fieldType();
    return !f.nullable()
        && !f.hasDefault()
        && OrmOptions.nowMethod(f) == null
        && !OrmOptions.fillsEmptyString(f)
        && !f.isGenerated()
        && (type == null || (!type.isAuto() && type != FieldType.MANY_TO_MANY));
  }

  private static boolean isTemporal(FieldState f) {
    FieldType t = f.fieldType();
    return t == FieldType.DATE
        || t == FieldType.TIME
        || t == FieldType.DATE_TIME
        || t == FieldType.LOCAL_DATE_TIME;
  }

  /**
   * Django's rename question ("Was book.name renamed to book.title (a CharField)?"): same
   * definition, other name. javac cannot ask, and guessing "no" would drop the column's data, so
   * unless the removal is confirmed it is an error and nothing is written.
   */
  /** Whether the rename question was asked (an error: nothing is written for the app). */
  private boolean askIfRenamed(
      ModelState before, ModelState after, FieldState added, Set<String> removed) {
    for (String name : removed) {
      FieldState old = before.fields().get(name);
      if (old != null && old.withName(added.name()).equalsIgnoringJoinId(added)) {
        if (questioner.removalConfirmed(after.app(), after.name(), name)) {
          continue;
        }
        String model = after.name().toLowerCase(Locale.ROOT);
        questioner.report(
            Problem.FIELD_LOOKS_RENAMED,
            after.app(),
            after.name(),
            added.name(),
            model,
            name,
            model,
            added.name(),
            added.type(),
            name,
            name,
            added.name(),
            name,
            after.app() + "." + model + "." + name);
        return true;
      }
    }
    return false;
  }

  private void add(String app, Operation op, List<Dep> deps) {
    ops.add(app, op, deps);
  }
}
