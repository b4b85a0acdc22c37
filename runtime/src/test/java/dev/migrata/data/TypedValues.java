package dev.migrata.data;

import dev.migrata.schema.SchemaEditor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** RunJava bodies for {@link FieldTypesTest}: every field type through the row API. */
final class TypedValues {
  private TypedValues() {}

  enum Status {
    ACTIVE,
    RETIRED
  }

  static final UUID PERSON = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
  static final UUID TOKEN = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

  /** One value of every type, by field name. */
  static Map<String, Object> written() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("size", 3L);
    meta.put("tags", List.of("a", "b"));
    meta.put("ratio", new BigDecimal("0.5"));
    meta.put("none", null);
    meta.put("quote", "say \"hi\"\n");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("keywords", List.of("pen", "ink"));
    values.put("meta", meta);
    values.put("label", "pen");
    values.put("token", TOKEN);
    values.put("status", Status.ACTIVE);
    values.put("day", LocalDate.of(2024, 2, 29));
    values.put("at", LocalTime.of(13, 45, 30, 123_456_000));
    values.put("local", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000));
    values.put("moment", OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000,
        ZoneOffset.ofHours(2)));
    values.put("took", Duration.ofHours(26).plusMinutes(3).plusSeconds(4).plusMillis(500));
    values.put("price", new BigDecimal("12.50"));
    values.put("blob", new byte[] {0, 1, (byte) 0xff});
    values.put("flag", true);
    values.put("owner", PERSON);
    return values;
  }

  /** What the test reads: rows, counts and the raw JSON, in order. */
  static final List<Object> SEEN = new ArrayList<>();

  static void roundTrip(HistoricalModels apps, SchemaEditor editor) {
    apps.model("demo", "Person").insert(Map.of("id", PERSON));
    HistoricalModel item = apps.model("demo", "Item");
    Object id = item.insert(written());
    item.insert(Map.of()); // every field null
    SEEN.add(item.all().list());

    // Conditions bind as the columns hold the values.
    SEEN.add(item.where("token", TOKEN).count());
    SEEN.add(item.where("status", Status.ACTIVE).where("flag", true).count());
    SEEN.add(item.where("day", LocalDate.of(2024, 2, 29)).count());
    SEEN.add(item.where("moment", OffsetDateTime.of(2024, 2, 29, 11, 45, 30, 123_456_000,
        ZoneOffset.UTC)).count());
    SEEN.add(item.where("owner", PERSON).where("price", new BigDecimal("12.50")).count());
    SEEN.add(item.where("took", Duration.ofSeconds(93_784, 500_000_000)).count());

    // Issue 8 #3: a list into a JSON field, a plain string into a JSON field, a negative
    // duration and a naive date-time at midnight.
    Object pk = item.where("token", TOKEN).list().get(0).pk();
    SEEN.add(id == null ? pk : ((Number) id).longValue() == ((Number) pk).longValue());
    item.update(pk, Map.of("keywords", List.of("pen"), "label", "ink",
        "took", Duration.ofSeconds(-90), "local", LocalDateTime.of(2025, 1, 1, 0, 0)));
    SEEN.add(item.where("token", TOKEN).list().get(0));
  }
}
