package dev.migrata.internal.state;

import java.util.List;
import java.util.Objects;

/**
 * A field as the migration state knows it (Django's deconstructed field): immutable, compared by
 * value, so two states differ exactly where a migration is needed.
 *
 * @param name the Java field name
 * @param type the field type's Django name ({@code CharField}, {@code ForeignKey}, ...)
 * @param column the explicit column name, or {@code null} for the derived one
 * @param maxLength {@code null} when not set; likewise precision and scale
 * @param defaultValue the literal default, or {@code null} for none
 * @param dbDefault the SQL default kept in the database, or {@code null}
 * @param to for relations, the target as {@code app.model} (lowercased)
 * @param through many-to-many: the model holding both keys, as {@code app.model}, or {@code null}
 *     for an automatic join table
 * @param table many-to-many: the automatic join table's explicit name, or {@code null}
 * @param defaultMethod a static method giving the default ({@code com.example.Clock::now}), as
 *     Django's callable defaults; {@code null} for none
 * @param args a custom field type's arguments, {@code key=value}, in declaration order
 * @param orm the options only the ORM uses ({@code verboseName}, {@code blank}, {@code editable},
 *     {@code autoNow}, {@code autoNowAdd}); never {@code null}
 * @param choices the allowed values, each {@code value} or {@code value=label} (the first {@code =}
 *     separates), in declaration order
 * @param joinAutoField many-to-many: the id type of the automatic join table when it is not
 *     BigAutoField (the app's default auto field when the field was added), else {@code null}
 * @param parentLink the one-to-one key of a multi-table child to its parent (Django's {@code
 *     parent_link=True}, auto-created as {@code <parent>_ptr})
 * @param generated a generated column's SQL expression, field names in braces ({@code {price} *
 *     {quantity}}), or {@code null} (Django's {@code GeneratedField})
 * @param persisted for a generated column: {@code STORED} rather than {@code VIRTUAL} (Django's
 *     {@code db_persist})
 * @param dbConstraint for a foreign key or one-to-one: whether the database gets a foreign key
 *     constraint (Django's {@code db_constraint}); the column and its index stay either way
 * @param constraintName the foreign key constraint's explicit name (a Migrata extension, JPA's
 *     {@code @ForeignKey(name)}), or {@code null} for Django's derived {@code ..._fk_...} name
 */
