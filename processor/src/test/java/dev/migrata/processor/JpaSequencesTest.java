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
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: ids from sequences. {@code SEQUENCE} and {@code AUTO} keys are plain key columns with
 * the sequence Hibernate 7 expects created beside them (names, starts and increments as its own
 * schema export writes them), changes of the sequences detected, and what cannot be mapped refused.
 */
class JpaSequencesTest {
  private static final String PKG = "com.example.billing";
  private static final String MIGRATIONS = PKG + ".migrations";

  @TempDir Path root;

  private static JavaFileObject entity(String name, String body) {
    return source(PKG + "." + name, "package " + PKG + ";\nimport jakarta.persistence.*;\n" + body);
  }

  /** Compiles {@code sources} beside the migrations {@code existing} already written to root. */
  private static Compilation run(Path root, List<JavaFileObject> sources, String... existing) {
    List<JavaFileObject> all = new java.util.ArrayList<>(sources);
    for (String name : existing) {
      all.add(migration(root, MIGRATIONS, name));
    }
    return compile(root, all.toArray(JavaFileObject[]::new));
  }

  private static String invoice(int allocationSize) {
    return "@Entity public class Invoice {\n"
        + "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"invoice_gen\")\n"
        + "  @SequenceGenerator(name = \"invoice_gen\", sequenceName = \"invoice_number_seq\","
        + " initialValue = 1000, allocationSize = "
        + allocationSize
        + ")\n"
        + "  Long id;\n"
        + "  String customer;\n"
        + "}\n";
  }

  /** The five ways Hibernate names a sequence, as its schema export on PostgreSQL writes them. */
  private static List<JavaFileObject> entities(int invoiceAllocation) {
    return List.of(
        entity("Invoice", invoice(invoiceAllocation)),
        entity(
            "InvoiceLine",
            "@Entity @Table(name = \"invoice_lines\") public class InvoiceLine {"
                + " @Id @GeneratedValue Long id; int quantity; }"),
        entity(
            "Payment",
            "@Entity(name = \"PaymentRecord\") public class Payment {"
                + " @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }"),
        entity(
            "Refund",
            "@Entity public class Refund {"
                + " @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator ="
                + " \"refund_ids\") Long id; }"),
        entity(
            "CreditNote",
            "@Entity @SequenceGenerator(name = \"credit_gen\", initialValue = 5)"
                + " public class CreditNote { @Id @GeneratedValue(generator = \"credit_gen\")"
                + " Integer id; }"));
  }

  @Test
  void sequencesComeBeforeTheirTablesAsHibernateNamesThem() {
    Compilation c = run(root, entities(20));
    assertThat(c).succeeded();
    String text = written(root, MIGRATIONS, "M0001_initial");
    Golden.assertMatches("billing/M0001_initial.java", text);
    // Hibernate 7.4's create script on PostgreSQL for the same entities (Spring naming):
    //   create sequence credit_gen start with 5 increment by 50;
    //   create sequence invoice_lines_seq start with 1 increment by 50;
    //   create sequence invoice_number_seq start with 1000 increment by 20;
    //   create sequence payment_record_seq start with 1 increment by 50;
    //   create sequence refund_ids start with 1 increment by 50;
    String flat = text.replaceAll("\\s+", " ");
    assertThat(flat)
        .contains("kind = CREATE_SEQUENCE, name = \"credit_gen\", start = 5, increment = 50")
        .contains("kind = CREATE_SEQUENCE, name = \"invoice_lines_seq\", increment = 50")
        .contains(
            "kind = CREATE_SEQUENCE, name = \"invoice_number_seq\", start = 1000, increment = 20")
        .contains("kind = CREATE_SEQUENCE, name = \"payment_record_seq\", increment = 50")
        .contains("kind = CREATE_SEQUENCE, name = \"refund_ids\", increment = 50")
        .contains("@FieldDef(name = \"id\", type = \"BigIntegerField\", primaryKey = true)")
        .contains("@FieldDef(name = \"id\", type = \"IntegerField\", primaryKey = true)")
        .doesNotContain("AutoField");
    assertThat(flat.lastIndexOf("kind = CREATE_SEQUENCE"))
        .isLessThan(flat.indexOf("kind = CREATE_MODEL"));
  }

