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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPA property access: with the {@code @Id} on a getter (or {@code @Access(PROPERTY)} on the class)
 * the columns are the getters', and {@code @Access} on one attribute mixes the two.
 */
class JpaPropertyAccessTest {
  private static final String PKG = "com.example.shop";
  private static final String MIGRATIONS = PKG + ".migrations";

  @TempDir Path root;

  private static JavaFileObject entity(String name, String body) {
    return source(PKG + "." + name, "package " + PKG + ";\nimport jakarta.persistence.*;\n" + body);
  }

  private static final String WRITER =
      "@Entity public class Writer {\n"
          + "  private Long id;\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY)\n"
          + "  public Long getId() { return id; } public void setId(Long v) { id = v; }\n"
          + "}\n";

  private static final String ARTICLE =
      "@Entity public class Article {\n"
          + "  private Long id;\n"
          + "  private String heading;\n"
          + "  private boolean live;\n"
          + "  private Writer writer;\n"
          + "  private int cached;\n"
          + "  @Access(AccessType.FIELD) @Column(length = 12) private String code;\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY)\n"
          + "  public Long getId() { return id; } public void setId(Long v) { id = v; }\n"
          + "  @Column(name = \"title\", length = 120, nullable = false)\n"
          + "  public String getHeading() { return heading; }\n"
          + "  public void setHeading(String v) { heading = v; }\n"
          + "  public boolean isLive() { return live; } public void setLive(boolean v) { live = v;"
          + " }\n"
          + "  @ManyToOne(optional = false) @JoinColumn(name = \"writer_id\")\n"
          + "  public Writer getWriter() { return writer; }\n"
          + "  public void setWriter(Writer v) { writer = v; }\n"
          + "  @Transient public String getDisplay() { return heading + cached; }\n"
          + "  public static String getVersionLabel() { return \"v\"; }\n"
          + "  public String describe() { return heading; }\n"
          + "}\n";

  @Test
  void anIdOnAGetterMakesTheGettersTheColumns() {
    Compilation c = compile(root, entity("Writer", WRITER), entity("Article", ARTICLE));
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
    Golden.assertMatches(
        "jpa/property_access_0001.java", written(root, MIGRATIONS, "M0001_initial"));
    String m = flat(written(root, MIGRATIONS, "M0001_initial"));
    assertThat(m)
        .contains("@FieldDef(name = \"id\", type = \"BigAutoField\", primaryKey = true)")
        .contains(
            "@FieldDef(name = \"heading\", type = \"CharField\", column = \"title\", maxLength ="
                + " 120)")
        .contains("@FieldDef(name = \"live\", type = \"BooleanField\")")
        .contains("@FieldDef(name = \"writer\", type = \"ForeignKey\", to = \"shop.writer\"")
        .contains(
            "@FieldDef(name = \"code\", type = \"CharField\", nullable = true, maxLength = 12)")
        .doesNotContain("cached")
        .doesNotContain("display")
        .doesNotContain("versionLabel")
        .doesNotContain("describe");
  }

  @Test
  void accessPropertyOnTheClassAndOnOneGetter() {
    Compilation c =
        compile(
            root,
            entity(
                "Label",
                "@Entity @Access(AccessType.PROPERTY) public class Label {\n"
                    + "  private String code;\n"
                    + "  private String text;\n"
                    + "  @Id public String getCode() { return code; }\n"
                    + "  public void setCode(String v) { code = v; }\n"
                    + "  @Column(length = 40) public String getText() { return text; }\n"
                    + "  public void setText(String v) { text = v; }\n"
                    + "}\n"),
            entity(
                "Note",
                "@Entity public class Note {\n"
                    + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
                    + "  @Transient String fullText;\n"
                    + "  @Access(AccessType.PROPERTY) @Column(name = \"body\", length = 500)\n"
                    + "  public String getFullText() { return fullText; }\n"
                    + "  public void setFullText(String v) { fullText = v; }\n"
                    + "}\n"));
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
    String m = flat(written(root, MIGRATIONS, "M0001_initial"));
    assertThat(m)
        .contains(
            "@FieldDef(name = \"code\", type = \"CharField\", primaryKey = true, maxLength = 255)")
        .contains(
            "@FieldDef(name = \"text\", type = \"CharField\", nullable = true, maxLength = 40)")
        .contains(
            "@FieldDef(name = \"fullText\", type = \"CharField\", column = \"body\", nullable ="
                + " true, maxLength = 500)");
  }

  @Test
  void renamingAPropertyWithRenamedFromOnTheGetter() {
    assertThat(compile(root, entity("Writer", WRITER), entity("Article", ARTICLE))).succeeded();
    String v2 =
        ARTICLE
            .replace("getHeading()", "getHeadline()")
            .replace("setHeading(", "setHeadline(")
            .replace(
                "@Column(name = \"title\"",
                "@dev.migrata.annotations.RenamedFrom(\"heading\") @Column(name = \"title\"");
    Compilation c =
        compile(
            root,
            entity("Writer", WRITER),
            entity("Article", v2),
            migration(root, MIGRATIONS, "M0001_initial"));
    assertThat(c).succeeded();
    assertThat(Compiling.files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_rename_heading_article_headline.java");
  }

  @Test
  void diagnostics() throws Exception {
    assertThat(
            compile(
                dir("A"),
                entity(
                    "A",
                    "@Entity public class A { private Long id; private String name;\n"
                        + "  @Id public Long getId() { return id; }\n"
                        + "  public void setId(Long v) { id = v; }\n"
                        + "  public String getName() { return name; } }")))
        .hadErrorContaining(
            "[migrata.E119] The entity A uses property access, but its property 'name' has the"
                + " getter getName() and no setter setName(java.lang.String)");
    Compilation ignored =
        compile(
            dir("B"),
            entity(
                "B",
                "@Entity public class B { private Long id; @Column(length = 10) private String"
                    + " name;\n"
                    + "  @Id public Long getId() { return id; }\n"
                    + "  public void setId(Long v) { id = v; }\n"
                    + "  public String getName() { return name; }\n"
                    + "  public void setName(String v) { name = v; } }"));
    assertThat(ignored).succeeded();
    assertThat(ignored)
        .hadWarningContaining(
            "[migrata.W077] The field 'name' of the entity B carries @Column, but the entity uses"
                + " property access (its @Id is on a getter)");
    assertThat(flat(written(dir("B"), MIGRATIONS, "M0001_initial"))).contains("maxLength = 255");
  }

  private Path dir(String name) throws java.io.IOException {
    return Files.createDirectories(root.resolve(name));
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
  }
}
