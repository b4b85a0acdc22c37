package dev.migrata.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A model as the migration state knows it. Immutable: every change returns a new instance, so a
 * {@link ProjectState} can be copied cheaply (the executor keeps one state per operation).
 *
 * @param name the class name as declared ({@code Book})
 * @param table the explicit table name, or {@code null} for {@code <app>_<name lowercased>}
 * @param comment the table comment, or {@code null}
 * @param managed {@code false} for models whose table Migrata does not create or alter
 * @param options the options only the ORM uses (verbose names, ordering); never {@code null}
 * @param bases the {@code @Model} parents as {@code app.model} (lowercased), as Django's {@code
 *     bases}: a multi-table child's parent or a proxy's; empty for a plain model
 * @param proxy a proxy model (Django's {@code proxy = True}): state only, no table
 */
public record ModelState(
    String app,
    String name,
    Map<String, FieldState> fields,
    List<IndexState> indexes,
    List<ConstraintState> constraints,
    String table,
    String comment,
    boolean managed,
    ModelOptions options,
    List<String> bases,
    boolean proxy) {

  public ModelState {
    // Shared, not copied, when it already is a field map: see FieldMap for why.
    fields = FieldMap.of(fields);
    indexes = List.copyOf(indexes);
    constraints = List.copyOf(constraints);
    options = options == null ? ModelOptions.NONE : options;
    bases = bases == null ? List.of() : List.copyOf(bases);
  }

  /** A model without {@code @Model} parents (kept for callers that set only ORM options). */
  public ModelState(
      String app,
      String name,
      Map<String, FieldState> fields,
      List<IndexState> indexes,
      List<ConstraintState> constraints,
      String table,
      String comment,
      boolean managed,
      ModelOptions options) {
    this(
        app,
        name,
        fields,
        indexes,
        constraints,
        table,
        comment,
        managed,
        options,
        List.of(),
        false);
  }

  /** A model without ORM-only options (kept for callers that set only parents and proxy). */
  public ModelState(
      String app,
      String name,
      Map<String, FieldState> fields,
      List<IndexState> indexes,
      List<ConstraintState> constraints,
      String table,
      String comment,
      boolean managed,
      List<String> bases,
      boolean proxy) {
    this(
        app,
        name,
        fields,
        indexes,
        constraints,
        table,
        comment,
        managed,
        ModelOptions.NONE,
        bases,
        proxy);
  }

  /** The state before ORM-only options and {@code @Model} parents existed. */
  public ModelState(
      String app,
      String name,
      Map<String, FieldState> fields,
      List<IndexState> indexes,
      List<ConstraintState> constraints,
      String table,
      String comment,
      boolean managed) {
    this(
        app,
        name,
        fields,
        indexes,
        constraints,
        table,
        comment,
        managed,
        ModelOptions.NONE,
        List.of(),
        false);
  }

  /**
   * Whether Migrata creates and alters this model's table: Django's {@code can_migrate}, false for
   * unmanaged and proxy models.
   */
  public boolean migrates() {
    return managed && !proxy;
  }

  /** The same model with other parents and proxy flag. */
  public ModelState withInheritance(List<String> newBases, boolean newProxy) {
    return new ModelState(
        app,
        name,
        fields,
        indexes,
        constraints,
        table,
        comment,
        managed,
        options,
        newBases,
        newProxy);
  }

  public static ModelState of(String app, String name, Collection<FieldState> fields) {
    Map<String, FieldState> map = new LinkedHashMap<>();
    for (FieldState f : fields) {
      map.put(f.name(), f);
    }
    return new ModelState(app, name, map, List.of(), List.of(), null, null, true);
  }

  /** The lowercased name, used as the key in states and operations. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The table: explicit, else {@code <app>_<name lowercased>}. */
  public String tableName() {
    return table != null ? table : Names.defaultTable(app, name);
  }

  public FieldState field(String fieldName) {
    FieldState f = fields.get(fieldName);
    if (f != null) {
      return f;
    }
    for (FieldState candidate : fields.values()) {
      if (candidate.name().equalsIgnoreCase(fieldName)) {
        return candidate;
      }
    }
    return null;
  }

  /** The primary key field. */
  public FieldState primaryKey() {
    for (FieldState f : fields.values()) {
      if (f.primaryKey()) {
        return f;
      }
    }
    return null;
  }

  public IndexState index(String indexName) {
    return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst().orElse(null);
  }

  public ConstraintState constraint(String constraintName) {
    return constraints.stream()
        .filter(c -> c.name().equals(constraintName))
        .findFirst()
        .orElse(null);
  }

  public ModelState withName(String newName) {
    return new ModelState(
        app, newName, fields, indexes, constraints, table, comment, managed, options, bases, proxy);
  }

  public ModelState withTable(String newTable) {
    return new ModelState(
        app, name, fields, indexes, constraints, newTable, comment, managed, options, bases, proxy);
  }

  public ModelState withComment(String newComment) {
    return new ModelState(
        app, name, fields, indexes, constraints, table, newComment, managed, options, bases, proxy);
  }

  public ModelState withManaged(boolean newManaged) {
    return new ModelState(
        app, name, fields, indexes, constraints, table, comment, newManaged, options, bases, proxy);
  }

  public ModelState withIndexes(List<IndexState> newIndexes) {
    return new ModelState(
        app, name, fields, newIndexes, constraints, table, comment, managed, options, bases, proxy);
  }

  public ModelState withConstraints(List<ConstraintState> newConstraints) {
    return new ModelState(
        app, name, fields, indexes, newConstraints, table, comment, managed, options, bases, proxy);
  }

  public ModelState withFields(Map<String, FieldState> newFields) {
    return new ModelState(
        app, name, newFields, indexes, constraints, table, comment, managed, options, bases, proxy);
  }

  public ModelState withOptions(ModelOptions newOptions) {
    return new ModelState(
        app, name, fields, indexes, constraints, table, comment, managed, newOptions, bases, proxy);
  }

  /** Adds {@code field} at the end (in place when a field of that name exists). */
  public ModelState withField(FieldState field) {
    return withFields(fieldMap().with(field));
  }

  /** Replaces the field named {@code oldName} in place (it may be renamed). */
  public ModelState replaceField(String oldName, FieldState field) {
    return withFields(fieldMap().replacing(oldName, field));
  }

  public ModelState withoutField(String fieldName) {
    return withFields(fieldMap().without(fieldName));
  }

  /**
   * Whether any field is generated; kept up to date by every field change, so that a rename on a
   * wide model need not scan its fields for expressions naming the renamed one.
   */
  public boolean hasGeneratedFields() {
    return fieldMap().hasGenerated();
  }

  /** Whether any field is a relation (kept up to date like {@link #hasGeneratedFields}). */
  public boolean hasRelations() {
    return fieldMap().hasRelations();
  }

  private FieldMap fieldMap() {
    return (FieldMap) fields;
  }

  /** Applies {@code rename} to every field name used by indexes and constraints. */
  public ModelState renameFieldReferences(String oldName, String newName) {
    UnaryOperator<String> rename =
        f -> {
          boolean desc = f.startsWith("-");
          String bare = desc ? f.substring(1) : f;
          return bare.equals(oldName) ? (desc ? "-" : "") + newName : f;
        };
    UnaryOperator<String> bareRename = f -> f.equals(oldName) ? newName : f;
    List<IndexState> newIndexes = new ArrayList<>();
    for (IndexState i : indexes) {
      newIndexes.add(
          i.withFields(
                  i.fields().stream().map(rename).toList(),
                  i.include().stream().map(bareRename).toList())
              .withExpressions(IndexExpression.rename(i.expressions(), bareRename)));
    }
    List<ConstraintState> newConstraints = new ArrayList<>();
    for (ConstraintState c : constraints) {
      newConstraints.add(
          c.withReferences(
              c.fields().stream().map(rename).toList(),
              IndexExpression.rename(c.expressions(), bareRename),
              c.include().stream().map(bareRename).toList()));
    }
    return withIndexes(newIndexes).withConstraints(newConstraints);
  }

  /** The column of a field named in an index (a leading {@code -} kept). */
  public String columnOf(String fieldRef) {
    boolean desc = fieldRef.startsWith("-");
    String bare = desc ? fieldRef.substring(1) : fieldRef;
    FieldState f = field(bare);
    String column = f == null ? Names.snakeCase(bare) : f.columnName();
    return desc ? "-" + column : column;
  }

  // equals and hashCode by hand, the values of the generated ones: a record's are bootstrapped
  // through java.lang.invoke on first use, in every class loader (the processor gets a new one
  // per compile, and a full compile compares states of every model).
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ModelState o)) {
      return false;
    }
    return Objects.equals(app, o.app)
        && Objects.equals(name, o.name)
        && Objects.equals(fields, o.fields)
        && Objects.equals(indexes, o.indexes)
        && Objects.equals(constraints, o.constraints)
        && Objects.equals(table, o.table)
        && Objects.equals(comment, o.comment)
        && managed == o.managed
        && Objects.equals(options, o.options)
        && Objects.equals(bases, o.bases)
        && proxy == o.proxy;
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(app);
    h = 31 * h + Objects.hashCode(name);
    h = 31 * h + Objects.hashCode(fields);
    h = 31 * h + Objects.hashCode(indexes);
    h = 31 * h + Objects.hashCode(constraints);
    h = 31 * h + Objects.hashCode(table);
    h = 31 * h + Objects.hashCode(comment);
    h = 31 * h + Boolean.hashCode(managed);
    h = 31 * h + Objects.hashCode(options);
    h = 31 * h + Objects.hashCode(bases);
    h = 31 * h + Boolean.hashCode(proxy);
    return h;
  }
}
