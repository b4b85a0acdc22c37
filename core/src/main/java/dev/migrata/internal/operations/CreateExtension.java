package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/**
 * Django's {@code CreateExtension}: {@code CREATE EXTENSION IF NOT EXISTS} on PostgreSQL, backwards
 * {@code DROP EXTENSION IF EXISTS}; no state effect; other backends skip it. Django's named
 * subclasses ({@code HStoreExtension}, ...) are this operation with a fixed name: the factories
 * below, and {@code @Op(kind = CREATE_EXTENSION, name = "hstore")} in a migration.
 */
public record CreateExtension(String name) implements Operation {
  /** Django's {@code BtreeGinExtension}. */
  public static CreateExtension btreeGin() {
    return new CreateExtension("btree_gin");
  }

  /** Django's {@code BtreeGistExtension}. */
  public static CreateExtension btreeGist() {
    return new CreateExtension("btree_gist");
  }

  /** Django's {@code CITextExtension}. */
  public static CreateExtension citext() {
    return new CreateExtension("citext");
  }

  /** Django's {@code CryptoExtension}. */
  public static CreateExtension crypto() {
    return new CreateExtension("pgcrypto");
  }

  /** Django's {@code HStoreExtension}. */
  public static CreateExtension hstore() {
    return new CreateExtension("hstore");
  }

  /** Django's {@code TrigramExtension}. */
  public static CreateExtension trigram() {
    return new CreateExtension("pg_trgm");
  }

  /** Django's {@code UnaccentExtension}. */
  public static CreateExtension unaccent() {
    return new CreateExtension("unaccent");
  }

  @Override
  public void stateForwards(String app, ProjectState state) {}

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.createExtension(name);
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.dropExtension(name);
  }

  @Override
  public String describe() {
    return "Creates extension " + name;
  }

  @Override
  public String nameFragment() {
    return "create_extension_" + name;
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.CREATE_EXTENSION.form().put("name", name).build();
  }
}
