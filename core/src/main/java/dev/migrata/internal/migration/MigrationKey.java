package dev.migrata.internal.migration;

/** A migration's identity: {@code (app, name)}, printed as {@code app.name}. */
public record MigrationKey(String app, String name) implements Comparable<MigrationKey> {
  @Override
  public int compareTo(MigrationKey o) {
    int c = app.compareTo(o.app);
    return c != 0 ? c : name.compareTo(o.name);
  }

  // equals and hashCode by hand: a record's generated ones are bootstrapped through
  // java.lang.invoke on first use, which in a cold JVM cost a quarter of a no-op startup
  // (bench/README.md, JFR). Same contract as the generated ones.
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof MigrationKey k && app.equals(k.app) && name.equals(k.name));
  }

  @Override
  public int hashCode() {
    return 31 * app.hashCode() + name.hashCode();
  }

  @Override
  public String toString() {
    return app + "." + name;
  }
}
