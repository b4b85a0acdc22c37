package dev.migrata;

import dev.migrata.internal.migration.Json;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.Operations;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Migrations built from real operations, with a counter of how often operations are decoded. */
public final class Fixtures {
  /** Incremented whenever a fixture migration's operations are asked for. */
  public static final AtomicInteger DECODES = new AtomicInteger();

  private Fixtures() {}

  public static MigrationKey key(String app, String name) {
    return new MigrationKey(app, name);
  }

  public static Builder migration(String app, String name) {
    return new Builder(app, name);
  }

  /** A migration under construction. */
  public static final class Builder {
    private final String app;
    private final String name;
    private final List<MigrationKey> deps = new ArrayList<>();
    private final List<MigrationKey> replaces = new ArrayList<>();
    private final List<MigrationKey> runBefore = new ArrayList<>();
    private boolean atomic = true;
    private String className;

    Builder(String app, String name) {
      this.app = app;
      this.name = name;
    }

    public Builder dependsOn(String depApp, String depName) {
      deps.add(key(depApp, depName));
      return this;
    }

    public Builder runBefore(String app2, String name2) {
      runBefore.add(key(app2, name2));
      return this;
    }

    public Builder replaces(String app2, String name2) {
      replaces.add(key(app2, name2));
      return this;
    }

    public Builder atomic(boolean value) {
      atomic = value;
      return this;
    }

    /** The migration class (where RunJava methods live). */
    public Builder className(String value) {
      className = value;
      return this;
    }

    public MigrationDefinition ops(Operation... operations) {
      List<Deconstructed> decon = Operations.deconstruct(Arrays.asList(operations));
      return new MigrationDefinition(
          key(app, name),
          className != null ? className : "test." + app + ".M" + name,
          deps,
          replaces,
          runBefore,
          deps.stream().noneMatch(d -> d.app().equals(app)),
          atomic,
          () -> {
            DECODES.incrementAndGet();
            return decon;
          },
          // As the index holds them: a checksum needs no decoding.
          Json.writeDeconstructed(decon));
    }
  }

  public static FieldState id() {
    return FieldState.autoId();
  }

  public static FieldState chars(String name, int maxLength) {
    return FieldState.builder(name, "CharField").maxLength(maxLength).build();
  }

  public static FieldState integer(String name) {
    return FieldState.builder(name, "IntegerField").build();
  }

  public static FieldState fk(String name, String to, String onDelete) {
    return FieldState.builder(name, "ForeignKey").to(to).onDelete(onDelete).index(true).build();
  }

  public static CreateModel createModel(String app, String name, FieldState... fields) {
    return CreateModel.of(ModelState.of(app, name, List.of(fields)));
  }

  /** library: 0001 Author + Book(author FK), 0002 Book.rating default 0, 0003 raw SQL data. */
  public static List<MigrationDefinition> library() {
    return List.of(
        migration("library", "0001_initial")
            .ops(
                createModel("library", "Author", id(), chars("name", 100)),
                createModel(
                    "library",
                    "Book",
                    id(),
                    chars("title", 200),
                    fk("author", "library.author", "CASCADE"))),
        migration("library", "0002_book_rating")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField(
                    "book", FieldState.builder("rating", "IntegerField").defaultValue("0").build(),
                    true)),
        migration("library", "0003_data")
            .dependsOn("library", "0002_book_rating")
            .ops(
                new RunSql(
                    List.of("INSERT INTO library_author (name) VALUES ('Ann')"),
                    List.of("DELETE FROM library_author WHERE name = 'Ann'"),
                    false)));
  }

  /** shop: 0001 Order(book FK to library), depends on library 0002. */
  public static List<MigrationDefinition> shop() {
    return List.of(
        migration("shop", "0001_initial")
            .dependsOn("library", "0002_book_rating")
            .ops(
                createModel(
                    "shop", "Order", id(), fk("book", "library.book", "PROTECT"),
                    integer("quantity"))));
  }

  public static List<MigrationDefinition> plus(
      List<MigrationDefinition> a, List<MigrationDefinition> b) {
    List<MigrationDefinition> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
