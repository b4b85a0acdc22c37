package dev.migrata.test;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A class path holding only a migration index, as the processor writes one into a build. */
final class KitFixtures {
  private KitFixtures() {}

  static ClassLoader indexed(Path dir, List<MigrationDefinition> migrations) throws IOException {
    Path classes = Files.createTempDirectory(dir, "classes");
    Path index = classes.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, MigrationIndex.write(migrations));
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, KitFixtures.class.getClassLoader());
  }
}
