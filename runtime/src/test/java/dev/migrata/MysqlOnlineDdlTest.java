package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mysqlOnlineDdl(true)} on MariaDB (issue 10): INSTANT where the server supports it, INPLACE
 * without locks elsewhere, and a change that would copy the table is refused; by configuration, by
 * app ({@code @App(mysqlOnlineDdl = true)}, carried by the index) and by migration.
 */
class MysqlOnlineDdlTest {
  @TempDir Path dir;
  private Db db;

  @AfterEach
  void drop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        migration("library", "0004_title_idx")
            .dependsOn("library", "0003_data")
            .ops(
                new AddIndex(
                    "book", new IndexState("book_title_idx", List.of("title"), false, null))));
    all.add(
        migration("library", "0005_rating_text")
            .dependsOn("library", "0004_title_idx")
            .ops(new AlterField("book", FieldState.builder("rating", "TextField").build(), true)));
    return all;
  }

  @Test
  void onMariadbTheServerDoesItOnlineOrRefuses() throws Exception {
    db = Db.create(Db.Kind.MARIADB, dir);
    Migrata online = db.configure(migrations()).mysqlOnlineDdl(true).load();
    assertThat(online.sqlMigrate("library", "0002", false))
        .contains("ADD COLUMN `rating` integer DEFAULT 0 NOT NULL, ALGORITHM=INSTANT;");
    assertThat(online.sqlMigrate("library", "0003", false))
        .contains("INSERT INTO library_author (name) VALUES ('Ann');")
        .doesNotContain("ALGORITHM");
    assertThat(online.sqlMigrate("library", "0004", false))
        .contains(
            "CREATE INDEX `book_title_idx` ON `library_book` (`title`) ALGORITHM=INPLACE"
                + " LOCK=NONE;");
    assertThat(online.sqlMigrate("library", "0005", false))
        .contains(", ALGORITHM=INPLACE, LOCK=NONE;");
    Migrata plain = db.configure(migrations()).load();
    assertThat(plain.sqlMigrate("library", "0004", false)).doesNotContain("ALGORITHM");

    online.migrate("library", "0004");
    assertThat(db.columns("library_book")).contains("rating");
    assertThat(db.indexes("library_book")).contains("book_title_idx");
    // integer -> longtext rewrites every row: MariaDB refuses it in place, and nothing changes
    assertThatThrownBy(() -> online.migrate("library", "0005"))
        .hasMessageContaining("ALGORITHM=INPLACE is not supported");
    assertThat(db.history()).doesNotContain("library.0005_rating_text");
    plain.migrate("library", "0005"); // without the option the server copies the table
    assertThat(db.history()).contains("library.0005_rating_text");
  }

  /** {@code m} with its own {@code @Migration(mysqlOnlineDdl = value)}. */
  private static MigrationDefinition own(MigrationDefinition m, String value) {
    Map<String, Object> values = new LinkedHashMap<>(m.deconstruct().values());
    values.put("mysqlOnlineDdl", value);
    return MigrationDefinition.reconstruct(new Deconstructed("Migration", values), m.className());
  }

  /**
   * The migrations as the processor indexes them for an app with {@code @App(mysqlOnlineDdl =
   * true)}, 0005 saying {@code OFF} for itself.
   */
  private static List<MigrationDefinition> onlineApp() {
    List<MigrationDefinition> all = new ArrayList<>(migrations());
    all.set(4, own(all.get(4), "OFF"));
    return MigrationIndex.read(MigrationIndex.write(all, Set.of("library")), "test index");
  }

  @Test
  void onMariadbTheAppAndTheMigrationDecideWithTheConfiguration() throws Exception {
    db = Db.create(Db.Kind.MARIADB, dir);
    // The app asks for online DDL: on without any configuration.
    Migrata app = db.configure(onlineApp()).load();
    assertThat(app.sqlMigrate("library", "0004", false))
        .contains("(`title`) ALGORITHM=INPLACE LOCK=NONE;");
    // 0005 says OFF for itself: no clause even when the configuration turns it on.
    Migrata configured = db.configure(onlineApp()).mysqlOnlineDdl(true).load();
    assertThat(configured.sqlMigrate("library", "0005", false)).doesNotContain("ALGORITHM");

    configured.migrate("library", "0004");
    assertThat(db.indexes("library_book")).contains("book_title_idx");
    // The server copies the table for 0005, as it said: OFF wins over the configuration.
    configured.migrate("library", "0005");
    assertThat(db.history()).contains("library.0005_rating_text");

    // A migration's own ON needs neither the app nor the configuration.
    List<MigrationDefinition> plain = new ArrayList<>(migrations());
    plain.set(3, own(plain.get(3), "ON"));
    Migrata own = db.configure(plain).load();
    assertThat(own.sqlMigrate("library", "0004", false)).contains("ALGORITHM=INPLACE LOCK=NONE;");
    assertThat(own.sqlMigrate("library", "0002", false)).doesNotContain("ALGORITHM");
  }
}
