package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.SequenceState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The operation vocabulary, one row per {@code @Op(kind = ...)}: the operation's class, the
 * attributes it takes (required or optional; {@code kind} and {@code scope} go with every kind) and
 * how it is rebuilt from its annotation form. The class's {@code deconstruct()} starts from {@link
 * #form()}. Adding an operation is a class, a row here and a constant of {@code Op.Kind}.
 *
 * <p>Attributes older migrations spell differently (a one-element array before the singular member
 * existed) are listed as {@link Attribute#replaces() replacing} the preferred one: both read the
 * same, and either satisfies a requirement.
 */
public enum OpKind {
  CREATE_MODEL(
      CreateModel.class,
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
          optional("proxy")),
      op ->
          new CreateModel(
              op.required("name"),
              op.children("fields", FieldState::reconstruct),
              op.children("indexes", IndexState::reconstruct),
              op.children("constraints", ConstraintState::reconstruct),
              op.optional("table"),
              op.optional("comment"),
              op.bool("managed", true),
              op.modelOptions(),
              op.strings("bases"),
              op.bool("proxy", false))),
  DELETE_MODEL(
      DeleteModel.class, List.of(required("name")), op -> new DeleteModel(op.required("name"))),
  RENAME_MODEL(
      RenameModel.class,
      List.of(required("name"), required("newName")),
      op -> new RenameModel(op.required("name"), op.required("newName"))),
  ALTER_MODEL_TABLE(
      AlterModelTable.class,
      List.of(required("model"), optional("table")),
      op -> new AlterModelTable(op.required("model"), op.optional("table"))),
  ALTER_MODEL_TABLE_COMMENT(
      AlterModelTableComment.class,
      List.of(required("model"), optional("comment")),
      op -> new AlterModelTableComment(op.required("model"), op.optional("comment"))),
  ALTER_MODEL_OPTIONS(
      AlterModelOptions.class,
      List.of(
          required("model"),
          optional("managed"),
          optional("verboseName"),
          optional("verboseNamePlural"),
          optional("ordering")),
      op ->
          new AlterModelOptions(op.required("model"), op.bool("managed", true), op.modelOptions())),
  ADD_FIELD(
      AddField.class,
      List.of(required("model"), required("field"), optional("preserveDefault")),
      op ->
          new AddField(
              op.required("model"),
              op.single("field", FieldState::reconstruct),
              op.bool("preserveDefault", true))),
  REMOVE_FIELD(
      RemoveField.class,
      List.of(required("model"), required("name")),
      op -> new RemoveField(op.required("model"), op.required("name"))),
  ALTER_FIELD(
      AlterField.class,
      List.of(required("model"), required("field"), optional("preserveDefault")),
      op ->
          new AlterField(
              op.required("model"),
              op.single("field", FieldState::reconstruct),
              op.bool("preserveDefault", true))),
  RENAME_FIELD(
      RenameField.class,
      List.of(required("model"), required("oldName"), required("newName")),
      op -> new RenameField(op.required("model"), op.required("oldName"), op.required("newName"))),
  ADD_INDEX(
      AddIndex.class,
      List.of(required("model"), required("index"), legacy("indexes", "index")),
      op -> new AddIndex(op.required("model"), op.single("index", IndexState::reconstruct))),
  REMOVE_INDEX(
      RemoveIndex.class,
      List.of(required("model"), required("name")),
      op -> new RemoveIndex(op.required("model"), op.required("name"))),
  ADD_INDEX_CONCURRENTLY(
      AddIndexConcurrently.class,
      List.of(required("model"), required("index"), legacy("indexes", "index")),
      op ->
          new AddIndexConcurrently(
              op.required("model"), op.single("index", IndexState::reconstruct))),
  REMOVE_INDEX_CONCURRENTLY(
      RemoveIndexConcurrently.class,
      List.of(required("model"), required("name")),
      op -> new RemoveIndexConcurrently(op.required("model"), op.required("name"))),
  RENAME_INDEX(
      RenameIndex.class,
      List.of(required("model"), required("oldName"), required("newName")),
      op -> new RenameIndex(op.required("model"), op.required("oldName"), op.required("newName"))),
  ADD_CONSTRAINT(
      AddConstraint.class,
      List.of(required("model"), required("constraint"), legacy("constraints", "constraint")),
      op ->
          new AddConstraint(
              op.required("model"), op.single("constraint", ConstraintState::reconstruct))),
  REMOVE_CONSTRAINT(
      RemoveConstraint.class,
      List.of(required("model"), required("name")),
      op -> new RemoveConstraint(op.required("model"), op.required("name"))),
  ALTER_CONSTRAINT(
      AlterConstraint.class,
      List.of(required("model"), required("name"), required("constraint")),
      op ->
          new AlterConstraint(
              op.required("model"),
              op.required("name"),
              op.single("constraint", ConstraintState::reconstruct))),
  ADD_CONSTRAINT_NOT_VALID(
      AddConstraintNotValid.class,
      List.of(required("model"), required("constraint")),
      op ->
          new AddConstraintNotValid(
              op.required("model"), op.single("constraint", ConstraintState::reconstruct))),
  VALIDATE_CONSTRAINT(
      ValidateConstraint.class,
      List.of(required("model"), required("name")),
      op -> new ValidateConstraint(op.required("model"), op.required("name"))),
  CREATE_EXTENSION(
      CreateExtension.class,
      List.of(required("name")),
      op -> new CreateExtension(op.required("name"))),
  CREATE_COLLATION(
      CreateCollation.class, collationAttributes(), op -> new CreateCollation(collation(op))),
  REMOVE_COLLATION(
      RemoveCollation.class, collationAttributes(), op -> new RemoveCollation(collation(op))),
  RUN_SQL(
      RunSql.class,
      List.of(required("sql"), optional("reverseSql"), optional("elidable"), optional("vendors")),
      op ->
          new RunSql(
              op.strings("sql"),
              op.has("reverseSql") ? op.strings("reverseSql") : null,
              op.bool("elidable", false),
              op.strings("vendors"))),
  RUN_JAVA(
      RunJava.class,
      List.of(
          required("method"),
          optional("reverseMethod"),
          optional("elidable"),
          optional("javaClass")),
      op ->
          new RunJava(
              op.required("method"),
              op.optional("reverseMethod"),
              op.javaClass(),
              op.bool("elidable", false))),
  CREATE_SEQUENCE(
      CreateSequence.class, sequenceAttributes(), op -> new CreateSequence(sequence(op))),
  DELETE_SEQUENCE(
      DeleteSequence.class, sequenceAttributes(), op -> new DeleteSequence(sequence(op))),
  ALTER_SEQUENCE(
      AlterSequence.class,
      List.of(required("name"), optional("increment")),
      op ->
          new AlterSequence(
              op.required("name"), op.integer("increment", SequenceState.DEFAULT_INCREMENT)));

  /** Taken by every kind ({@code safetyAssured} only silences the compile-time safety lint). */
  public static final List<String> COMMON = List.of("kind", "scope", "safetyAssured");

  /**
   * One attribute of a kind.
   *
   * @param replaces the preferred attribute this older spelling stands for, or {@code null}
   */
  public record Attribute(String name, boolean required, String replaces) {}

  private final Class<? extends Operation> type;
  private final List<Attribute> attributes;
  private final Function<Reader, Operation> reconstruct;

  OpKind(
      Class<? extends Operation> type,
      List<Attribute> attributes,
      Function<Reader, Operation> reconstruct) {
    this.type = type;
    this.attributes = attributes;
    this.reconstruct = reconstruct;
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

  /** The operation class this kind rebuilds. */
  public Class<? extends Operation> type() {
    return type;
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
    return reconstruct.apply(new Reader(op));
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

    <T> List<T> children(String key, Function<Deconstructed, T> f) {
      return op.children(key).stream().map(f).toList();
    }

    /** The one nested value of {@code key}, or of the older spelling that replaces it. */
    <T> T single(String key, Function<Deconstructed, T> f) {
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
      return f.apply(children.get(0));
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