public record FieldState(
    String name,
    String type,
    String column,
    boolean nullable,
    boolean unique,
    boolean index,
    boolean primaryKey,
    Integer maxLength,
    Integer precision,
    Integer scale,
    String defaultValue,
    String dbDefault,
    String comment,
    String helpText,
    List<String> choices,
    String to,
    String toField,
    String onDelete,
    String relatedName,
    String through,
    String table,
    String defaultMethod,
    List<String> args,
    OrmOptions orm,
    String joinAutoField,
    boolean parentLink,
    String generated,
    boolean persisted,
    boolean dbConstraint,
    String constraintName) {

  public FieldState {
    choices = choices == null ? List.of() : List.copyOf(choices);
    args = args == null ? List.of() : List.copyOf(args);
    orm = orm == null ? OrmOptions.NONE : orm;
    FieldType known = FieldType.byName(type);
    if (known != null) {
      maxLength = known.deconstructedMaxLength(maxLength);
    }
    if (BIG_AUTO_NAME.equals(joinAutoField)) {
      joinAutoField = null;
    }
  }

  private static final String BIG_AUTO_NAME = FieldType.BIG_AUTO.djangoName();

  /** The implicit {@code id} primary key (Django's BigAutoField). */
  public static FieldState autoId() {
    return builder("id", FieldType.BIG_AUTO.djangoName()).primaryKey(true).build();
  }

  /**
   * The implicit {@code id} primary key of type {@code autoField} ({@code AutoField}, {@code
   * BigAutoField}, {@code SmallAutoField}: Django's {@code DEFAULT_AUTO_FIELD}).
   */
  public static FieldState autoId(String autoField) {
    return builder("id", autoField).primaryKey(true).build();
  }

  /** An automatic many-to-many's join table id type: {@code BigAutoField} unless recorded. */
  public String joinIdType() {
    return joinAutoField == null ? BIG_AUTO_NAME : joinAutoField;
  }

  /** Whether {@code other} is this field but for the join table id type (which never alters). */
  public boolean equalsIgnoringJoinId(FieldState other) {
    return other != null && equals(other.toBuilder().joinAutoField(joinAutoField).build());
  }

  /** The choice values, without labels ({@code "pt-br=Brazilian Portuguese"} gives pt-br). */
  public List<String> choiceValues() {
    return choices.stream().map(FieldState::choiceValue).toList();
  }

  /** The value of one choice entry, {@code value} or {@code value=label}. */
  public static String choiceValue(String entry) {
    int eq = entry.indexOf('=');
    return eq < 0 ? entry : entry.substring(0, eq);
  }

  public static Builder builder(String name, String type) {
    return new Builder(name, type);
  }

  public Builder toBuilder() {
    Builder b = new Builder(name, type);
    b.column = column;
    b.nullable = nullable;
    b.unique = unique;
    b.index = index;
    b.primaryKey = primaryKey;
    b.maxLength = maxLength;
    b.precision = precision;
    b.scale = scale;
    b.defaultValue = defaultValue;
    b.dbDefault = dbDefault;
    b.comment = comment;
    b.helpText = helpText;
    b.choices = choices;
    b.to = to;
    b.toField = toField;
    b.onDelete = onDelete;
    b.relatedName = relatedName;
    b.through = through;
    b.table = table;
    b.defaultMethod = defaultMethod;
    b.args = args;
    b.orm = orm;
    b.joinAutoField = joinAutoField;
    b.parentLink = parentLink;
    b.generated = generated;
    b.persisted = persisted;
    b.dbConstraint = dbConstraint;
    b.constraintName = constraintName;
    return b;
  }

  /** A generated column (Django's {@code GeneratedField}): the database computes its value. */
  public boolean isGenerated() {
    return generated != null;
  }

  /** Whether this is a custom field type (a class implementing {@code CustomFieldType}). */
  public boolean isCustom() {
    return fieldType() == null;
  }

  /** Whether a default fills existing rows: a literal, a database default or a method. */
  public boolean hasDefault() {
    return defaultValue != null || dbDefault != null || defaultMethod != null;
  }

  /** A many-to-many field whose join table Migrata creates (no {@code through} model). */
  public boolean isAutoManyToMany() {
    return fieldType() == FieldType.MANY_TO_MANY && through == null;
  }

  /** The built-in type, or {@code null} for a custom field type. */
  public FieldType fieldType() {
    return FieldType.byName(type);
  }

  public boolean isRelation() {
    FieldType t = fieldType();
    return t != null && t.isRelation();
  }

  public boolean hasColumn() {
    FieldType t = fieldType();
    return t == null || t.hasColumn();
  }

  /** The column: explicit, else snake_case of the name, with {@code _id} for foreign keys. */
  public String columnName() {
    if (column != null) {
      return column;
    }
    FieldType t = fieldType();
    String snake = Names.snakeCase(name);
    return t == FieldType.FOREIGN_KEY || t == FieldType.ONE_TO_ONE ? snake + "_id" : snake;
  }

  /** The target app of a relation. */
  public String toApp() {
    return to.substring(0, to.indexOf('.'));
  }

  /** The target model (lowercased) of a relation. */
  public String toModel() {
    return to.substring(to.indexOf('.') + 1);
  }

  public FieldState withName(String newName) {
    return toBuilder().name(newName).build();
  }

  public FieldState withDefault(String newDefault) {
    return toBuilder().defaultValue(newDefault).build();
  }

  /** Without any default that fills rows (literal or method): Django's one-off default gone. */
  public FieldState withoutDefault() {
    return toBuilder().defaultValue(null).defaultMethod(null).build();
  }

  public Deconstructed deconstruct() {
    return Deconstructed.builder("FieldDef")
        .put("name", name)
        .put("type", type)
        .string("column", column)
        .bool("nullable", nullable, false)
        .bool("unique", unique, false)
        .bool("index", index, indexedByDefault(type))
        .bool("primaryKey", primaryKey, false)
        .integer("maxLength", maxLength)
        .integer("precision", precision)
        .integer("scale", scale)
        .optionalString("defaultValue", defaultValue)
        .string("dbDefault", dbDefault)
        .string("comment", comment)
        .string("helpText", helpText)
        .strings("choices", choices)
        .string("to", to)
        .string("toField", toField)
        .string("onDeleteAction", onDelete)
        .string("relatedName", relatedName)
        .string("through", through)
        .string("table", table)
        .string("defaultMethod", defaultMethod)
        .strings("args", args)
        .apply(orm::writeTo)
        .string("joinAutoField", joinAutoField)
        .bool("parentLink", parentLink, false)
        .string("generated", generated)
        // Always written with a generated column, as Django writes db_persist; never without.
        .bool("persisted", persisted, generated == null ? persisted : !persisted)
        .bool("dbConstraint", dbConstraint, true)
        .string("constraintName", constraintName)
        .build();
  }

  public static FieldState reconstruct(Deconstructed d) {
    Builder b = builder(d.string("name", null), d.string("type", null));
    b.column = emptyToNull(d.string("column", null));
    b.nullable = d.bool("nullable", false);
    b.unique = d.bool("unique", false);
    b.index = d.bool("index", indexedByDefault(b.type));
    b.primaryKey = d.bool("primaryKey", false);
    b.maxLength = optionalInt(d.integer("maxLength", -1));
    b.precision = optionalInt(d.integer("precision", -1));
    b.scale = optionalInt(d.integer("scale", -1));
    List<String> defaults = d.strings("defaultValue");
    b.defaultValue = defaults.isEmpty() ? null : defaults.get(0);
    b.dbDefault = emptyToNull(d.string("dbDefault", null));
    b.comment = emptyToNull(d.string("comment", null));
    b.helpText = emptyToNull(d.string("helpText", null));
    b.choices = d.strings("choices");
    b.to = emptyToNull(d.string("to", null));
    b.toField = emptyToNull(d.string("toField", null));
    // Older migrations spell it as a string, onDelete = "CASCADE"; both read alike.
    b.onDelete = emptyToNull(d.string("onDeleteAction", d.string("onDelete", null)));
    b.relatedName = emptyToNull(d.string("relatedName", null));
    b.through = emptyToNull(d.string("through", null));
    b.table = emptyToNull(d.string("table", null));
    b.defaultMethod = emptyToNull(d.string("defaultMethod", null));
    b.args = d.strings("args");
    b.orm = OrmOptions.readFrom(d);
    b.joinAutoField = emptyToNull(d.string("joinAutoField", null));
    b.parentLink = d.bool("parentLink", false);
    b.generated = emptyToNull(d.string("generated", null));
    b.persisted = b.generated != null && d.bool("persisted", true);
    b.dbConstraint = d.bool("dbConstraint", true);
    b.constraintName = emptyToNull(d.string("constraintName", null));
    return b.build();
  }

  /** Whether the type's deconstruction leaves out {@code index = true} (Django's SlugField). */
  private static boolean indexedByDefault(String type) {
    FieldType t = FieldType.byName(type);
    return t != null && t.indexedByDefault();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Integer optionalInt(int value) {
    return value == -1 ? null : value;
  }

  /** Builds a {@link FieldState}; unset options take their defaults. */
  public static final class Builder {
    private String name;
    private final String type;
    private String column;
    private boolean nullable;
    private boolean unique;
    private boolean index;
    private boolean primaryKey;
    private Integer maxLength;
    private Integer precision;
    private Integer scale;
    private String defaultValue;
    private String dbDefault;
    private String comment;
    private String helpText;
    private List<String> choices = List.of();
    private String to;
    private String toField;
    private String onDelete;
    private String relatedName;
    private String through;
    private String table;
    private String defaultMethod;
    private List<String> args = List.of();
    private OrmOptions orm = OrmOptions.NONE;
    private String joinAutoField;
    private boolean parentLink;
    private String generated;
    private boolean persisted;
    private boolean dbConstraint = true;
    private String constraintName;

    private Builder(String name, String type) {
      this.name = name;
      this.type = type;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder column(String v) {
      column = v;
      return this;
    }

    public Builder nullable(boolean v) {
      nullable = v;
      return this;
    }

    public Builder unique(boolean v) {
      unique = v;
      return this;
    }

    public Builder index(boolean v) {
      index = v;
      return this;
    }

    public Builder primaryKey(boolean v) {
      primaryKey = v;
      return this;
    }

    public Builder maxLength(Integer v) {
      maxLength = v;
      return this;
    }

    public Builder precision(Integer v) {
      precision = v;
      return this;
    }

    public Builder scale(Integer v) {
      scale = v;
      return this;
    }

    public Builder defaultValue(String v) {
      defaultValue = v;
      return this;
    }

    public Builder dbDefault(String v) {
      dbDefault = v;
      return this;
    }

    public Builder comment(String v) {
      comment = v;
      return this;
    }

    public Builder helpText(String v) {
      helpText = v;
      return this;
    }

    public Builder choices(List<String> v) {
      choices = v;
      return this;
    }

    public Builder to(String v) {
      to = v;
      return this;
    }

    public Builder toField(String v) {
      toField = v;
      return this;
    }

    public Builder onDelete(String v) {
      onDelete = v;
      return this;
    }

    public Builder relatedName(String v) {
      relatedName = v;
      return this;
    }

    public Builder through(String v) {
      through = v;
      return this;
    }

    public Builder table(String v) {
      table = v;
      return this;
    }

    public Builder defaultMethod(String v) {
      defaultMethod = v;
      return this;
    }

    public Builder args(List<String> v) {
      args = v;
      return this;
    }

    public Builder orm(OrmOptions v) {
      orm = v;
      return this;
    }

    /** Many-to-many: the automatic join table's id type, {@code null} for BigAutoField. */
    public Builder joinAutoField(String v) {
      joinAutoField = v;
      return this;
    }

    public Builder parentLink(boolean v) {
      parentLink = v;
      return this;
    }

    /** A generated column: its expression and whether it is stored. */
    public Builder generated(String expression, boolean stored) {
      generated = expression;
      persisted = expression != null && stored;
      return this;
    }

    /** A relation without a foreign key constraint in the database (Django's db_constraint). */
    public Builder dbConstraint(boolean v) {
      dbConstraint = v;
      return this;
    }

    /** The foreign key constraint's explicit name, {@code null} for the derived one. */
    public Builder constraintName(String v) {
      constraintName = v;
      return this;
    }

    public FieldState build() {
      return new FieldState(
          name,
          type,
          column,
          nullable,
          unique,
          index,
          primaryKey,
          maxLength,
          precision,
          scale,
          defaultValue,
          dbDefault,
          comment,
          helpText,
          choices,
          to,
          toField,
          onDelete,
          relatedName,
          through,
          table,
          defaultMethod,
          args,
          orm,
          joinAutoField,
          parentLink,
          generated,
          persisted,
          dbConstraint,
          constraintName);
    }
  }

  // equals and hashCode by hand, the values of the generated ones: a record's are bootstrapped
  // through java.lang.invoke on first use, in every class loader (the processor gets a new one
  // per compile, and a full compile compares states of every model).
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof FieldState o)) {
      return false;
    }
    return Objects.equals(name, o.name)
        && Objects.equals(type, o.type)
        && Objects.equals(column, o.column)
        && nullable == o.nullable
        && unique == o.unique
        && index == o.index
        && primaryKey == o.primaryKey
        && Objects.equals(maxLength, o.maxLength)
        && Objects.equals(precision, o.precision)
        && Objects.equals(scale, o.scale)
        && Objects.equals(defaultValue, o.defaultValue)
        && Objects.equals(dbDefault, o.dbDefault)
        && Objects.equals(comment, o.comment)
        && Objects.equals(helpText, o.helpText)
        && Objects.equals(choices, o.choices)
        && Objects.equals(to, o.to)
        && Objects.equals(toField, o.toField)
        && Objects.equals(onDelete, o.onDelete)
        && Objects.equals(relatedName, o.relatedName)
        && Objects.equals(through, o.through)
        && Objects.equals(table, o.table)
        && Objects.equals(defaultMethod, o.defaultMethod)
        && Objects.equals(args, o.args)
        && Objects.equals(orm, o.orm)
        && Objects.equals(joinAutoField, o.joinAutoField)
        && parentLink == o.parentLink
        && Objects.equals(generated, o.generated)
        && persisted == o.persisted
        && dbConstraint == o.dbConstraint
        && Objects.equals(constraintName, o.constraintName);
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(name);
    h = 31 * h + Objects.hashCode(type);
    h = 31 * h + Objects.hashCode(column);
    h = 31 * h + Boolean.hashCode(nullable);
    h = 31 * h + Boolean.hashCode(unique);
    h = 31 * h + Boolean.hashCode(index);
    h = 31 * h + Boolean.hashCode(primaryKey);
    h = 31 * h + Objects.hashCode(maxLength);
    h = 31 * h + Objects.hashCode(precision);
    h = 31 * h + Objects.hashCode(scale);
    h = 31 * h + Objects.hashCode(defaultValue);
    h = 31 * h + Objects.hashCode(dbDefault);
    h = 31 * h + Objects.hashCode(comment);
    h = 31 * h + Objects.hashCode(helpText);
    h = 31 * h + Objects.hashCode(choices);
    h = 31 * h + Objects.hashCode(to);
    h = 31 * h + Objects.hashCode(toField);
    h = 31 * h + Objects.hashCode(onDelete);
    h = 31 * h + Objects.hashCode(relatedName);
    h = 31 * h + Objects.hashCode(through);
    h = 31 * h + Objects.hashCode(table);
    h = 31 * h + Objects.hashCode(defaultMethod);
    h = 31 * h + Objects.hashCode(args);
    h = 31 * h + Objects.hashCode(orm);
    h = 31 * h + Objects.hashCode(joinAutoField);
    h = 31 * h + Boolean.hashCode(parentLink);
    h = 31 * h + Objects.hashCode(generated);
    h = 31 * h + Boolean.hashCode(persisted);
    h = 31 * h + Boolean.hashCode(dbConstraint);
    h = 31 * h + Objects.hashCode(constraintName);
    return h;
  }
}
