package dev.migrata.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationIndexTest {
  private static final String CREATE =
      "[{\"@\":\"Op\",\"kind\":\"CREATE_MODEL\",\"name\":\"Book\",\"fields\":[{\"@\":\"FieldDef\","
          + "\"name\":\"id\",\"type\":\"BigAutoField\",\"primaryKey\":true}]}]";
  private static final String ADD =
      "[{\"@\":\"Op\",\"kind\":\"ADD_FIELD\",\"model\":\"book\",\"field\":[{\"@\":\"FieldDef\","
          + "\"name\":\"title\",\"type\":\"IntegerField\",\"nullable\":true}]}]";

  private static MigrationDefinition migration(
      String name, List<MigrationKey> deps, boolean initial, String json) {
    return new MigrationDefinition(
        new MigrationKey("library", name),
        "library.migrations.M" + name,
        deps,
        List.of(),
        List.of(),
        initial,
        true,
        () -> Json.readDeconstructed(json),
        null);
  }

  private static List<MigrationDefinition> history() {
    return List.of(
        migration("0001_initial", List.of(), true, CREATE),
        migration("0002_title", List.of(new MigrationKey("library", "0001_initial")), false, ADD));
  }

  @Test
  void theIndexStoresEachChecksumSoReadingItHashesNothing() {
    String text = MigrationIndex.write(history());
    assertThat(text).startsWith(MigrationIndex.HEADER + "\n");
    List<MigrationDefinition> read = MigrationIndex.read(text, "test");
    for (int i = 0; i < read.size(); i++) {
      assertThat(read.get(i).checksum()).isEqualTo(history().get(i).checksum());
      assertThat(read.get(i).deconstructedOperations())
          .isEqualTo(history().get(i).deconstructedOperations());
    }
    // The stored value is what the reader returns: it does not hash the line again.
    String forged = text.replace(history().get(1).checksum(), "0123456789abcdef");
    assertThat(MigrationIndex.read(forged, "test").get(1).checksum()).isEqualTo("0123456789abcdef");
  }

  @Test
  void aVersionOneIndexWithoutChecksumsStaysReadable() {
    StringBuilder v1 = new StringBuilder(MigrationIndex.HEADER_V1).append('\n');
    for (MigrationDefinition m : history()) {
      String line = MigrationIndex.write(List.of(m)).split("\n")[1];
      String[] parts = line.split("\t", 9);
      // Version 1 had no checksum column (the eighth of version 2).
      v1.append(String.join("\t", List.of(parts).subList(0, 7)))
          .append('\t')
          .append(parts[8])
          .append('\n');
    }
    List<MigrationDefinition> read = MigrationIndex.read(v1.toString(), "old index");
    assertThat(read).hasSize(2);
    assertThat(read.get(1).key()).isEqualTo(new MigrationKey("library", "0002_title"));
    assertThat(read.get(1).dependencies())
        .containsExactly(new MigrationKey("library", "0001_initial"));
    assertThat(read.get(0).initial()).isTrue();
    assertThat(read.get(1).checksum()).isEqualTo(history().get(1).checksum());
    assertThat(read.get(1).deconstructedOperations())
        .isEqualTo(history().get(1).deconstructedOperations());
  }

  @Test
  void anIndexInADirectoryAndInAJarLoadsWithItsOperationsAsWritten(@TempDir Path dir)
      throws Exception {
    // A non-ASCII name and a comment line: the byte-level reader decodes UTF-8 per column.
    List<MigrationDefinition> written =
        List.of(
            migration("0001_initial", List.of(), true, CREATE),
            migration(
                "0002_títle", List.of(new MigrationKey("library", "0001_initial")), false, ADD));
    String text = MigrationIndex.write(written).replace("\n", "\n# comment\n\n");
    Path classes = dir.resolve("classes");
    Path file = classes.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Path jar = dir.resolve("index.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(MigrationIndex.RESOURCE));
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    for (Path root : List.of(classes, jar)) {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
        List<MigrationDefinition> read = MigrationIndex.load(loader);
        assertThat(read).hasSize(2);
        assertThat(read.get(1).name()).isEqualTo("0002_títle");
        assertThat(read.get(1).className()).isEqualTo("library.migrations.M0002_títle");
        assertThat(read.get(1).dependencies())
            .containsExactly(new MigrationKey("library", "0001_initial"));
        for (int i = 0; i < 2; i++) {
          assertThat(read.get(i).operationsJson()).isEqualTo(written.get(i).operationsJson());
          assertThat(read.get(i).checksum()).isEqualTo(written.get(i).checksum());
          assertThat(read.get(i).deconstructedOperations())
              .isEqualTo(written.get(i).deconstructedOperations());
        }
      }
    }
  }
}
