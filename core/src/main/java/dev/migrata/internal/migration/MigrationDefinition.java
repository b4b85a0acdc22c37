package dev.migrata.internal.migration;

import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.Operations;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * One migration as the processor reads it from a {@code @Migration} class and the runtime reads it
 * from the index. The operations are decoded on first use, so a runtime that finds everything
 * applied never decodes them.
 */
public final class MigrationDefinition {
  private final MigrationKey key;
  private final String className;
  private final List<MigrationKey> dependencies;
  private final List<MigrationKey> replaces;
  private final List<MigrationKey> runBefore;
  private final boolean initial;
  private final boolean atomic;
  private final Supplier<List<Deconstructed>> operationSource;
  private final String operationsJson;
  private List<Operation> operations;
  private String checksum;

  /** The operations' JSON written from {@code operationSource}, once: checksum and index use it. */
  private String writtenJson;

  /** The migration's own {@code mysqlOnlineDdl}: {@code null} for {@code DEFAULT}. */
  private Boolean onlineDdl;

  /** Whether its app says {@code @App(mysqlOnlineDdl = true)} (carried by the index). */
  private boolean appOnlineDdl;

  public MigrationDefinition(
      MigrationKey key,
      String className,
      List<MigrationKey> dependencies,
      List<MigrationKey> replaces,
      List<MigrationKey> runBefore,
      boolean initial,
      boolean atomic,
      Supplier<List<Deconstructed>> operationSource) {
    this(key, className, dependencies, replaces, runBefore, initial, atomic, operationSource, null);
  }

  /**
   * With {@code operationsJson}, the operations exactly as the index holds them ({@link
   * Json#writeDeconstructed}), so the checksum needs no decoding.
   */
  public MigrationDefinition(
      MigrationKey key,
      String className,
      List<MigrationKey> dependencies,
      List<MigrationKey> replaces,
      List<MigrationKey> runBefore,
      boolean initial,
      boolean atomic,
      Supplier<List<Deconstructed>> operationSource,
      String operationsJson) {
    this.operationsJson = operationsJson;
    this.key = key;
    this.className = className;
    this.dependencies = List.copyOf(dependencies);
    this.replaces = List.copyOf(replaces);
    this.runBefore = List.copyOf(runBefore);
    this.initial = initial;
    this.atomic = atomic;
    this.operationSource = operationSource;
  }

  public MigrationKey key() {
    return key;
  }

  public String app() {
    return key.app();
  }

  public String name() {
    return key.name();
  }

  /** The binary name of the migration class. */
  public String className() {
    return className;
  }

  public List<MigrationKey> dependencies() {
    return dependencies;
  }

  public List<MigrationKey> replaces() {
    return replaces;
  }

  public List<MigrationKey> runBefore() {
    return runBefore;
  }

  public boolean initial() {
    return initial;
  }

  public boolean atomic() {
    return atomic;
  }

  /**
   * The migration's own {@code @Migration(mysqlOnlineDdl)}: {@code TRUE} for {@code ON}, {@code
   * FALSE} for {@code OFF}, {@code null} for {@code DEFAULT}.
   */
  public Boolean ownOnlineDdl() {
    return onlineDdl;
  }

  /** Whether the migration's app asks for MySQL's online DDL ({@code @App(mysqlOnlineDdl)}). */
  public boolean appOnlineDdl() {
    return appOnlineDdl;
  }

  /**
   * Whether MySQL's and MariaDB's online DDL clauses apply to this migration when the runtime's
   * configuration says {@code configured}: the migration's own setting wins; else the app's or the
   * configuration's turns them on.
   */
  public boolean mysqlOnlineDdl(boolean configured) {
    return onlineDdl != null ? onlineDdl : appOnlineDdl || configured;
  }

  /** Sets both from the index (its flags) or the {@code @Migration} annotation. */
  synchronized void onlineDdl(Boolean own, boolean app) {
    this.onlineDdl = own;
    this.appOnlineDdl = app;
  }

