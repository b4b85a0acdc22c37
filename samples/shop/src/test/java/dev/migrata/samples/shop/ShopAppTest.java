package dev.migrata.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Applies the shop's generated history (a cross-app cycle, many-to-many with and without a
 * through model, one-to-one, a custom field type) and unapplies it again, on a fresh database of
 * each backend (PostgreSQL and MariaDB on the local servers; skipped off CI when they are down).
 */
class ShopAppTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void appliesTheGeneratedHistoryAndUnappliesIt(Db.Kind kind) throws SQLException {
    try (Db db = Db.create(kind, dir)) {
      List<String> applied =
          ShopApp.migrate(db.url, null, null).stream().map(m -> m.key().toString()).toList();
      assertThat(applied)
          .containsExactly(
              "accounts.0001_initial",
              "partners.0001_initial",
              "products.0001_initial",
              "partners.0002_initial",
              "partners.0003_alter_supplier_table_comment_customer_favourites_and_more",
              "products.0002_bundle_bundleitem_product_description_and_more",
              "products.0003_remove_bundleitem_products_bu_bundle__70ca37_uniq_and_more",
              "venues.0001_initial");
      if (kind != Db.Kind.SQLITE) {
        // Renamed by 0003 to the name Django gives the unique_together.
        assertThat(db.indexes("products_bundleitem"))
            .contains("products_bundleitem_bundle_id_product_id_cf378579_uniq");
      }

      assertThat(db.columns("products_product"))
          .containsExactlyInAnyOrder("id", "name", "price", "supplier_id", "description");
      assertThat(db.columns("products_product_tags"))
          .containsExactlyInAnyOrder("id", "product_id", "tag_id");
      assertThat(db.columns("partners_customer_referrals"))
          .containsExactlyInAnyOrder("id", "from_customer_id", "to_customer_id");
      assertThat(db.columns("partners_favourites"))
          .containsExactlyInAnyOrder("id", "customer_id", "product_id");
      assertThat(db.columns("partners_vendor")).containsExactlyInAnyOrder("id", "name", "featured_id");
      assertThat(db.columns("partners_supplier")).isEmpty();
      assertThat(db.columns("products_bundle_items")).as("a through model owns the rows").isEmpty();
      assertThat(db.columns("products_bundleitem"))
          .containsExactlyInAnyOrder("id", "bundle_id", "product_id", "quantity");

      db.exec(
          "INSERT INTO partners_vendor (name) VALUES ('Acme')",
          "INSERT INTO products_product (name, price, supplier_id) VALUES ('Anvil', 12.50, 1)",
          "UPDATE partners_vendor SET featured_id = 1",
          "INSERT INTO products_tag (name) VALUES ('heavy')",
          "INSERT INTO products_product_tags (product_id, tag_id) VALUES (1, 1)",
          "INSERT INTO partners_customer (name) VALUES ('Wile')",
          "INSERT INTO partners_profile (customer_id, joined) VALUES (1, '2024-01-01')");
      assertThatThrownBy(
              () -> db.exec("INSERT INTO products_product_tags (product_id, tag_id) VALUES (1, 1)"))
          .as("the join table's pair is unique")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  db.exec(
                      "INSERT INTO partners_profile (customer_id, joined) VALUES (1, '2024-01-02')"))
          .as("a one-to-one is a unique foreign key")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  db.exec(
                      "INSERT INTO products_product (name, price, supplier_id) VALUES ('x', -1, 1)"))
          .as("the check constraint")
          .isInstanceOf(SQLException.class);
      assertThat(db.rows("SELECT price FROM products_product")).hasSize(1);
      assertThat(new java.math.BigDecimal(db.rows("SELECT price FROM products_product").get(0)))
          .isEqualByComparingTo("12.50");

      assertThat(ShopApp.migrate(db.url, null, null)).isEmpty();

      db.configure().load().migrate("partners", "zero");
      for (String table :
          List.of(
              "products_product",
              "products_product_tags",
              "partners_vendor",
              "partners_favourites",
              "partners_customer_referrals",
              "products_bundleitem")) {
        assertThat(db.columns(table)).as(table + " after unapplying").isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void sqlmigrateShowsTheCustomColumnTypeOfEachBackendAndTheJoinTable(Db.Kind kind)
      throws SQLException {
    try (Db db = Db.create(kind, dir)) {
      String sql = db.configure().load().sqlMigrate("products", "0001_initial", false);
      String price =
          switch (kind) {
            case SQLITE -> "\"price\" decimal(12, 2) NOT NULL";
            case POSTGRES -> "\"price\" numeric(12, 2) NOT NULL";
            case MARIADB -> "`price` decimal(12, 2) NOT NULL";
          };
      String joinTable =
          kind == Db.Kind.MARIADB
              ? "CREATE TABLE `products_product_tags`"
              : "CREATE TABLE \"products_product_tags\"";
      assertThat(sql).contains(price, joinTable);
    }
  }
}
