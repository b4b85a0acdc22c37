package dev.migrata.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The venues app's generated history (multi-table inheritance, a proxy, generated columns) applied
 * and unapplied on a fresh database of each backend.
 */
class VenuesTest {
  @TempDir Path dir;

  /** Columns in order; SQLite's table_info hides generated columns, table_xinfo does not. */
  private static List<String> columns(Db db, String table) throws SQLException {
    return db.kind == Db.Kind.SQLITE
        ? db.rows("SELECT name FROM pragma_table_xinfo('" + table + "')")
        : db.columns(table);
  }

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void restaurantsArePlacesAndTheDatabaseComputesTotals(Db.Kind kind) throws SQLException {
    try (Db db = Db.create(kind, dir)) {
      ShopApp.migrate(db.url, null, null);

      assertThat(db.columns("venues_place")).containsExactly("id", "name", "address");
      assertThat(columns(db, "venues_restaurant"))
          .containsExactly("place_ptr_id", "serves_pizza", "seats", "covers_per_night");
      assertThat(db.columns("venues_landmark")).as("a proxy has no table").isEmpty();
      assertThat(columns(db, "venues_booking"))
          .containsExactly("id", "guests", "price_per_guest", "total", "restaurant_id");

      String yes = kind == Db.Kind.POSTGRES ? "true" : "1";
      db.exec(
          "INSERT INTO venues_place (name) VALUES ('Luigi')",
          "INSERT INTO venues_restaurant (place_ptr_id, serves_pizza, seats) SELECT id, "
              + yes
              + ", 30 FROM venues_place",
          "INSERT INTO venues_booking (restaurant_id, guests, price_per_guest) SELECT"
              + " place_ptr_id, 4, 12.50 FROM venues_restaurant");
      assertThat(
              db.rows(
                  "SELECT p.name, r.covers_per_night FROM venues_restaurant r"
                      + " JOIN venues_place p ON p.id = r.place_ptr_id"))
          .containsExactly("Luigi|60");
      assertThat(new BigDecimal(db.rows("SELECT total FROM venues_booking").get(0)))
          .isEqualByComparingTo("50");
      assertThatThrownBy(() -> db.exec("UPDATE venues_booking SET total = 1"))
          .as("a generated column is computed, never written")
          .isInstanceOf(SQLException.class);

      db.configure().load().migrate("venues", "zero");
      assertThat(db.columns("venues_place")).isEmpty();
      assertThat(db.columns("venues_restaurant")).isEmpty();
      assertThat(db.columns("venues_booking")).isEmpty();
    }
  }
}
