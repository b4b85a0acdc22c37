package dev.migrata.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
