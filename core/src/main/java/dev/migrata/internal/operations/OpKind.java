package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.SequenceState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The operation vocabulary, one row per {@code @Op(kind = ...)}: the attributes it takes (required
 * or optional; {@code kind} and {@code scope} go with every kind), the operation's class (its case
 * in {@link #type()}) and how it is rebuilt from its annotation form (its case in {@link #build}).
 * The class's {@code deconstruct()} starts from {@link #form()}. Adding an operation is a class, a
 * row and two cases here and a constant of {@code Op.Kind}.
 *
 * <p>Attributes older migrations spell differently (a one-element array before the singular member
 * existed) are listed as {@link Attribute#replaces() replacing} the preferred one: both read the
 * same, and either satisfies a requirement.
 */
public enum OpKind {
  CREATE_MODEL(
      List.of(
          required("name"),
          optional("fields"),
          optional("indexes"),
          optional("constraints"),
          optional("table"),
          optional("comment"),
          optional("managed"),
          optional("verboseName"),
          optional("verboseNamePlural"),
          optional("ordering"),
          optional("bases"),
          optional("proxy"))),
  DELETE_MODEL(List.of(required("name"))),
  RENAME_MODEL(List.of(required("name"), required("newName"))),
  ALTER_MODEL_TABLE(List.of(required("model"), optional("table"))),
  ALTER_MODEL_TABLE_COMMENT(List.of(required("model"), optional("comment"))),
  ALTER_MODEL_OPTIONS(
      List.of(
          required("model"),
          optional("managed"),
          optional("verboseName"),
          optional("verboseNamePlural"),
          optional("ordering"))),
  ADD_FIELD(List.of(required("model"), required("field"), optional("preserveDefault"))),
  REMOVE_FIELD(List.of(required("model"), required("name"))),
  ALTER_FIELD(List.of(required("model"), required("field"), optional("preserveDefault"))),
  RENAME_FIELD(List.of(required("model"), required("oldName"), required("newName"))),
  ADD_INDEX(List.of(required("model"), required("index"), legacy("indexes", "index"))),
  REMOVE_INDEX(List.of(required("model"), required("name"))),
  ADD_INDEX_CONCURRENTLY(List.of(required("model"), required("index"), legacy("indexes", "index"))),
  REMOVE_INDEX_CONCURRENTLY(List.of(required("model"), required("name"))),
  RENAME_INDEX(List.of(required("model"), required("oldName"), required("newName"))),
  ADD_CONSTRAINT(
      List.of(required("model"), required("constraint"), legacy("constraints", "constraint"))),
  REMOVE_CONSTRAINT(List.of(required("model"), required("name"))),
  ALTER_CONSTRAINT(List.of(required("model"), required("name"), required("constraint"))),
  ADD_CONSTRAINT_NOT_VALID(List.of(required("model"), required("constraint"))),
  VALIDATE_CONSTRAINT(List.of(required("model"), required("name"))),
  CREATE_EXTENSION(List.of(required("name"))),
  CREATE_COLLATION(collationAttributes()),
  REMOVE_COLLATION(collationAttributes()),
  RUN_SQL(
      List.of(required("sql"), optional("reverseSql"), optional("elidable"), optional("vendors"))),
  RUN_JAVA(
      List.of(
          required("method"),
          optional("reverseMethod"),
          optional("elidable"),
          optional("javaClass"))),
  CREATE_SEQUENCE(sequenceAttributes()),
  DELETE_SEQUENCE(sequenceAttributes()),
  ALTER_SEQUENCE(List.of(required("name"), optional("increment")));

  /** Taken by every kind ({@code safetyAssured} only silences the compile-time safety lint). */
  public static final List<String> COMMON = List.of("kind", "scope", "safetyAssured");

  /**
   * One attribute of a kind.
   *
   * @param replaces the preferred attribute this older spelling stands for, or {@code null}
   */
  public record Attribute(String name, boolean required, String replaces) {}

  private final List<Attribute> attributes;

  OpKind(List<Attribute> attributes) {
    this.attributes = attributes;
  }

  /** The kind named {@code name} (an {@code Op.Kind} constant), or {@code null}. */
  public static OpKind byName(String name) {
    for (OpKind k : values()) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }

  /**
   * The operation class this kind rebuilds. A case here, not a class literal in each row: the rows
   * would load all of the vocabulary's classes when the enum is initialised, and a build tool loads
   * the processor's classes afresh for each compile, where a history uses a few kinds.
   */
  public Class<? extends Operation> type() {
    return switch (this) {
      case CREATE_MODEL -> CreateModel.class;
      case DELETE_MODEL -> DeleteModel.class;
      case RENAME_MODEL -> RenameModel.class;
      case ALTER_MODEL_TABLE -> AlterModelTable.class;
      case ALTER_MODEL_TABLE_COMMENT -> AlterModelTableComment.class;
      case ALTER_MODEL_OPTIONS -> AlterModelOptions.class;
      case ADD_FIELD -> AddField.class;
      case REMOVE_FIELD -> RemoveField.class;
      case ALTER_FIELD -> AlterField.class;
      case RENAME_FIELD -> RenameField.class;
      case ADD_INDEX -> AddIndex.class;
      case REMOVE_INDEX -> RemoveIndex.class;
      case ADD_INDEX_CONCURRENTLY -> AddIndexConcurrently.class;
      case REMOVE_INDEX_CONCURRENTLY -> RemoveIndexConcurrently.class;
      case RENAME_INDEX -> RenameIndex.class;
      case ADD_CONSTRAINT -> AddConstraint.class;
      case REMOVE_CONSTRAINT -> RemoveConstraint.class;
      case ALTER_CONSTRAINT -> AlterConstraint.class;
      case ADD_CONSTRAINT_NOT_VALID -> AddConstraintNotValid.class;
      case VALIDATE_CONSTRAINT -> ValidateConstraint.class;
      case CREATE_EXTENSION -> CreateExtension.class;
      case CREATE_COLLATION -> CreateCollation.class;
      case REMOVE_COLLATION -> RemoveCollation.class;
      case RUN_SQL -> RunSql.class;
      case RUN_JAVA -> RunJava.class;
      case CREATE_SEQUENCE -> CreateSequence.class;
      case DELETE_SEQUENCE -> DeleteSequence.class;
      case ALTER_SEQUENCE -> AlterSequence.class;
    };
  }

  /**
   * Whether this kind's operation cannot run in a transaction ({@link NotInTransaction}), told
   * without loading its class.
   */
  public boolean notInTransaction() {
    return this == ADD_INDEX_CONCURRENTLY || this == REMOVE_INDEX_CONCURRENTLY;
  }

  public List<Attribute> attributes() {
    return attributes;
  }

  /** Whether this kind reads {@code attribute} ({@code kind} and {@code scope} included). */
  public boolean takes(String attribute) {
    return COMMON.contains(attribute) || attribute(attribute) != null;
  }

  /** The attributes to name in a diagnostic: the preferred ones, without older spellings. */
  public List<String> allowed() {
    List<String> names = new ArrayList<>();
    for (Attribute a : attributes) {
      if (a.replaces() == null) {
        names.add(a.name());
      }
    }
    return names;
  }

  /** The required attributes that {@code op} lacks (an older spelling counts as present). */
  public List<String> missing(Deconstructed op) {
    List<String> missing = new ArrayList<>();
    for (Attribute a : attributes) {
      if (a.required() && !op.has(a.name()) && !hasReplacement(op, a.name())) {
        missing.add(a.name());
      }
    }
    return missing;
  }

  /** The attributes of {@code op} that this kind does not take. */
  public List<String> unknown(Deconstructed op) {
    List<String> unknown = new ArrayList<>();
    for (String key : op.values().keySet()) {
      if (!takes(key)) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  /** The start of an operation's annotation form: {@code @Op(kind = THIS)}. */
  public Deconstructed.Builder form() {
    return Deconstructed.builder("Op").put("kind", name());
  }

  /**
   * The operation {@code op} describes.
   *
   * @throws IllegalArgumentException naming the attribute at fault
   */
  public Operation reconstruct(Deconstructed op) {
    List<String> unknown = unknown(op);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Operation "
              + name()
              + " does not take the attribute '"
              + unknown.get(0)
              + "'; it takes "
              + String.join(", ", allowed())
              + ".");
    }
    return build(new Reader(op));
  }

  /**
   * The operation of this kind that {@code op} reads. One switch, not a lambda per constant: each
   * lambda is a class spun when the enum is initialised, and a build tool loads the processor's
   * classes (this one among them) afresh for each compile.
   */
  private Operation build(Reader op) {
    return switch (this) {
      case CREATE_MODEL ->
          new CreateModel(
              op.required("name"),
              fields(op.children("fields")),
              indexes(op.children("indexes")),
              constraints(op.children("constraints")),
              op.optional("table"),
              op.optional("comment"),
              op.bool("managed", true),
              op.modelOptions(),
              op.strings("bases"),
              op.bool("proxy", false));
      case DELETE_MODEL -> new DeleteModel(op.required("name"));
      case RENAME_MODEL -> new RenameModel(op.required("name"), op.required("newName"));
      case ALTER_MODEL_TABLE -> new AlterModelTable(op.required("model"), op.optional("table"));
      case ALTER_MODEL_TABLE_COMMENT ->
          new AlterModelTableComment(op.required("model"), op.optional("comment"));
      case ALTER_MODEL_OPTIONS ->
          new AlterModelOptions(op.required("model"), op.bool("managed", true), op.modelOptions());
      case ADD_FIELD ->
          new AddField(
              op.required("model"),
              FieldState.reconstruct(op.single("field")),
              op.bool("preserveDefault", true));
      case REMOVE_FIELD -> new RemoveField(op.required("model"), op.required("name"));
      case ALTER_FIELD ->
          new AlterField(
              op.required("model"),
              FieldState.reconstruct(op.single("field")),
              op.bool("preserveDefault", true));
      case RENAME_FIELD ->
          new RenameField(op.required("model"), op.required("oldName"), op.required("newName"));
      case ADD_INDEX ->
          new AddIndex(op.required("model"), IndexState.reconstruct(op.single("index")));
      case REMOVE_INDEX -> new RemoveIndex(op.required("model"), op.required("name"));
      case ADD_INDEX_CONCURRENTLY ->
          new AddIndexConcurrently(
              op.required("model"), IndexState.reconstruct(op.single("index")));
      case REMOVE_INDEX_CONCURRENTLY ->
          new RemoveIndexConcurrently(op.required("model"), op.required("name"));
      case RENAME_INDEX ->
          new RenameIndex(op.required("model"), op.required("oldName"), op.required("newName"));
      case ADD_CONSTRAINT ->
          new AddConstraint(
              op.required("model"), ConstraintState.reconstruct(op.single("constraint")));
      case REMOVE_CONSTRAINT -> new RemoveConstraint(op.required("model"), op.required("name"));
      case ALTER_CONSTRAINT ->
          new AlterConstraint(
              op.required("model"),
              op.required("name"),
              ConstraintState.reconstruct(op.single("constraint")));
      case ADD_CONSTRAINT_NOT_VALID ->
          new AddConstraintNotValid(
              op.required("model"), ConstraintState.reconstruct(op.single("constraint")));
      case VALIDATE_CONSTRAINT -> new ValidateConstraint(op.required("model"), op.required("name"));
      case CREATE_EXTENSION -> new CreateExtension(op.required("name"));
      case CREATE_COLLATION -> new CreateCollation(collation(op));
      case REMOVE_COLLATION -> new RemoveCollation(collation(op));
      case RUN_SQL ->
          new RunSql(
              op.strings("sql"),
              op.has("reverseSql") ? op.strings("reverseSql") : null,
              op.bool("elidable", false),
              op.strings("vendors"));
      case RUN_JAVA ->
          new RunJava(
              op.required("method"),
              op.optional("reverseMethod"),
              op.javaClass(),
              op.bool("elidable", false));
      case CREATE_SEQUENCE -> new CreateSequence(sequence(op));
      case DELETE_SEQUENCE -> new DeleteSequence(sequence(op));
      case ALTER_SEQUENCE ->
          new AlterSequence(
              op.required("name"), op.integer("increment", SequenceState.DEFAULT_INCREMENT));
    };
  }

  private Attribute attribute(String name) {
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  private boolean hasReplacement(Deconstructed op, String preferred) {
    for (Attribute a : attributes) {
      if (preferred.equals(a.replaces()) && op.has(a.name())) {
        return true;
      }
    }
    return false;
  }

  // Loops, not a method reference per call site: each is a class spun per class loader, i.e. per
  // compile in a build tool's processor.
  private static List<FieldState> fields(List<Deconstructed> forms) {
    List<FieldState> fields = new ArrayList<>(forms.size());
    for (Deconstructed d : forms) {
      fields.add(FieldState.reconstruct(d));
    }
    return Collections.unmodifiableList(fields);
  }

  private static List<IndexState> indexes(List<Deconstructed> forms) {
    List<IndexState> indexes = new ArrayList<>(forms.size());
    for (Deconstructed d : forms) {
      indexes.add(IndexState.reconstruct(d));
    }
    return Collections.unmodifiableList(indexes);
  }

  private static List<ConstraintState> constraints(List<Deconstructed> forms) {
    List<ConstraintState> constraints = new ArrayList<>(forms.size());
    for (Deconstructed d : forms) {
      constraints.add(ConstraintState.reconstruct(d));
    }
    return Collections.unmodifiableList(constraints);
  }

  /** Django's {@code CollationOperation} arguments. */
  private static List<Attribute> collationAttributes() {
    return List.of(
        required("name"), required("locale"), optional("provider"), optional("deterministic"));
  }

  private static Collation collation(Reader op) {
    return new Collation(
        op.required("name"),
        op.required("locale"),
        op.optional("provider"),
        op.bool("deterministic", true));
  }

  /** A sequence's name, first value and increment (1 and 1 unless given). */
  private static List<Attribute> sequenceAttributes() {
    return List.of(required("name"), optional("start"), optional("increment"));
  }

  private static SequenceState sequence(Reader op) {
    return new SequenceState(
        op.required("name"),
        op.integer("start", SequenceState.DEFAULT_START),
        op.integer("increment", SequenceState.DEFAULT_INCREMENT));
  }

  private static Attribute required(String name) {
    return new Attribute(name, true, null);
  }

  private static Attribute optional(String name) {
    return new Attribute(name, false, null);
  }

  private static Attribute legacy(String name, String replaces) {
    return new Attribute(name, false, replaces);
  }

  /** Reads one {@code @Op}'s attributes for its kind, with errors that name the attribute. */
  final class Reader {
    private final Deconstructed op;

    private Reader(Deconstructed op) {
      this.op = op;
    }

    boolean has(String key) {
      return op.has(key);
    }

    String required(String key) {
      String value = op.string(key, "");
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            "Operation " + name() + " needs the attribute '" + key + "'.");
      }
      return value;
    }

    /** The string, or {@code null} when absent or empty. */
    String optional(String key) {
      String value = op.string(key, "");
      return value.isEmpty() ? null : value;
    }

    boolean bool(String key, boolean fallback) {
      return op.bool(key, fallback);
    }

    int integer(String key, int fallback) {
      return op.integer(key, fallback);
    }

    List<String> strings(String key) {
      return op.strings(key);
    }

    List<Deconstructed> children(String key) {
      return op.children(key);
    }

    /** The one nested value of {@code key}, or of the older spelling that replaces it. */
    Deconstructed single(String key) {
      String from = key;
      for (Attribute a : attributes) {
        if (key.equals(a.replaces()) && op.has(a.name())) {
          if (op.has(key)) {
            throw new IllegalArgumentException(
                "Operation "
                    + name()
                    + " takes '"
                    + key
                    + "' or the older '"
                    + a.name()
                    + "', not both.");
          }
          from = a.name();
        }
      }
      List<Deconstructed> children = op.children(from);
      if (children.size() != 1) {
        throw new IllegalArgumentException(
            "Operation "
                + name()
                + " needs exactly one value in '"
                + from
                + "', found "
                + children.size()
                + ".");
      }
      return children.get(0);
    }

    /** The ORM-only model options set on this {@code @Op}. */
    ModelOptions modelOptions() {
      return ModelOptions.readFrom(op);
    }

    String javaClass() {
      String name = op.string("javaClass", "");
      return name.isEmpty() || name.equals("void") ? null : name;
    }
  }
}
