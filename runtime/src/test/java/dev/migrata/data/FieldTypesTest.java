package dev.migrata.data;

import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.state.FieldState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 #3: the row API binds every field type as its column holds it and reads back what it
 * wrote, on every backend.
 */
public class FieldTypesTest extends OnEveryBackend {
  private static FieldState nullable(String name, String type) {
    return FieldState.builder(name, type).nullable(true).build();
  }

  public static List<MigrationDefinition> migrations() {
    FieldState personId = FieldState.builder("id", "UUIDField").primaryKey(true).build();
    return List.of(
        migration("demo", "0001_initial")
            .ops(
                createModel("demo", "Person", personId),
                createModel(
                    "demo", "Item", id(),
                    nullable("keywords", "JSONField"),
                    nullable("meta", "JSONField"),
                    nullable("label", "JSONField"),
                    nullable("token", "UUIDField"),
                    FieldState.builder("status", "CharField").maxLength(10).nullable(true)
                        .build(),
                    nullable("day", "DateField"),
                    nullable("at", "TimeField"),
                    nullable("local", "LocalDateTimeField"),
                    nullable("moment", "DateTimeField"),
                    nullable("took", "DurationField"),
                    FieldState.builder("price", "DecimalField").precision(8).scale(2)
                        .nullable(true).build(),
                    nullable("blob", "BinaryField"),
                    nullable("flag", "BooleanField"),
                    fk("owner", "demo.person", "CASCADE").toBuilder().nullable(true).build())),
        migration("demo", "0002_values")
            .dependsOn("demo", "0001_initial")
            .className(TypedValues.class.getName())
            .ops(new RunJava("roundTrip", null, null, false)));
  }

  @BeforeEach
  void clear() {
    TypedValues.SEEN.clear();
  }

  /** The values a row holds, byte arrays as lists so that they compare by content. */
  private static Map<String, Object> comparable(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (v instanceof byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
          list.add(b);
        }
        out.put(k, list);
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  @Test
  void everyTypeIsWrittenAsItsColumnHoldsItAndReadBackAsWritten() throws Exception {
    db.configure(migrations()).load().migrate();
    List<Object> seen = TypedValues.SEEN;

    @SuppressWarnings("unchecked")
    List<Row> rows = (List<Row>) seen.get(0);
    assertThat(rows).hasSize(2);
    Map<String, Object> expected = new LinkedHashMap<>(TypedValues.written());
    expected.put("status", "ACTIVE"); // by name: a historical model has no enum classes
    expected.put("moment",
        OffsetDateTime.of(2024, 2, 29, 11, 45, 30, 123_456_000, ZoneOffset.UTC));
    Map<String, Object> first = new LinkedHashMap<>(rows.get(0).values());
    first.remove("id");
    assertThat(comparable(first)).isEqualTo(comparable(expected));
    Map<String, Object> empty = new LinkedHashMap<>(rows.get(1).values());
    empty.remove("id");
    assertThat(empty.values()).containsOnlyNulls().hasSize(expected.size());

    assertThat(seen.subList(1, 7)).as("counts of token, status+flag, day, moment, owner+price,"
        + " took").containsOnly(1L);
    assertThat(seen.get(7)).as("the generated key is the row's").isEqualTo(true);

    Row updated = (Row) seen.get(8);
    assertThat(updated.get("keywords")).isEqualTo(List.of("pen"));
    assertThat(updated.get("label")).isEqualTo("ink");
    assertThat(updated.get("took")).isEqualTo(Duration.ofSeconds(-90));
    assertThat(updated.get("local")).isEqualTo(LocalDateTime.of(2025, 1, 1, 0, 0));

    // In the database: valid JSON (a JSON string for the label), UUIDs as the column type holds
    // them, aware date-times in UTC.
    String json = db.kind == Db.Kind.POSTGRES ? "::text" : "";
    assertThat(db.rows("SELECT keywords" + json + ", label" + json + " FROM demo_item WHERE"
        + " token IS NOT NULL")).containsExactly("[\"pen\"]|\"ink\"");
    String token = db.kind == Db.Kind.POSTGRES ? "token::text" : "token";
    // MariaDB 10.7+ has a native uuid type (Django 5.0+), older MariaDB and MySQL char(32).
    boolean nativeUuid =
        db.kind == Db.Kind.POSTGRES
            || db.kind == Db.Kind.MARIADB
                && db.rows(
                        "SELECT data_type FROM information_schema.columns WHERE table_schema ="
                            + " DATABASE() AND table_name = 'demo_item' AND column_name = 'token'")
                    .equals(List.of("uuid"));
    assertThat(db.rows("SELECT " + token + " FROM demo_item WHERE token IS NOT NULL"))
        .containsExactly(
            nativeUuid
                ? TypedValues.TOKEN.toString()
                : TypedValues.TOKEN.toString().replace("-", ""));
    String moment = db.kind == Db.Kind.POSTGRES
        ? "to_char(moment AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')" : "moment";
    assertThat(db.rows("SELECT " + moment + " FROM demo_item WHERE token IS NOT NULL").get(0))
        .startsWith("2024-02-29 11:45:30.123456");
  }
}
