package dev.migrata.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.state.Deconstructed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MigrationDefinition#withOperations}: the processor's {@code DeclaredOrder} indexes a
 * migration just written with its operations reordered; nothing else of it may be lost on the way,
 * the online-DDL settings (set after construction) included.
 */
class MigrationDefinitionWithOperationsTest {
  private static final String OPS = "[{\"@\":\"Op\",\"kind\":\"RUN_SQL\",\"sql\":[\"SELECT 1\"]}]";
  private static final String OTHER =
      "[{\"@\":\"Op\",\"kind\":\"RUN_SQL\",\"sql\":[\"SELECT 2\"]}]";

  private static MigrationDefinition migration(Boolean own, boolean app) {
    MigrationDefinition m =
        new MigrationDefinition(
            new MigrationKey("library", "0003_more"),
            "library.migrations.M0003_more",
            List.of(new MigrationKey("library", "0002_title")),
            List.of(new MigrationKey("library", "0001_initial")),
            List.of(new MigrationKey("shop", "0001_initial")),
            true,
            false,
            () -> Json.readDeconstructed(OPS));
    m.onlineDdl(own, app);
    return m;
  }

  @Test
  void keepsEverythingButTheOperations() {
    MigrationDefinition m = migration(Boolean.FALSE, true);
    List<Deconstructed> other = Json.readDeconstructed(OTHER);

    MigrationDefinition copy = m.withOperations(other);

    assertThat(copy.key()).isEqualTo(m.key());
    assertThat(copy.className()).isEqualTo(m.className());
    assertThat(copy.dependencies()).isEqualTo(m.dependencies());
    assertThat(copy.replaces()).isEqualTo(m.replaces());
    assertThat(copy.runBefore()).isEqualTo(m.runBefore());
    assertThat(copy.initial()).isTrue();
    assertThat(copy.atomic()).isFalse();
    assertThat(copy.ownOnlineDdl()).isFalse();
    assertThat(copy.appOnlineDdl()).isTrue();
    assertThat(copy.deconstructedOperations()).isEqualTo(other);
    assertThat(copy.operationsJson()).contains("SELECT 2").doesNotContain("SELECT 1");
    assertThat(m.operationsJson()).contains("SELECT 1");
  }

  @Test
  void keepsADefaultOnlineDdlAsDefault() {
    MigrationDefinition copy = migration(null, false).withOperations(Json.readDeconstructed(OPS));

    assertThat(copy.ownOnlineDdl()).isNull();
    assertThat(copy.appOnlineDdl()).isFalse();
    assertThat(copy.mysqlOnlineDdl(true)).isTrue();
    assertThat(copy.mysqlOnlineDdl(false)).isFalse();
  }
}
