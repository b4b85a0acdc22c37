package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JPA entities read as models (issue 11): names, columns, keys, relations, renames, errors. */
class JpaEntitiesTest {
  private static final String PKG = "com.example.shop";
  private static final String MIGRATIONS = PKG + ".migrations";

  @TempDir Path root;

  private static JavaFileObject entity(String name, String body, String... imports) {
    StringBuilder text = new StringBuilder("package " + PKG + ";\n");
    text.append("import jakarta.persistence.*;\n");
    for (String i : imports) {
      text.append("import ").append(i).append(";\n");
    }
    text.append(body);
    return source(PKG + "." + name, text.toString());
  }

  private static final String BOOK_AUTHOR =
      "@Entity public class BookAuthor {\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
          + "  @Column(nullable = false, length = 80) String fullName;\n"
          + "  java.time.LocalDate publishedOn;\n"
          + "  @Column(name = \"RankNo\") int rank;\n"
          + "  @Transient String display;\n"
          + "  transient int cache;\n"
          + "}\n";

  @Test
  void springNamingIsSnakeCaseAndEveryFieldIsAColumn() {
    Compilation c = compile(root, entity("BookAuthor", BOOK_AUTHOR));
    assertThat(c).succeeded();
    String m = flat(written(root, MIGRATIONS, "M0001_initial"));
    assertThat(m)
        .contains("app = \"shop\"")
        .contains("name = \"BookAuthor\"")
        .contains("table = \"book_author\"")
        .contains("@FieldDef(name = \"id\", type = \"BigAutoField\", primaryKey = true)")
        .contains("@FieldDef(name = \"fullName\", type = \"CharField\", maxLength = 80)")
        .contains("@FieldDef(name = \"publishedOn\", type = \"DateField\", nullable = true)")
        .contains("name = \"rank\", type = \"IntegerField\", column = \"rank_no\")")
        .doesNotContain("display")
        .doesNotContain("cache");
  }

  @Test
  void jpaNamingKeepsNamesAsWritten() {
    Compilation c =
        compile(root, List.of("-Amigrata.jpa.naming=jpa"), entity("BookAuthor", BOOK_AUTHOR));
    assertThat(c).succeeded();
    String m = flat(written(root, MIGRATIONS, "M0001_initial"));
    assertThat(m)
        .contains("table = \"BookAuthor\"")
        .contains("column = \"fullName\"")
        .contains("column = \"publishedOn\"")
        .contains("column = \"RankNo\"");
  }

  @Test
  void relationsBecomeKeysAndJoinTables() {
    Compilation c =
        compile(
            root,
            entity(
                "Tag",
                "@Entity public class Tag { @Id @GeneratedValue(strategy = GenerationType.IDENTITY)"
                    + " Integer id; String label; }"),
            entity(
                "Writer",
                "@Entity public class Writer { @Id String code;"
                    + " @OneToMany(mappedBy = \"writer\") java.util.List<Novel> novels; }"),
            entity(
                "Novel",
                "@Entity @Table(indexes = @Index(name = \"novel_title_idx\", columnList = \"title"
                    + " DESC\")) public class Novel {\n"
                    + " @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
                    + " String title;\n"
                    + " @ManyToOne(optional = false) Writer writer;\n"
                    + " @ManyToMany java.util.Set<Tag> tags; }"));
    assertThat(c).succeeded();
    String m = flat(written(root, MIGRATIONS, "M0001_initial"));
    assertThat(m)
        .contains("type = \"ForeignKey\", column = \"writer_code\", to = \"shop.writer\"")
        .contains("table = \"novel_tags\"")
        .contains("column = \"novel_id\", to = \"shop.novel\"")
        .contains("column = \"tags_id\", to = \"shop.tag\"")
        .contains("novel_title_idx")
        .contains("\"-title\"")
        .doesNotContain("novels");
  }

