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
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Django's {@code db_constraint} and Migrata's foreign key constraint name through the whole
 * processor, for {@code @Model} relations and JPA's {@code @ForeignKey(name | NO_CONSTRAINT)}:
 * written into migrations (golden files under {@code golden/fkconstraint}), read back unchanged, a
 * change is an AlterField; and the diagnostics, each on its line.
 */
class ForeignKeyConstraintGoldenTest {
  private static final String PKG = "com.example.lending";
  private static final String MIGRATIONS = PKG + ".migrations";
  private static final String JPA_PKG = "com.example.store";

  @TempDir Path root;

  private static JavaFileObject model(String name, String body) {
    return source(
        PKG + "." + name, "package " + PKG + ";\nimport dev.migrata.annotations.*;\n" + body);
  }

  private static JavaFileObject member() {
    return model(
        "Member", "@Model\npublic class Member {\n  @Field(maxLength = 80) String name;\n}\n");
  }

  private static JavaFileObject loan(String memberOptions, String witnessOptions) {
    return model(
        "Loan",
        "@Model\n"
            + "public class Loan {\n"
            + "  @ForeignKey(onDelete = OnDelete.CASCADE"
            + memberOptions
            + ")\n"
            + "  Member member;\n"
            + "  @ForeignKey(onDelete = OnDelete.DO_NOTHING, nullable = true"
            + witnessOptions
            + ")\n"
            + "  Member witness;\n"
            + "}\n");
  }

  private static JavaFileObject entity(String name, String body) {
    return source(
        JPA_PKG + "." + name, "package " + JPA_PKG + ";\nimport jakarta.persistence.*;\n" + body);
  }

  private String next(String className, JavaFileObject... sources) {
    List<String> before = files(root, MIGRATIONS);
    Compilation compilation = compile(root, sources);
    assertThat(compilation).succeeded();
    assertThat(
            compilation.warnings().stream()
                .map(d -> d.getMessage(Locale.ROOT))
                .filter(m -> !m.startsWith("[safety."))
                .toList())
        .isEmpty();
    assertThat(files(root, MIGRATIONS)).hasSize(before.size() + 1).contains(className + ".java");
    return written(root, MIGRATIONS, className);
  }

  private JavaFileObject initial() {
    String text =
        next(
            "M0001_initial",
            member(),
            loan(", constraintName = \"fk_loan_member\"", ", dbConstraint = false"));
    Golden.assertMatches("fkconstraint/M0001_initial.java", text);
    return migration(root, MIGRATIONS, "M0001_initial");
  }