  /**
   * This migration with {@code operations} in place of its own (e.g. the same operations with their
   * attributes in another order); key, dependencies, flags and the MySQL online-DDL settings kept.
   */
  public MigrationDefinition withOperations(List<Deconstructed> operations) {
    List<Deconstructed> copy = List.copyOf(operations);
    MigrationDefinition m =
        new MigrationDefinition(
            key, className, dependencies, replaces, runBefore, initial, atomic, () -> copy);
    synchronized (this) {
      m.onlineDdl(onlineDdl, appOnlineDdl);
    }
    return m;
  }

  /** The operations' annotation form. */
  public List<Deconstructed> deconstructedOperations() {
    return operationSource.get();
  }

  /** The operations in the index's JSON form, canonical: the same for the same operations. */
  public String operationsJson() {
    if (operationsJson != null) {
      return operationsJson;
    }
    if (operationSource instanceof MigrationIndex.IndexedOperations indexed) {
      return indexed.json();
    }
    return writtenJson();
  }

  private synchronized String writtenJson() {
    if (writtenJson == null) {
      writtenJson = Json.writeDeconstructed(operationSource.get());
    }
    return writtenJson;
  }

  /** The checksum as the index stores it, so that reading it hashes nothing. */
  synchronized void presetChecksum(String stored) {
    checksum = stored;
  }

  /**
   * The checksum a migration's history row records ({@link MigrationChecksum}), computed once: from
   * the index's text where the migration came from the index, so nothing is decoded.
   */
  public synchronized String checksum() {
    if (checksum == null) {
      checksum = MigrationChecksum.whole(this);
    }
    return checksum;
  }

  /** The operations, decoded once. */
  public synchronized List<Operation> operations() {
    if (operations == null) {
      operations = List.copyOf(Operations.reconstruct(operationSource.get()));
    }
    return operations;
  }

  /** Applies every operation's state change to {@code state} in place. */
  public void mutateState(ProjectState state) {
    for (Operation op : operations()) {
      op.stateForwards(key.app(), state);
    }
  }

  /** The {@code @Migration} annotation form (without operations, which are separate). */
  public Deconstructed deconstruct() {
    return Deconstructed.builder("Migration")
        .put("app", key.app())
        .put("name", key.name())
        .children("dependencies", dependencies.stream().map(MigrationDefinition::dep).toList())
        .children("replaces", replaces.stream().map(MigrationDefinition::dep).toList())
        .children("runBefore", runBefore.stream().map(MigrationDefinition::dep).toList())
        .bool("initial", initial, false)
        .bool("atomic", atomic, true)
        .string("mysqlOnlineDdl", onlineDdl == null ? null : onlineDdl ? "ON" : "OFF")
        .children("operations", operationSource.get())
        .build();
  }

  /**
   * The inverse of {@link #deconstruct}: the migration that a {@code @Migration} annotation (read
   * by the processor from sources, class files or jars) declares, for class {@code className}.
   */
  public static MigrationDefinition reconstruct(Deconstructed d, String className) {
    List<Deconstructed> operations = d.children("operations");
    MigrationDefinition m =
        new MigrationDefinition(
            new MigrationKey(d.string("app", ""), d.string("name", "")),
            className,
            keys(d.children("dependencies")),
            keys(d.children("replaces")),
            keys(d.children("runBefore")),
            d.bool("initial", false),
            d.bool("atomic", true),
            () -> operations);
    String online = d.string("mysqlOnlineDdl", "DEFAULT");
    m.onlineDdl(
        online.equals("ON") ? Boolean.TRUE : online.equals("OFF") ? Boolean.FALSE : null, false);
    return m;
  }

  private static List<MigrationKey> keys(List<Deconstructed> deps) {
    List<MigrationKey> keys = new ArrayList<>(deps.size());
    for (Deconstructed x : deps) {
      keys.add(new MigrationKey(x.string("app", ""), x.string("name", "")));
    }
    return Collections.unmodifiableList(keys);
  }

  private static Deconstructed dep(MigrationKey k) {
    return Deconstructed.builder("Dependency").put("app", k.app()).put("name", k.name()).build();
  }

  @Override
  public String toString() {
    return key.toString();
  }
}
