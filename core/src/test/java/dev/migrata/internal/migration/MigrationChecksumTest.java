package dev.migrata.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a checksum covers (issue 10): {@code @Op(safetyAssured)} only silences the compile-time
 * lint, so adding or changing the reason of an applied operation is no change, in the index's
 * stored hash (what the processor writes) and in the history row's value (what the runtime records)
 * alike; a change of what the operation does still is one.
 */
class MigrationChecksumTest {
  private static final String ADD_INDEX =
      "{\"@\":\"Op\",\"kind\":\"ADD_INDEX\",\"model\":\"book\",\"index\":[{\"@\":\"IndexDef\","
          + "\"name\":\"book_title_idx\",\"fields\":[\"title\"]}]%s}";

  private static MigrationDefinition migration(String... ops) {
    String json = "[" + String.join(",", ops) + "]";
    return new MigrationDefinition(
        new MigrationKey("library", "0002_title_idx"),
        "library.migrations.M0002",
        List.of(new MigrationKey("library", "0001_initial")),
        List.of(),
        List.of(),
        false,
        true,
        () -> Json.readDeconstructed(json),
        null);
  }

  private static String addIndex(String more) {
    return ADD_INDEX.formatted(more);
  }

  private static final String SQL = "{\"@\":\"Op\",\"kind\":\"RUN_SQL\",\"sql\":[\"SELECT 1\"]}";

  @Test
  void aSafetyReasonIsNotPartOfTheChecksum() {
    MigrationDefinition plain = migration(addIndex(""), SQL);
    MigrationDefinition assured =
        migration(addIndex(",\"safetyAssured\":\"a small table, written at night\""), SQL);

    assertThat(assured.operationsJson()).contains("safetyAssured");
    assertThat(assured.checksum()).isEqualTo(plain.checksum());
    assertThat(MigrationChecksum.of(assured)).isEqualTo(MigrationChecksum.of(plain));
    assertThat(MigrationChecksum.matches(MigrationChecksum.of(plain), assured)).isTrue();
  }

  @Test
  void theIndexStoresTheSameHashWithOrWithoutTheReason() {
    MigrationDefinition plain = migration(addIndex(""));
    MigrationDefinition assured = migration(addIndex(",\"safetyAssured\":\"checked\""));
    // The processor writes the index; the runtime reads the stored hash and hashes nothing.
    MigrationDefinition read =
        MigrationIndex.read(MigrationIndex.write(List.of(assured)), "test").get(0);

    assertThat(read.operationsJson()).contains("safetyAssured");
    assertThat(read.checksum()).isEqualTo(plain.checksum());
    assertThat(MigrationChecksum.of(read)).isEqualTo(MigrationChecksum.of(plain));
  }

  @Test
  void whatTheOperationDoesStillCounts() {
    MigrationDefinition assured = migration(addIndex(",\"safetyAssured\":\"checked\""));
    MigrationDefinition changed =
        migration(addIndex(",\"safetyAssured\":\"checked\"").replace("title", "name"));

    assertThat(changed.checksum()).isNotEqualTo(assured.checksum());
    assertThat(MigrationChecksum.difference(MigrationChecksum.of(assured), changed))
        .startsWith("operation 1 (");
  }
}