  @Test
  void renamedFromWritesRenameField() {
    String v1 =
        "@Entity public class Item { @Id @GeneratedValue(strategy = GenerationType.IDENTITY)"
            + " Long id; String label; }";
    assertThat(compile(root, entity("Item", v1))).succeeded();
    String v2 =
        "@Entity public class Item { @Id @GeneratedValue(strategy = GenerationType.IDENTITY)"
            + " Long id; @RenamedFrom(\"label\") String title; }";
    Compilation c =
        compile(
            root,
            entity("Item", v2, "dev.migrata.annotations.RenamedFrom"),
            migration(root, MIGRATIONS, "M0001_initial"));
    assertThat(c).succeeded();
    assertThat(Compiling.files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_rename_label_item_title.java");
    String name = Compiling.files(root, MIGRATIONS).get(1).replace(".java", "");
    assertThat(written(root, MIGRATIONS, name))
        .contains("kind = RENAME_FIELD")
        .contains("\"label\"")
        .contains("\"title\"");
  }

  @Test
  void aModelMayPointToAnEntity() {
    Compilation c =
        compile(
            root,
            entity(
                "Item",
                "@Entity public class Item { @Id @GeneratedValue(strategy ="
                    + " GenerationType.IDENTITY) Long id; }"),
            source(
                "com.example.audit.Entry",
                "package com.example.audit;\n"
                    + "import dev.migrata.annotations.*;\n"
                    + "@Model public class Entry {"
                    + " @ForeignKey(onDelete = OnDelete.CASCADE) com.example.shop.Item item; }"));
    assertThat(c).succeeded();
    assertThat(written(root, "com.example.audit.migrations", "M0001_initial"))
        .contains("to = \"shop.item\"");
  }

  private Compilation failing(String name, String body, String... imports) {
    return compile(dir(name), entity(name, body, imports));
  }

  /** A fresh source root for one compile of the test. */
  private Path dir(String name) {
    try {
      return java.nio.file.Files.createDirectories(root.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The migration text on one line, so asserts do not depend on the writer's line breaks. */
  /**
   * Hibernate binds an embeddable's primitive as nullable (the embeddable may be null), unless
   * {@code @Column(nullable = false)} or {@code @Basic(optional = false)} says otherwise; its
   * schema export for these entities has {@code width_mm integer} in both tables.
   */
  @Test
  void embeddablePrimitivesAreNullableAsHibernateBindsThem() {
    JavaFileObject dims =
        entity(
            "Dims",
            "@Embeddable public class Dims {\n"
                + "  int widthMm;\n"
                + "  @Column(nullable = false) int heightMm;\n"
                + "  @Basic(optional = false) int depthMm;\n"
                + "}\n");
    JavaFileObject parcel =
        entity(
            "Parcel",
            "@Entity public class Parcel {\n"
                + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
                + "  @Embedded Dims dims;\n"
                + "  @ElementCollection Set<Dims> boxes;\n"
                + "  int weight;\n"
                + "}\n",
            "java.util.Set");
    Compilation c = compile(root, dims, parcel);
    assertThat(c).succeeded();
    String m = flat(written(root, MIGRATIONS, "M0001_initial"));
    assertThat(m)
        .contains(
            "@FieldDef(name = \"dims_widthMm\", type = \"IntegerField\", column = \"width_mm\","
                + " nullable = true)")
        .contains(
            "@FieldDef(name = \"dims_heightMm\", type = \"IntegerField\", column ="
                + " \"height_mm\")")
        .contains(
            "@FieldDef(name = \"dims_depthMm\", type = \"IntegerField\", column = \"depth_mm\")")
        .contains("@FieldDef(name = \"widthMm\", type = \"IntegerField\", nullable = true)")
        .contains("@FieldDef(name = \"heightMm\", type = \"IntegerField\")")
        .contains("@FieldDef(name = \"depthMm\", type = \"IntegerField\")")
        .contains("@FieldDef(name = \"weight\", type = \"IntegerField\")");
  }

  /**
   * Hibernate 7 stores a {@code Duration} as nanoseconds and validates {@code numeric(21,0)} (its
   * export for this entity); {@code interval} fails {@code ddl-auto=validate} on PostgreSQL.
   */
  @Test
  void aDurationIsHibernatesNumericNanoseconds() {
    JavaFileObject call =
        entity(
            "Call",
            "@Entity public class Call {\n"
                + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
                + "  java.time.Duration length;\n"
                + "  @org.hibernate.annotations.JdbcTypeCode(3100) java.time.Duration wait;\n"
                + "}\n");
    JavaFileObject jdbcTypeCode =
        source(
            "org.hibernate.annotations.JdbcTypeCode",
            "package org.hibernate.annotations; public @interface JdbcTypeCode { int value(); }");
    Compilation c = compile(root, call, jdbcTypeCode);
    assertThat(c).succeeded();
    String m = flat(written(root, MIGRATIONS, "M0001_initial"));
    assertThat(m)
        .contains(
            "@FieldDef(name = \"length\", type = \"DecimalField\", nullable = true, precision ="
                + " 21, scale = 0)")
        .contains("@FieldDef(name = \"wait\", type = \"DurationField\", nullable = true)");
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
  }

  @Test
  void diagnostics() {
    assertThat(
            compile(
                dir("A"),
                source(
                    "org.hibernate.annotations.Type",
                    "package org.hibernate.annotations; public @interface Type { Class<?> value();"
                        + " }"),
                entity(
                    "A",
                    "@Entity public class A { @Id Long id;"
                        + " @org.hibernate.annotations.Type(Object.class) String x; }")))
        .hadErrorContaining("[migrata.E100]");
    assertThat(
            compile(
                dir("B"),
                entity(
                    "Raw",
                    "@SuppressWarnings(\"rawtypes\") public class Raw implements AttributeConverter"
                        + " { public Object convertToDatabaseColumn(Object o) { return o; } public"
                        + " Object convertToEntityAttribute(Object o) { return o; } }"),
                entity(
                    "B",
                    "@Entity public class B { @Id Long id; @Convert(converter = Raw.class) String"
                        + " x; }")))
        .hadErrorContaining("[migrata.E101]");
    assertThat(failing("C", "@Entity public class C { @Id Long id; Thread x; }"))
        .hadErrorContaining("[migrata.E102]");
    assertThat(
            failing(
                "D",
                "@Entity public class D { @Id @GeneratedValue(strategy = GenerationType.TABLE) Long"
                    + " id; }"))
        .hadErrorContaining("[migrata.E103]");
    assertThat(failing("E", "@Entity public class E { @Id Long id; @ManyToOne Thread x; }"))
        .hadErrorContaining("[migrata.E104]");
    // E105 and E106 (inheritance across packages, map collections): JpaInheritanceTest.
    assertThat(
            failing(
                "H",
                "@Entity @Table(indexes = @Index(columnList = \"nope\")) public class H { @Id Long"
                    + " id; }"))
        .hadErrorContaining("[migrata.E107]");
    assertThat(
            compile(
                dir("I"),
                List.of("-Amigrata.jpa.naming=kebab"),
                entity("I", "@Entity public class I { @Id Long id; }")))
        .hadErrorContaining("[migrata.E108]");
  }

  @Test
  void warnings() {
    Compilation formula =
        compile(
            dir("J"),
            source(
                "org.hibernate.annotations.Formula",
                "package org.hibernate.annotations; public @interface Formula { String value(); }"),
            entity(
                "J",
                "@Entity public class J { @Id Long id;"
                    + " @org.hibernate.annotations.Formula(\"1 + 1\") Integer two; }"));
    assertThat(formula).succeeded();
    assertThat(formula).hadWarningContaining("[migrata.W070]");
    Compilation definition =
        failing(
            "K",
            "@Entity public class K { @Id Long id; @Column(columnDefinition = \"citext\") String"
                + " x; }");
    assertThat(definition).succeeded();
    assertThat(definition).hadWarningContaining("[migrata.W071]");
    Compilation lob =
        failing(
            "L", "@Entity public class L { @Id Long id; @Lob String notes; @Lob byte[] data; }");
    assertThat(lob).succeeded();
    assertThat(lob)
        .hadWarningContaining(
            "[migrata.W078] The attribute 'notes' of the entity L is @Lob, which Hibernate maps to"
                + " a large object (oid) on PostgreSQL");
    assertThat(lob).hadWarningContaining("@JdbcTypeCode(SqlTypes.LONG32VARCHAR)");
    assertThat(lob).hadWarningContaining("refuses the bytea column");
  }
}
