package dev.migrata.internal.migration;

/** A migration's identity: {@code (app, name)}, printed as {@code app.name}. */
public record MigrationKey(String app, String name) implements Comparable<MigrationKey> {
  @Override
  public int compareTo(MigrationKey o) {
    int c = app.compareTo(o.app);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return app + "." + name;
  }
}
