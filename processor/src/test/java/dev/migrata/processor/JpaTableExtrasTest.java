package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's {@code @Check}, {@code @ColumnDefault} and {@code @Comment} (and JPA 3.2's {@code
 * check}/{@code comment} members) on entities: check constraints, database defaults, comments.
 * Hibernate is not on the test's class path: the annotations are compiled from sources declaring
 * them exactly as Hibernate 7 does, which is all the processor sees of them anyway.
 */
class JpaTableExtrasTest {
  private static final String PKG = "com.example.shop";
  private static final String MIGRATIONS = PKG + ".migrations";

  @TempDir Path root;

  /** Hibernate 7's declarations (members, defaults, repeatable containers). */
  static final List<JavaFileObject> HIBERNATE =
      List.of(
          source(
              "org.hibernate.annotations.Check",
              "package org.hibernate.annotations; import java.lang.annotation.*;"
                  + " @Retention(RetentionPolicy.RUNTIME) @Repeatable(Checks.class)"
                  + " public @interface Check { String name() default \"\"; String constraints();"
                  + " }"),
          source(
              "org.hibernate.annotations.Checks",
              "package org.hibernate.annotations; import java.lang.annotation.*;"
                  + " @Retention(RetentionPolicy.RUNTIME) public @interface Checks { Check[]"
                  + " value(); }"),
          source(
              "org.hibernate.annotations.Comment",
              "package org.hibernate.annotations; import java.lang.annotation.*;"
                  + " @Retention(RetentionPolicy.RUNTIME) @Repeatable(Comments.class)"
                  + " public @interface Comment { String value(); String on() default \"\"; }"),
          source(
              "org.hibernate.annotations.Comments",
              "package org.hibernate.annotations; import java.lang.annotation.*;"
                  + " @Retention(RetentionPolicy.RUNTIME) public @interface Comments { Comment[]"
                  + " value(); }"),
          source(
              "org.hibernate.annotations.ColumnDefault",
              "package org.hibernate.annotations; import java.lang.annotation.*;"
                  + " @Retention(RetentionPolicy.RUNTIME) public @interface ColumnDefault { String"
                  + " value(); }"));

  private static JavaFileObject entity(String name, String body) {
    return source(
        PKG + "." + name,
        "package "
            + PKG
            + ";\nimport jakarta.persistence.*;\nimport org.hibernate.annotations.*;\n"
            + body);
  }

  private Compilation compileWithHibernate(Path dir, JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(HIBERNATE);
    all.addAll(List.of(sources));
    return compile(dir, all.toArray(JavaFileObject[]::new));
  }

  private static final String PRODUCT =
      "@Entity\n"
          + "@Check(constraints = \"price <= list_price\")\n"
          + "@Check(name = \"product_code_upper\", constraints = \"code = upper(code)\")\n"
          + "@org.hibernate.annotations.Comment(\"What the shop sells\")\n"
          + "public class Product {\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
          + "  String code;\n"
          + "  @Check(constraints = \"price >= 0\") @Column(precision = 10, scale = 2)\n"
          + "  java.math.BigDecimal price;\n"
          + "  @Column(precision = 10, scale = 2) java.math.BigDecimal listPrice;\n"
          + "  @ColumnDefault(\"'new'\") @org.hibernate.annotations.Comment(\"Where it is\")\n"
          + "  String state;\n"
          + "  @Column(comment = \"JPA 3.2's comment\", check = @CheckConstraint(name ="
          + " \"product_stock_positive\", constraint = \"stock >= 0\")) int stock;\n"
          + "}\n";