  @Test
  void theSameInputWritesTheSameBytes() throws Exception {
    assertThat(run(root, entities(20))).succeeded();
    String first = written(root, MIGRATIONS, "M0001_initial");
    Path again = Files.createDirectories(root.resolve("again"));
    assertThat(run(again, entities(20))).succeeded();
    assertThat(written(again, MIGRATIONS, "M0001_initial")).isEqualTo(first);
  }

  @Test
  void aNewAllocationSizeAltersTheSequenceAndADeletedEntityDropsIt() {
    assertThat(run(root, entities(20))).succeeded();
    Compilation altered = run(root, entities(10), "M0001_initial");
    assertThat(altered).succeeded();
    assertThat(Compiling.files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_alter_sequence_invoice_number_seq.java");
    String m2 = written(root, MIGRATIONS, "M0002_alter_sequence_invoice_number_seq");
    Golden.assertMatches("billing/M0002_alter_sequence_invoice_number_seq.java", m2);

    List<JavaFileObject> withoutRefund =
        entities(10).stream().filter(f -> !f.getName().contains("Refund")).toList();
    Compilation deleted =
        run(root, withoutRefund, "M0001_initial", "M0002_alter_sequence_invoice_number_seq");
    assertThat(deleted).succeeded();
    String name = Compiling.files(root, MIGRATIONS).get(2).replace(".java", "");
    String m3 = written(root, MIGRATIONS, name).replaceAll("\\s+", " ");
    assertThat(m3).contains("kind = DELETE_MODEL, name = \"Refund\"");
    assertThat(m3).contains("kind = DELETE_SEQUENCE, name = \"refund_ids\", increment = 50");
    assertThat(m3.indexOf("kind = DELETE_MODEL")).isLessThan(m3.indexOf("kind = DELETE_SEQUENCE"));
  }

  @Test
  void aHandWrittenSequenceOfAnAppWithoutEntitiesIsKept() throws Exception {
    JavaFileObject model =
        source(
            "com.example.ledger.Account",
            "package com.example.ledger;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Model public class Account { @Field(maxLength = 20) String code; }");
    assertThat(compile(root, model)).succeeded();
    String pkg = "com.example.ledger.migrations";
    String handWritten =
        "package "
            + pkg
            + ";\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration(app = \"ledger\", name = \"0002_create_sequence_account_no\","
            + " dependencies = @Dependency(app = \"ledger\", name = \"0001_initial\"),"
            + " operations = @Op(kind = Op.Kind.CREATE_SEQUENCE, name = \"account_no\","
            + " start = 100))\n"
            + "public final class M0002_create_sequence_account_no {}\n";
    Files.writeString(
        root.resolve(pkg.replace('.', '/')).resolve("M0002_create_sequence_account_no.java"),
        handWritten);
    JavaFileObject sequence = migration(root, pkg, "M0002_create_sequence_account_no");
    Compilation again = compile(root, model, migration(root, pkg, "M0001_initial"), sequence);
    assertThat(again).succeeded();
    assertThat(Compiling.files(root, pkg))
        .containsExactly("M0001_initial.java", "M0002_create_sequence_account_no.java");
  }

  @Test
  void jpaNamingKeepsHibernatesSuffix() {
    Compilation c =
        compile(
            root,
            List.of("-Amigrata.jpa.naming=jpa"),
            entity(
                "InvoiceLine",
                "@Entity public class InvoiceLine { @Id @GeneratedValue Long id; }"));
    assertThat(c).succeeded();
    assertThat(written(root, MIGRATIONS, "M0001_initial")).contains("\"InvoiceLine_SEQ\"");
  }

  /**
   * As Hibernate 7.4's export: {@code orders_seq start with 7 increment by 50}, {@code
   * quote_numbers start with 1 increment by 5}, and for Memo, whose generator only another entity
   * declares, {@code other_gen start with 1 increment by 50}.
   */
  @Test
  void unnamedGeneratorsAndGeneratorsOfOtherEntities() {
    Compilation c =
        compile(
            root,
            entity(
                "Order",
                "@Entity @Table(name = \"orders\") public class Order { @Id"
                    + " @GeneratedValue(strategy = GenerationType.SEQUENCE)"
                    + " @SequenceGenerator(initialValue = 7) Long id; }"),
            entity(
                "Quote",
                "@Entity public class Quote { @Id @GeneratedValue"
                    + " @SequenceGenerator(sequenceName = \"quote_numbers\", allocationSize = 5)"
                    + " Long id; }"),
            entity(
                "Memo",
                "@Entity public class Memo { @Id @GeneratedValue(generator = \"other_gen\") Long"
                    + " id; }"),
            entity(
                "Note",
                "@Entity @SequenceGenerator(name = \"other_gen\", sequenceName = \"shared_other\","
                    + " initialValue = 3, allocationSize = 2) public class Note { @Id"
                    + " @GeneratedValue(generator = \"other_gen\") Long id; }"));
    assertThat(c).succeeded();
    String flat = written(root, MIGRATIONS, "M0001_initial").replaceAll("\\s+", " ");
    assertThat(flat)
        .contains("name = \"orders_seq\", start = 7, increment = 50)")
        .contains("name = \"quote_numbers\", increment = 5)")
        .contains("name = \"other_gen\", increment = 50)")
        .contains("name = \"shared_other\", start = 3, increment = 2)");
  }

  @Test
  void entitiesSharingAGeneratorShareOneSequence() {
    String shared =
        "@SequenceGenerator(name = \"doc_gen\", sequenceName = \"document_seq\","
            + " allocationSize = 1)";
    Compilation c =
        compile(
            root,
            entity(
                "Quote",
                "@Entity "
                    + shared
                    + " public class Quote {"
                    + " @Id @GeneratedValue(generator = \"doc_gen\") Long id; }"),
            entity(
                "Receipt",
                "@Entity "
                    + shared
                    + " public class Receipt {"
                    + " @Id @GeneratedValue(generator = \"doc_gen\") Long id; }"));
    assertThat(c).succeeded();
    String text = written(root, MIGRATIONS, "M0001_initial");
    assertThat(text.split("kind = CREATE_SEQUENCE", -1)).hasSize(2);
    assertThat(text).contains("name = \"document_seq\")");
  }

  private Path dir(String name) {
    try {
      return Files.createDirectories(root.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void diagnostics() {
    assertThat(
            compile(
                dir("table"),
                entity(
                    "T",
                    "@Entity public class T { @Id @GeneratedValue(strategy = GenerationType.TABLE)"
                        + " Long id; }")))
        .hadErrorContaining(
            "[migrata.E103] The id 'id' of the entity T is generated with"
                + " GenerationType.TABLE");
    assertThat(
            compile(
                dir("string"),
                entity(
                    "S",
                    "@Entity public class S { @Id @GeneratedValue(strategy ="
                        + " GenerationType.SEQUENCE) String id; }")))
        .hadErrorContaining("[migrata.E103]");
    assertThat(
            compile(
                dir("conflict"),
                entity(
                    "A",
                    "@Entity public class A { @Id @GeneratedValue(generator = \"g\")"
                        + " @SequenceGenerator(name = \"g\", sequenceName = \"shared_seq\") Long"
                        + " id; }"),
                entity(
                    "B",
                    "@Entity public class B { @Id @GeneratedValue(generator = \"h\")"
                        + " @SequenceGenerator(name = \"h\", sequenceName = \"shared_seq\","
                        + " allocationSize = 1) Long id; }")))
        .hadErrorContaining(
            "[migrata.E109] The id of the entity B draws from the sequence 'shared_seq' with"
                + " initialValue 1 and allocationSize 1, but the entity A declares that sequence"
                + " with initialValue 1 and allocationSize 50");
    assertThat(
            compile(
                dir("allocation"),
                entity(
                    "Z",
                    "@Entity public class Z { @Id @GeneratedValue(generator = \"z\")"
                        + " @SequenceGenerator(name = \"z\", allocationSize = 0) Long id; }")))
        .hadErrorContaining("[migrata.E110] The sequence 'z' of the entity Z has allocationSize 0");
  }
}
