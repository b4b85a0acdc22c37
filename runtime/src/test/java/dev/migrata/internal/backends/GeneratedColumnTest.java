package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.integer;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.state.FieldState;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated columns (Django's GeneratedField) on every backend, with the operations of
 * golden/inheritance/M0001_generated.java: the database computes the value for new and existing
 * rows, refuses a value written into it, and a changed expression is a remove and an add.
 */
class GeneratedColumnTest extends OnEveryBackend {
  final List<MigrationDefinition> migrations = new ArrayList<>();

  static FieldState total(String expression) {
    return FieldState.builder("total", "DecimalField")
        .precision(12)
        .scale(2)
        .generated(expression, true)
        .build();
  }

  @BeforeEach
  void initial() {
    migrations.add(
        migration("shop", "0001_initial")
            .ops(
                createModel(
                    "shop",
                    "Line",
                    id(),
                    FieldState.builder("price", "DecimalField").precision(10).scale(2).build(),
                    integer("quantity"),
                    total("{price} * {quantity}"))));
  }

  private Migrata migrata() {
    return db.configure(migrations).load();
  }

  private void then(String name, dev.migrata.internal.operations.Operation... ops) {
    String previous = migrations.get(migrations.size() - 1).key().name();
    migrations.add(migration("shop", name).dependsOn("shop", previous).ops(ops));
  }

  /** One numeric column of every row, compared by value (SQLite keeps 10.00 as 10). */
  private List<BigDecimal> numbers(String column) throws SQLException {
    return db.rows("SELECT " + column + " FROM shop_line ORDER BY id").stream()
        .map(v -> new BigDecimal(v).stripTrailingZeros())
        .toList();
  }

  private static BigDecimal n(String v) {
    return new BigDecimal(v).stripTrailingZeros();
  }

  @Test
  void theDatabaseComputesTheColumn() throws Exception {
    migrata().migrate();
    db.exec("INSERT INTO shop_line (price, quantity) VALUES (2.50, 4)");
    assertThat(numbers("total")).containsExactly(n("10"));
    db.exec("UPDATE shop_line SET quantity = 6");
    assertThat(numbers("total")).containsExactly(n("15"));
    assertThatThrownBy(
            () -> db.exec("INSERT INTO shop_line (price, quantity, total) VALUES (1, 1, 5)"))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void addedToATableWithRowsAndRecreatedWithANewExpression() throws Exception {
    migrata().migrate();
    db.exec("INSERT INTO shop_line (price, quantity) VALUES (2.50, 4)");
    // PostgreSQL has only STORED generated columns; elsewhere the added one is VIRTUAL.
    boolean stored = kind == Db.Kind.POSTGRES;
    then(
        "0002_line_doubled",
        new AddField(
            "line",
            FieldState.builder("doubled", "IntegerField")
                .generated("{quantity} * 2", stored)
                .build(),
            true));
    then(
        "0003_remove_line_total_line_total",
        new RemoveField("line", "total"),
        new AddField("line", total("{price} * {quantity} + 1"), true));
    migrata().migrate();
    assertThat(numbers("doubled")).containsExactly(n("8"));
    assertThat(numbers("total")).containsExactly(n("11"));

    // Renaming a column the expressions name keeps them computing.
    then("0004_rename_quantity_line_amount", new RenameField("line", "quantity", "amount"));
    migrata().migrate();
    db.exec("UPDATE shop_line SET amount = 10");
    assertThat(numbers("doubled")).containsExactly(n("20"));
    assertThat(numbers("total")).containsExactly(n("26"));

    // Back to the first expression, over the renamed-back column: 2.50 * 10.
    migrata().migrate("shop", "0001_initial");
    assertThat(numbers("total")).containsExactly(n("25"));
  }

  @Test
  void otherOptionsOfAGeneratedColumnAlterInPlace() throws Exception {
    FieldState nullable = total("{price} * {quantity}").toBuilder().nullable(true).build();
    then(
        "0002_alter_line_total",
        new AlterField("line", nullable.toBuilder().comment("computed").build(), true));
    migrata().migrate();
    db.exec("INSERT INTO shop_line (price, quantity) VALUES (3, 3)");
    assertThat(numbers("total")).containsExactly(n("9"));
    migrata().migrate("shop", "0001_initial");
    db.exec("UPDATE shop_line SET quantity = 5");
    assertThat(numbers("total")).containsExactly(n("15"));
  }

  @Test
  void alteringTheExpressionInPlaceIsRefusedAsDjangoDoes() throws Exception {
    then("0002_alter_line_total", new AlterField("line", total("{price} + {quantity}"), true));
    assertThatThrownBy(() -> migrata().migrate())
        .hasMessageContaining(
            "Modifying GeneratedFields is not supported - the field shop.Line.total must be"
                + " removed and re-added with the new definition");
  }

  @Test
  void virtualColumnsAreRefusedOnPostgresqlOnly() throws Exception {
    then(
        "0002_line_doubled",
        new AddField(
            "line",
            FieldState.builder("doubled", "IntegerField")
                .nullable(true)
                .generated("{quantity} * 2", false)
                .build(),
            true));
    if (kind == Db.Kind.POSTGRES) {
      assertThatThrownBy(() -> migrata().migrate())
          .hasMessageContaining(
              "[fields.E221] postgresql does not support non-persisted GeneratedFields");
    } else {
      migrata().migrate();
      db.exec("INSERT INTO shop_line (price, quantity) VALUES (1, 21)");
      assertThat(numbers("doubled")).containsExactly(n("42"));
    }
  }
}
