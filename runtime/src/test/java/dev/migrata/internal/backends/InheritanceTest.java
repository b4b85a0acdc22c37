package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.state.FieldState;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Multi-table inheritance and proxy models on every backend, with the operations the processor
 * writes for them (golden/inheritance/M0001_initial.java): the child's table holds its own columns
 * keyed by {@code place_ptr_id}, rows are read through both tables, deleting the parent row deletes
 * the child's, and a proxy has no table and no SQL.
 */
class InheritanceTest extends OnEveryBackend {
  static final FieldState PLACE_PTR =
      FieldState.builder("place_ptr", "OneToOneField")
          .primaryKey(true)
          .to("places.place")
          .onDelete("CASCADE")
          .parentLink(true)
          .build();

  static List<MigrationDefinition> places() {
    return List.of(
        migration("places", "0001_initial")
            .ops(
                new CreateModel(
                    "Place",
                    List.of(id(), chars("name", 50)),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    true),
                new CreateModel(
                    "Restaurant",
                    List.of(
                        PLACE_PTR,
                        FieldState.builder("servesPizza", "BooleanField")
                            .defaultValue("false")
                            .build()),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    true,
                    List.of("places.place"),
                    false),
                new CreateModel(
                    "OrderedPlace",
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    true,
                    List.of("places.place"),
                    true)));
  }

  private Migrata migrata(List<MigrationDefinition> migrations) {
    return db.configure(migrations).load();
  }

  private List<String> tables() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.open();
        ResultSet rs =
            c.getMetaData().getTables(c.getCatalog(), null, "places%", new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private List<String> columns(String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.open()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getColumns(c.getCatalog(), null, table, null)) {
        while (rs.next()) {
          out.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return out;
  }

  private List<String> primaryKey(String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.open();
        ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), null, table)) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME"));
      }
    }
    return out;
  }

  @Test
  void childTableIsKeyedByTheParentLinkAndProxyHasNone() throws Exception {
    migrata(places()).migrate();

    assertThat(tables()).contains("places_place", "places_restaurant");
    assertThat(tables()).doesNotContain("places_orderedplace");
    assertThat(columns("places_restaurant")).containsExactly("place_ptr_id", "serves_pizza");
    assertThat(primaryKey("places_restaurant")).containsExactly("place_ptr_id");
  }

  @Test
  void rowsAreReadThroughBothTablesAndDeletedWithTheParent() throws Exception {
    migrata(places()).migrate();
    String yes = kind == Db.Kind.POSTGRES ? "true" : "1";
    db.exec(
        "INSERT INTO places_place (name) VALUES ('Luigi')",
        "INSERT INTO places_place (name)" + " VALUES ('Park')");
    db.exec(
        "INSERT INTO places_restaurant (place_ptr_id, serves_pizza) SELECT id, "
            + yes
            + " FROM places_place WHERE name = 'Luigi'");

    assertThat(
            db.rows(
                "SELECT p.name FROM places_restaurant r JOIN places_place p"
                    + " ON p.id = r.place_ptr_id"))
        .containsExactly("Luigi");
    // Every restaurant is a place; not every place a restaurant.
    assertThat(
            db.rows(
                "SELECT p.name FROM places_place p LEFT JOIN places_restaurant r"
                    + " ON r.place_ptr_id = p.id WHERE r.place_ptr_id IS NULL"))
        .containsExactly("Park");

    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      if (kind == Db.Kind.SQLITE) {
        st.execute("PRAGMA foreign_keys = ON");
      }
      // The link is a real foreign key: no restaurant without its place.
      assertThatThrownBy(
              () ->
                  st.execute(
                      "INSERT INTO places_restaurant (place_ptr_id, serves_pizza)"
                          + " VALUES (999, "
                          + yes
                          + ")"))
          .isInstanceOf(SQLException.class);
      // on_delete=CASCADE reaches the database (SPEC section 5).
      st.execute("DELETE FROM places_place WHERE name = 'Luigi'");
    }
    assertThat(db.rows("SELECT COUNT(*) FROM places_restaurant")).containsExactly("0");
  }

  @Test
  void renamedParentAndDeletedFamilyFollowTheProcessorsOperations() throws Exception {
    List<MigrationDefinition> migrations = new ArrayList<>(places());
    // golden/inheritance/M0002_rename_place_venue_and_more.java
    migrations.add(
        migration("places", "0002_rename_place_venue_and_more")
            .dependsOn("places", "0001_initial")
            .ops(
                new RenameModel("Place", "Venue"),
                new RenameField("restaurant", "place_ptr", "venue_ptr")));
    migrata(migrations).migrate();
    assertThat(tables()).contains("places_venue", "places_restaurant");
    assertThat(columns("places_restaurant")).containsExactly("venue_ptr_id", "serves_pizza");
    db.exec("INSERT INTO places_venue (name) VALUES ('Luigi')");
    db.exec(
        "INSERT INTO places_restaurant (venue_ptr_id, serves_pizza) SELECT id, "
            + (kind == Db.Kind.POSTGRES ? "true" : "1")
            + " FROM places_venue");
    assertThat(
            db.rows(
                "SELECT v.name FROM places_restaurant r JOIN places_venue v"
                    + " ON v.id = r.venue_ptr_id"))
        .containsExactly("Luigi");

    // The child goes first, as a whole; then its parent (and the proxy, which has no table).
    migrations.add(
        migration("places", "0003_delete_restaurant_delete_venue_and_more")
            .dependsOn("places", "0002_rename_place_venue_and_more")
            .ops(
                new DeleteModel("Restaurant"),
                new DeleteModel("Venue"),
                new DeleteModel("OrderedPlace")));
    migrata(migrations).migrate();
    assertThat(tables()).isEmpty();
    migrata(migrations).migrate("places", "zero");
    assertThat(tables()).isEmpty();
  }

  @Test
  void proxyOperationsRunNoSqlAndEverythingUnapplies() throws Exception {
    List<MigrationDefinition> migrations = new ArrayList<>(places());
    migrations.add(
        migration("places", "0002_delete_orderedplace")
            .dependsOn("places", "0001_initial")
            .ops(new DeleteModel("OrderedPlace")));
    Migrata migrata = migrata(migrations);
    String forwards = migrata.sqlMigrate("places", "0001_initial", false);
    assertThat(forwards.toLowerCase(Locale.ROOT))
        .contains("places_restaurant")
        .contains("create proxy model orderedplace\n--\n-- (no-op)")
        .doesNotContain("places_orderedplace");
    assertThat(migrata.sqlMigrate("places", "0002_delete_orderedplace", false))
        .doesNotContainIgnoringCase("DROP");

    migrata.migrate();
    migrata(migrations).migrate("places", "zero");
    assertThat(tables()).isEmpty();
  }
}
