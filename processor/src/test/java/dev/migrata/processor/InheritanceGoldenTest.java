package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-table inheritance, proxy models and generated columns (issue 9): the migrations Django
 * 5.2's autodetector writes for them, compared byte for byte with golden files under {@code
 * golden/inheritance}.
 */
class InheritanceGoldenTest {
  static final String PKG = "com.example.places";
  static final String MIGRATIONS = PKG + ".migrations";

  @TempDir Path root;

  static JavaFileObject model(String name, String text) {
    return source(
        PKG + "." + name,
        "package com.example.places;\n"
            + "import dev.migrata.annotations.*;\n"
            + "import java.math.BigDecimal;\n"
            + text);
  }

  static JavaFileObject place() {
    return model(
        "Place", "@Model\npublic class Place {\n  @Field(maxLength = 50) String name;\n}\n");
  }

  static JavaFileObject restaurant(String body) {
    return model("Restaurant", "@Model\npublic class Restaurant extends Place {\n" + body + "}\n");
  }

  static JavaFileObject restaurant() {
    return restaurant("  @Field(defaultValue = \"false\") boolean servesPizza;\n");
  }

  static JavaFileObject orderedPlace() {
    return model(
        "OrderedPlace", "@Model(proxy = true)\npublic class OrderedPlace extends Place {\n}\n");
  }

  static JavaFileObject line(String total) {
    return model(
        "Line",
        "@Model\npublic class Line {\n"
            + "  @Field(precision = 10, scale = 2) BigDecimal price;\n"
            + "  @Field int quantity;\n"
            + total
            + "}\n");
  }

  static final String TOTAL =
      "  @GeneratedField(expression = \"{price} * {quantity}\")\n"
          + "  @Field(precision = 12, scale = 2) BigDecimal total;\n";

  /** Compiles, expects success, returns the one new migration's text. */
  private String next(String className, JavaFileObject... sources) {
    List<String> before = files(root, MIGRATIONS);
    Compilation compilation = compile(root, sources);
    assertThat(compilation).succeeded();
    List<String> after = files(root, MIGRATIONS);
    assertThat(after).as("files after compile").contains(className + ".java");
    assertThat(after).hasSize(before.size() + 1);
    return written(root, MIGRATIONS, className);
  }

  private static JavaFileObject[] with(List<JavaFileObject> list, JavaFileObject... more) {
    List<JavaFileObject> all = new ArrayList<>(list);
    all.addAll(List.of(more));
    return all.toArray(JavaFileObject[]::new);
  }

  @Test
  void multiTableChildGetsParentLinkAndBases() {
    String text = next("M0001_initial", place(), restaurant());
    Golden.assertMatches("inheritance/M0001_initial.java", text);
  }

  @Test
  void proxyModelIsStateOnly() {
    next("M0001_initial", place());
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    String text = next("M0002_orderedplace", place(), orderedPlace(), m1);
    Golden.assertMatches("inheritance/M0002_orderedplace.java", text);
  }

  @Test
  void childAddedLaterDependsOnParentAndDeletedChildGoesFirst() {
    next("M0001_initial", place());
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    next("M0002_restaurant", place(), restaurant(), m1);
    JavaFileObject m2 = migration(root, MIGRATIONS, "M0002_restaurant");
    String text = next("M0003_delete_restaurant", place(), m1, m2);
    Golden.assertMatches("inheritance/M0003_delete_restaurant.java", text);
    // Replaying all three leaves nothing to do.
    JavaFileObject m3 = migration(root, MIGRATIONS, "M0003_delete_restaurant");
    assertThat(compile(root, place(), m1, m2, m3)).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(3);
  }

  @Test
  void renamedParentRenamesTheChildsLink() {
    next("M0001_initial", place(), restaurant());
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject venue =
        model(
            "Venue",
            "@Model(renamedFrom = \"Place\")\npublic class Venue {\n"
                + "  @Field(maxLength = 50) String name;\n}\n");
    JavaFileObject child =
        model(
            "Restaurant",
            "@Model\npublic class Restaurant extends Venue {\n"
                + "  @Field(defaultValue = \"false\") boolean servesPizza;\n}\n");
    String text = next("M0002_rename_place_venue_and_more", venue, child, m1);
    Golden.assertMatches("inheritance/M0002_rename_place_venue_and_more.java", text);
    JavaFileObject m2 = migration(root, MIGRATIONS, "M0002_rename_place_venue_and_more");
    assertThat(compile(root, venue, child, m1, m2)).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(2);
  }