  @Test
  void theOptionsAreWrittenIntoTheMigrationAndReadBackUnchanged() {
    JavaFileObject m1 = initial();
    Compilation again =
        compile(
            root,
            member(),
            loan(", constraintName = \"fk_loan_member\"", ", dbConstraint = false"),
            m1);
    assertThat(again).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void aNewNameAndANewConstraintAreAlterFields() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_alter_loan_member_alter_loan_witness",
            member(),
            loan(", constraintName = \"fk_loan_borrower\"", ""),
            m1);
    Golden.assertMatches("fkconstraint/M0002_alter_loan_member_alter_loan_witness.java", text);
  }

  @Test
  void jpaForeignKeyNamesAndNoConstraint() {
    JavaFileObject customer =
        entity("Customer", "@Entity\npublic class Customer {\n  @Id Long id;\n  String name;\n}\n");
    JavaFileObject order =
        entity(
            "PurchaseOrder",
            "@Entity\n"
                + "public class PurchaseOrder {\n"
                + "  @Id Long id;\n"
                + "  @ManyToOne(optional = false)\n"
                + "  @JoinColumn(name = \"customer_id\","
                + " foreignKey = @ForeignKey(name = \"fk_order_customer\"))\n"
                + "  Customer customer;\n"
                + "  @ManyToOne\n"
                + "  @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))\n"
                + "  Customer referrer;\n"
                + "}\n");
    Compilation c = compile(root, customer, order);
    assertThat(c).succeeded();
    assertThat(c.warnings().stream().map(d -> d.getMessage(Locale.ROOT)).toList()).isEmpty();
    Golden.assertMatches(
        "fkconstraint/jpa_0001.java", written(root, JPA_PKG + ".migrations", "M0001_initial"));
  }

  @Test
  void jpaJoinAndCollectionTablesKeepTheirForeignKeyNames() {
    JavaFileObject tag =
        entity("Tag", "@Entity\npublic class Tag {\n  @Id Long id;\n  String label;\n}\n");
    JavaFileObject item =
        entity(
            "Item",
            "@Entity\n"
                + "public class Item {\n"
                + "  @Id Long id;\n"
                + "  @ManyToMany\n"
                + "  @JoinTable(name = \"item_tags\","
                + " joinColumns = @JoinColumn(name = \"item_id\","
                + " foreignKey = @ForeignKey(name = \"fk_item_tags_item\")),"
                + " inverseForeignKey = @ForeignKey(name = \"fk_item_tags_tag\"))\n"
                + "  java.util.Set<Tag> tags;\n"
                + "  @ElementCollection\n"
                + "  @CollectionTable(name = \"item_notes\","
                + " foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))\n"
                + "  java.util.List<String> notes;\n"
                + "}\n");
    Compilation c = compile(root, tag, item);
    assertThat(c).succeeded();
    String text = written(root, JPA_PKG + ".migrations", "M0001_initial");
    assertThat(text)
        .contains("constraintName = \"fk_item_tags_item\"")
        .contains("constraintName = \"fk_item_tags_tag\"")
        .contains("dbConstraint = false");
    // The collection table's key has no constraint; the join table's keys have theirs.
    assertThat(text.split("dbConstraint = false", -1)).hasSize(2);
  }

  @Test
  void aNameWithoutAConstraintIsAnError() {
    JavaFileObject loan = loan(", constraintName = \"fk_loan_member\", dbConstraint = false", "");
    Compilation c = compile(root, member(), loan);
    assertThat(c).hadErrorContaining("[migrata.E116]").inFile(loan).onLine(5);
    assertThat(c)
        .hadErrorContaining(
            "The relation 'member' of Loan has constraintName \"fk_loan_member\" but dbConstraint"
                + " = false");
  }

  @Test
  void aNameLongerThanTheBackendsKeepIsAnError() {
    String name = "fk_" + "x".repeat(61);
    JavaFileObject loan = loan(", constraintName = \"" + name + "\"", "");
    Compilation c = compile(root, member(), loan);
    assertThat(c).hadErrorContaining("[migrata.E117]").inFile(loan).onLine(5);
    assertThat(c).hadErrorContaining("has 64 characters");

    JavaFileObject order =
        entity(
            "PurchaseOrder",
            "@Entity\n"
                + "public class PurchaseOrder {\n"
                + "  @Id Long id;\n"
                + "  @ManyToOne @JoinColumn(foreignKey = @ForeignKey(name = \""
                + name
                + "\"))\n"
                + "  PurchaseOrder parent;\n"
                + "}\n");
    assertThat(compile(root.resolve("jpa"), order))
        .hadErrorContaining("[migrata.E117]")
        .inFile(order)
        .onLine(6);
  }

  @Test
  void aJpaNameBesideNoConstraintIsIgnoredWithAWarning() {
    JavaFileObject order =
        entity(
            "PurchaseOrder",
            "@Entity\n"
                + "public class PurchaseOrder {\n"
                + "  @Id Long id;\n"
                + "  @ManyToOne\n"
                + "  @JoinColumn(foreignKey = @ForeignKey(value = ConstraintMode.NO_CONSTRAINT,"
                + " name = \"fk_parent\"))\n"
                + "  PurchaseOrder parent;\n"
                + "}\n");
    Compilation c = compile(root, order);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[migrata.W075]").inFile(order).onLine(7);
    assertThat(written(root, JPA_PKG + ".migrations", "M0001_initial"))
        .contains("dbConstraint = false")
        .doesNotContain("fk_parent");
  }
}
