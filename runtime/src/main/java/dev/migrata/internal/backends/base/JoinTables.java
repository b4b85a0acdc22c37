package dev.migrata.internal.backends.base;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import java.util.List;

/** Django's auto-created join tables of many-to-many fields, as models the editors can create. */
public final class JoinTables {
  private JoinTables() {}

  /** The join model of {@code field} on {@code model}: an id and a foreign key to each side. */
  public static ModelState joinModel(
      ProjectState state, ModelState model, FieldState field, int maxNameLength) {
    ModelState target = Fields.targetModel(state, field);
    boolean self = target.tableName().equals(model.tableName());
    String from = (self ? "from_" : "") + model.key();
    String to = (self ? "to_" : "") + target.key();
    List<FieldState> fields =
        List.of(
            FieldState.builder("id", field.joinIdType()).primaryKey(true).build(),
            FieldState.builder(from, FieldType.FOREIGN_KEY.djangoName())
                .to(ProjectState.key(model.app(), model.name()))
                .onDelete("CASCADE")
                .index(true)
                .build(),
            FieldState.builder(to, FieldType.FOREIGN_KEY.djangoName())
                .to(ProjectState.key(target.app(), target.name()))
                .onDelete("CASCADE")
                .index(true)
                .build());
    String table = tableName(model, field, maxNameLength);
    ModelState join = ModelState.of(model.app(), model.name() + "_" + field.name(), fields);
    String uniqName =
        Names.schemaName(table, List.of(from + "_id", to + "_id"), "_uniq", maxNameLength);
    return join.withTable(table)
        .withConstraints(List.of(ConstraintState.unique(uniqName, List.of(from, to), null)));
  }

  /** The automatic join table: explicit, else {@code <model table>_<field>} (SPEC section 2). */
  public static String tableName(ModelState model, FieldState field, int maxNameLength) {
    return field.table() != null
        ? field.table()
        : Names.truncate(model.tableName() + "_" + Names.snakeCase(field.name()), maxNameLength);
  }
}
