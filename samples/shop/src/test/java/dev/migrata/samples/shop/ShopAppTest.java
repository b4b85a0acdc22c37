package dev.migrata.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Migrata;
import dev.migrata.PlannedMigration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies the shop's generated history (a cross-app cycle, many-to-many with and without a
 * through model, one-to-one, a custom field type) and unapplies it again.
 *
 * <p>The database is SQLite in a temporary file unless {@code -Dshop.jdbcUrl=...} (with {@code
 * -Dshop.user}/{@code -Dshop.password}) or {@code MIGRATA_URL}/{@code MIGRATA_USER}/{@code
 * MIGRATA_PASSWORD} name another one (an empty PostgreSQL or MariaDB database), so the same test
 * runs on every backend.
 */
class ShopAppTest {
  @TempDir Path dir;

  private String url;
  private String user;
  private String password;

  private void connect() {
    url = System.getProperty("shop.jdbcUrl", System.getenv("MIGRATA_URL"));
    user = System.getProperty("shop.user", System.getenv("MIGRATA_USER"));
    password = System.getProperty("shop.password", System.getenv("MIGRATA_PASSWORD"));
    if (url == null || url.isBlank()) {
      url = "jdbc:sqlite:" + dir.resolve("shop.db");
    }
  }

  private Connection open() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  @Test
  void appliesTheGeneratedHistoryAndUnappliesIt() throws SQLException {
    connect();
    List<String> applied =
        ShopApp.migrate(url, user, password).stream().map(m -> m.key().toString()).toList();
    assertThat(applied)
        .containsExactly(
            "partners.0001_initial",
            "products.0001_initial",
            "partners.0002_initial",
            "partners.0003_alter_supplier_table_comment_customer_favourites_and_more",
            "products.0002_bundle_bundleitem_product_description_and_more");

    try (Connection c = open()) {
      assertThat(columns(c, "products_product"))
          .containsExactlyInAnyOrder("id", "name", "price", "supplier_id", "description");
      assertThat(columns(c, "products_product_tags"))
          .containsExactlyInAnyOrder("id", "product_id", "tag_id");
      assertThat(columns(c, "partners_customer_referrals"))
          .containsExactlyInAnyOrder("id", "from_customer_id", "to_customer_id");
      assertThat(columns(c, "partners_favourites"))
          .containsExactlyInAnyOrder("id", "customer_id", "product_id");
      assertThat(columns(c, "partners_vendor")).containsExactlyInAnyOrder("id", "name", "featured_id");
      assertThat(columns(c, "partners_supplier")).isEmpty();
      assertThat(columns(c, "products_bundle_items")).as("a through model owns the rows").isEmpty();
      assertThat(columns(c, "products_bundleitem"))
          .containsExactlyInAnyOrder("id", "bundle_id", "product_id", "quantity");

      try (Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO partners_vendor (name) VALUES ('Acme')");
        st.executeUpdate(
            "INSERT INTO products_product (name, price, supplier_id) VALUES ('Anvil', 12.50, 1)");
        st.executeUpdate("UPDATE partners_vendor SET featured_id = 1");
        st.executeUpdate("INSERT INTO products_tag (name) VALUES ('heavy')");
        st.executeUpdate("INSERT INTO products_product_tags (product_id, tag_id) VALUES (1, 1)");
        assertThatThrownBy(
                () ->
                    st.executeUpdate(
                        "INSERT INTO products_product_tags (product_id, tag_id) VALUES (1, 1)"))
            .as("the join table's pair is unique")
            .isInstanceOf(SQLException.class);
        st.executeUpdate("INSERT INTO partners_customer (name) VALUES ('Wile')");
        st.executeUpdate(
            "INSERT INTO partners_profile (customer_id, joined) VALUES (1, '2024-01-01')");
        assertThatThrownBy(
                () ->
                    st.executeUpdate(
                        "INSERT INTO partners_profile (customer_id, joined) VALUES (1, '2024-01-02')"))
            .as("a one-to-one is a unique foreign key")
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(
                () ->
                    st.executeUpdate(
                        "INSERT INTO products_product (name, price, supplier_id) VALUES ('x', -1, 1)"))
            .as("the check constraint")
            .isInstanceOf(SQLException.class);
        try (ResultSet rs = st.executeQuery("SELECT price FROM products_product")) {
          rs.next();
          assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("12.50");
        }
      }
    }

    List<PlannedMigration> second = ShopApp.migrate(url, user, password);
    assertThat(second).isEmpty();

    Migrata.configure().jdbcUrl(url, user, password).load().migrate("partners", "zero");
    try (Connection c = open()) {
      for (String table :
          List.of(
              "products_product",
              "products_product_tags",
              "partners_vendor",
              "partners_favourites",
              "partners_customer_referrals",
              "products_bundleitem")) {
        assertThat(columns(c, table)).as(table + " after unapplying").isEmpty();
      }
    }
  }

  @Test
  void sqlmigrateShowsTheCustomColumnAndTheJoinTable() {
    connect();
    String sql =
        Migrata.configure().jdbcUrl(url, user, password).load()
            .sqlMigrate("products", "0001_initial", false);
    if (url.startsWith("jdbc:sqlite:")) {
      assertThat(sql).contains("\"price\" decimal(12, 2) NOT NULL");
      assertThat(sql).contains("CREATE TABLE \"products_product_tags\"");
    }
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = c.getMetaData().getColumns(null, null, candidate, null)) {
        while (rs.next()) {
          names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      if (!names.isEmpty()) {
        break;
      }
    }
    return names;
  }
}
