package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.InheritanceGoldenTest.MIGRATIONS;
import static dev.migrata.processor.InheritanceGoldenTest.line;
import static dev.migrata.processor.InheritanceGoldenTest.model;
import static dev.migrata.processor.InheritanceGoldenTest.place;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The misuse of model inheritance and generated columns: code, message, file and line. */
class InheritanceDiagnosticsTest {
  @TempDir Path root;

  private Compilation failing(JavaFileObject... sources) {
    Compilation c = compile(root, sources);
    assertThat(c).failed();
    assertThat(files(root, MIGRATIONS)).isEmpty();
    return c;
  }

  @Test
  void proxyWithoutModelSuperclass() {
    JavaFileObject proxy = model("Lonely", "@Model(proxy = true)\npublic class Lonely {\n}\n");
    assertThat(failing(proxy))
        .hadErrorContaining(
            "[migrata.E084] Proxy model Lonely has no non-abstract model base class")
        .inFile(proxy)
        .onLineContaining("proxy = true");
  }

  @Test
  void proxyWithFields() {
    JavaFileObject proxy =
        model(
            "OrderedPlace",
            "@Model(proxy = true)\npublic class OrderedPlace extends Place {\n"
                + "  @Field int rank;\n}\n");
    assertThat(failing(place(), proxy))
        .hadErrorContaining(
            "[models.E017] Proxy model 'OrderedPlace' contains model fields: 'rank'")
        .inFile(proxy)
        .onLineContaining("int rank");
  }

  @Test
  void proxyWithTableOptionOrIndex() {
    JavaFileObject proxy =
        model(
            "OrderedPlace",
            "@Model(proxy = true, table = \"ordered\")\n"
                + "public class OrderedPlace extends Place {\n}\n");
    assertThat(failing(place(), proxy))
        .hadErrorContaining("[migrata.E085] Proxy model OrderedPlace cannot set @Model(table)")
        .inFile(proxy)
        .onLineContaining("table = \"ordered\"");
    JavaFileObject indexed =
        model(
            "OrderedPlace",
            "@Model(proxy = true)\n@Index(fields = \"name\")\n"
                + "public class OrderedPlace extends Place {\n}\n");
    assertThat(failing(place(), indexed))
        .hadErrorContaining("[migrata.E085] Proxy model OrderedPlace cannot set @Index");
  }

  @Test
  void childWithItsOwnPrimaryKey() {
    JavaFileObject child =
        InheritanceGoldenTest.restaurant("  @Field(primaryKey = true) long code;\n");
    assertThat(failing(place(), child))
        .hadErrorContaining(
            "[migrata.E086] Field 'code' of Restaurant sets primaryKey = true, but Restaurant"
                + " extends the model Place")
        .inFile(child)
        .onLineContaining("long code");
  }

  @Test
  void childFieldClashesWithParentField() {
    JavaFileObject child =
        InheritanceGoldenTest.restaurant("  @Field(maxLength = 50) String name;\n");
    assertThat(failing(place(), child))
        .hadErrorContaining(
            "[models.E006] The field 'name' of Restaurant clashes with the field 'name' from"
                + " model 'places.place'")
        .inFile(child)
        .onLineContaining("String name");
  }

  @Test
  void generatedExpressionNamesAnUnknownField() {
    JavaFileObject bad =
        line(
            "  @GeneratedField(expression = \"{price} * {qty}\")\n"
                + "  @Field(precision = 12, scale = 2) BigDecimal total;\n");
    assertThat(failing(bad))
        .hadErrorContaining(
            "[migrata.E087] The expression of the generated field 'total' on Line refers to"
                + " {qty}, which is not a field of Line")
        .inFile(bad)
        .onLineContaining("{price} * {qty}");
  }

  @Test
  void generatedFieldWithDefault() {
    JavaFileObject bad =
        line(
            "  @GeneratedField(expression = \"{price} * {quantity}\")\n"
                + "  @Field(precision = 12, scale = 2, defaultValue = \"0\") BigDecimal total;\n");
    assertThat(failing(bad))
        .hadErrorContaining(
            "[migrata.E088] The generated field 'total' on Line cannot set defaultValue")
        .inFile(bad)
        .onLineContaining("defaultValue = \"0\"");
  }

  @Test
  void generatedFieldOnARelation() {
    JavaFileObject bad =
        model(
            "Restaurant",
            "@Model\npublic class Restaurant {\n"
                + "  @GeneratedField(expression = \"1\")\n"
                + "  @ForeignKey(onDelete = OnDelete.CASCADE) Place place;\n}\n");
    assertThat(failing(place(), bad))
        .hadErrorContaining(
            "[migrata.E088] The generated field 'place' on Restaurant cannot set a relation"
                + " annotation");
  }

  @Test
  void generatedExpressionOverAnotherGeneratedColumn() {
    JavaFileObject bad =
        line(
            "  @GeneratedField(expression = \"{price} * {quantity}\")\n"
                + "  @Field(precision = 12, scale = 2) BigDecimal total;\n"
                + "  @GeneratedField(expression = \"{total} * 2\")\n"
                + "  @Field(precision = 14, scale = 2) BigDecimal doubled;\n");
    assertThat(failing(bad))
        .hadErrorContaining(
            "[migrata.E089] The expression of the generated field 'doubled' on Line refers to"
                + " {total}, another generated column")
        .inFile(bad)
        .onLineContaining("{total} * 2");
  }

  @Test
  void virtualGeneratedColumnOnAnAppThatRunsOnPostgresql() {
    JavaFileObject app =
        source(
            "com.example.places.package-info",
            "@App(backends = {\"postgresql\", \"sqlite\"})\n"
                + "package com.example.places;\n"
                + "import dev.migrata.annotations.App;\n");
    JavaFileObject bad =
        line(
            "  @GeneratedField(expression = \"{price} * {quantity}\", persisted = false)\n"
                + "  @Field(precision = 12, scale = 2) BigDecimal total;\n");
    assertThat(failing(app, bad))
        .hadErrorContaining(
            "[fields.E221] PostgreSQL does not support non-persisted GeneratedFields: the"
                + " generated field 'total' on Line sets persisted = false")
        .inFile(bad)
        .onLineContaining("persisted = false");
  }

  @Test
  void virtualGeneratedColumnWithoutDeclaredBackendsWarns() {
    JavaFileObject virtual =
        line(
            "  @GeneratedField(expression = \"{price} * {quantity}\", persisted = false)\n"
                + "  @Field(precision = 12, scale = 2) BigDecimal total;\n");
    Compilation c = compile(root, virtual);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W059] The generated field 'total' on Line sets persisted = false (VIRTUAL),"
                + " which PostgreSQL does not support")
        .inFile(virtual)
        .onLineContaining("persisted = false");
  }
}