  @Test
  void checksDefaultsAndComments() {
    Compilation c = compileWithHibernate(root, entity("Product", PRODUCT));
    assertThat(c).succeeded();
    Golden.assertMatches(
        "jpa/hibernate_extras_0001.java", written(root, MIGRATIONS, "M0001_initial"));
    String m = flat(written(root, MIGRATIONS, "M0001_initial"));
    String table = JpaTableExtras.checkName("product", null, "price <= list_price");
    String column = JpaTableExtras.checkName("product", "price", "price >= 0");
    assertThat(table).matches("product_[0-9a-f]{8}_check");
    assertThat(column).matches("product_price_[0-9a-f]{8}_check");
    assertThat(m)
        .contains("comment = \"What the shop sells\"")
        .contains(
            "@FieldDef(name = \"state\", type = \"CharField\", nullable = true, maxLength = 255,"
                + " dbDefault = \"'new'\", comment = \"Where it is\")")
        .contains("comment = \"JPA 3.2's comment\"")
        .contains("@ConstraintDef(name = \"" + table + "\", check = \"price <= list_price\")")
        .contains("@ConstraintDef(name = \"product_code_upper\", check = \"code = upper(code)\")")
        .contains("@ConstraintDef(name = \"" + column + "\", check = \"price >= 0\")")
        .contains("@ConstraintDef(name = \"product_stock_positive\", check = \"stock >= 0\")");
  }

  @Test
  void theSameEntitiesWriteTheSameMigration(@TempDir Path other) throws Exception {
    assertThat(compileWithHibernate(root, entity("Product", PRODUCT))).succeeded();
    assertThat(compileWithHibernate(other, entity("Product", PRODUCT))).succeeded();
    assertThat(written(other, MIGRATIONS, "M0001_initial"))
        .isEqualTo(written(root, MIGRATIONS, "M0001_initial"));
  }

  @Test
  void changingACommentOrDefaultAltersTheField() {
    assertThat(compileWithHibernate(root, entity("Product", PRODUCT))).succeeded();
    String v2 =
        PRODUCT
            .replace("\"Where it is\"", "\"Where it is now\"")
            .replace("\"What the shop sells\"", "\"What we sell\"");
    Compilation c =
        compileWithHibernate(
            root, entity("Product", v2), migration(root, MIGRATIONS, "M0001_initial"));
    assertThat(c).succeeded();
    List<String> files = Compiling.files(root, MIGRATIONS);
    assertThat(files).hasSize(2);
    String m = flat(written(root, MIGRATIONS, files.get(1).replace(".java", "")));
    assertThat(m)
        .contains("kind = ALTER_MODEL_TABLE_COMMENT")
        .contains("comment = \"What we sell\"")
        .contains("kind = ALTER_FIELD")
        .contains("comment = \"Where it is now\"");
  }

  @Test
  void diagnostics() throws Exception {
    assertThat(
            compileWithHibernate(
                dir("A"),
                entity("A", "@Entity @Check(constraints = \" \") public class A { @Id Long id; }")))
        .hadErrorContaining(
            "[migrata.E118] The @Check on A of the entity A has no SQL; Hibernate would write an"
                + " empty constraint or default.");
    assertThat(
            compileWithHibernate(
                dir("B"),
                entity(
                    "B", "@Entity public class B { @Id Long id; @ColumnDefault(\"\") String x; }")))
        .hadErrorContaining("[migrata.E118] The @ColumnDefault on x of the entity B has no SQL");
    assertThat(
            compileWithHibernate(
                dir("C"),
                entity(
                    "C",
                    "@Entity public class C { @Id Long id; @ColumnDefault(\"1; drop table c\") int"
                        + " x; }")))
        .hadErrorContaining(
            "[migrata.E066] The @ColumnDefault(value) of x contains a statement separator (;)");
    Compilation ignored =
        compileWithHibernate(
            dir("D"),
            entity(
                "D",
                "@Entity @org.hibernate.annotations.Comment(value = \"x\", on = \"d_extra\")"
                    + " public class D { @Id Long id; }"));
    assertThat(ignored).succeeded();
    assertThat(ignored)
        .hadWarningContaining(
            "[migrata.W076] The @Comment(on = \"d_extra\") on D names a secondary table");
    assertThat(flat(written(dir("D"), MIGRATIONS, "M0001_initial"))).doesNotContain("comment");
  }

  private Path dir(String name) throws java.io.IOException {
    return Files.createDirectories(root.resolve(name));
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
  }
}