  @Test
  void parentAndChildDeletedTogether() {
    next("M0001_initial", place(), restaurant());
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject other = model("Other", "@Model\npublic class Other {\n  @Field int x;\n}\n");
    String text = next("M0002_other_delete_restaurant_delete_place", other, m1);
    assertThat(text.indexOf("name = \"Restaurant\""))
        .as("the child is deleted before its parent:\n%s", text)
        .isPositive()
        .isLessThan(text.indexOf("name = \"Place\""));
  }

  @Test
  void childInAnotherAppDependsOnTheParentsMigration() {
    next("M0001_initial", place());
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject child =
        source(
            "com.example.food.Restaurant",
            "package com.example.food;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Model\npublic class Restaurant extends com.example.places.Place {\n"
                + "  @Field(defaultValue = \"false\") boolean servesPizza;\n}\n");
    assertThat(compile(root, place(), child, m1)).succeeded();
    String text = written(root, "com.example.food.migrations", "M0001_initial");
    Golden.assertMatches("inheritance/food/M0001_initial.java", text);
  }

  @Test
  void proxyThatBecomesAChildIsDeletedThenCreated() {
    next("M0001_initial", place(), orderedPlace());
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject concrete =
        model(
            "OrderedPlace",
            "@Model\npublic class OrderedPlace extends Place {\n  @Field int rank;\n}\n");
    String text = next("M0002_delete_orderedplace_orderedplace", place(), concrete, m1);
    Golden.assertMatches("inheritance/M0002_delete_orderedplace_orderedplace.java", text);
  }

  @Test
  void childOfAProxyLinksToTheConcreteModel() {
    JavaFileObject child =
        model(
            "Bistro",
            "@Model\npublic class Bistro extends OrderedPlace {\n  @Field int tables;\n}\n");
    String text = next("M0001_initial", place(), orderedPlace(), child);
    assertThat(text)
        .contains("name = \"place_ptr\"")
        .contains("to = \"places.place\"")
        .contains("bases = \"places.orderedplace\"");
  }

  @Test
  void childFieldsAndProxyDoNotChangeOnReplay() {
    next("M0001_initial", place(), restaurant(), orderedPlace());
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    assertThat(compile(root, place(), restaurant(), orderedPlace(), m1)).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void generatedColumnInCreateModel() {
    String text = next("M0001_initial", line(TOTAL));
    Golden.assertMatches("inheritance/M0001_generated.java", text);
  }

  @Test
  void changedExpressionRemovesAndAddsTheColumn() {
    next("M0001_initial", line(TOTAL));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject changed =
        line(TOTAL.replace("{price} * {quantity}", "{price} * {quantity} + 1"));
    Compilation c = compile(root, changed, m1);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W060] The generated field 'total' on Line changes its expression")
        .inFile(changed)
        .onLineContaining("BigDecimal total");
    String text = written(root, MIGRATIONS, "M0002_remove_line_total_line_total");
    Golden.assertMatches("inheritance/M0002_remove_line_total_line_total.java", text);
  }

  @Test
  void renamedSourceFieldKeepsTheGeneratedColumn() {
    next("M0001_initial", line(TOTAL));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject renamed =
        model(
            "Line",
            "@Model\npublic class Line {\n"
                + "  @Field(precision = 10, scale = 2) BigDecimal price;\n"
                + "  @Field(renamedFrom = \"quantity\") int amount;\n"
                + TOTAL.replace("{quantity}", "{amount}")
                + "}\n");
    String text = next("M0002_rename_quantity_line_amount", renamed, m1);
    assertThat(text).contains("kind = RENAME_FIELD").doesNotContain("REMOVE_FIELD");
  }

  @Test
  void generatedFieldAddedToExistingModelNeedsNoDefault() {
    next("M0001_initial", line(""));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    String text =
        next(
            "M0002_line_total",
            with(
                List.of(m1),
                line(
                    "  @GeneratedField(expression = \"{price} * 2\", persisted = false)\n"
                        + "  @Field(precision = 12, scale = 2) BigDecimal total;\n")));
    assertThat(text).contains("generated = \"{price} * 2\"").contains("persisted = false");
  }
}
