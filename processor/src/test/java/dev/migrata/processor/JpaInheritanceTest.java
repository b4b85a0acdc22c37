package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
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
 * JPA entity inheritance, element collections, {@code @MapsId} and bidirectional many-to-many join
 * columns (issue 11): the migrations the processor writes, compared byte for byte with golden files
 * under {@code golden/jpa}, and the diagnostics for what it cannot map, each on its line.
 */
class JpaInheritanceTest {
  private static final String PKG = "com.example.hr";
  private static final String MIGRATIONS = PKG + ".migrations";

  @TempDir Path root;

  private static JavaFileObject entity(String name, String body) {
    return source(
        PKG + "." + name,
        "package " + PKG + ";\nimport jakarta.persistence.*;\nimport java.util.*;\n" + body);
  }

  private static List<JavaFileObject> hierarchy(String employeeExtra) {
    List<JavaFileObject> s = new ArrayList<>();
    s.add(
        entity(
            "Person",
            "@Entity\npublic class Person {\n"
                + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
                + "  @Column(nullable = false, length = 80) String name;\n"
                + "}\n"));
    s.add(
        entity(
            "Employee",
            "@Entity\npublic class Employee extends Person {\n"
                + "  @Column(nullable = false, length = 40) String title;\n"
                + "  int grade;\n"
                + "  @ElementCollection @OrderColumn List<String> skills;\n"
                + "  @ElementCollection\n"
                + "  @CollectionTable(name = \"employee_phones\","
                + " joinColumns = @JoinColumn(name = \"owner_id\"))\n"
                + "  Set<Phone> phones;\n"
                + "  @ManyToMany(mappedBy = \"members\") Set<Project> projects;\n"
                + employeeExtra
                + "}\n"));
    s.add(
        entity(
            "Contractor",
            "@Entity\npublic class Contractor extends Person {\n  String agency;\n}\n"));
    s.add(
        entity(
            "Phone",
            "@Embeddable\npublic class Phone {\n"
                + "  @Column(length = 10) String kind;\n"
                + "  String number;\n"
                + "}\n"));
    s.add(
        entity(
            "Project",
            "@Entity\npublic class Project {\n"
                + "  @Id String code;\n"
                + "  @ManyToMany Set<Employee> members;\n"
                + "}\n"));
    s.add(
        entity(
            "Badge",
            "@Entity\npublic class Badge {\n"
                + "  @Id Long id;\n"
                + "  @OneToOne @MapsId Employee employee;\n"
                + "  String code;\n"
                + "}\n"));
    s.add(
        entity(
            "Vehicle",
            "@Entity @Inheritance(strategy = InheritanceType.JOINED)\npublic class Vehicle {\n"
                + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
                + "  String make;\n"
                + "}\n"));
    s.add(entity("Car", "@Entity\npublic class Car extends Vehicle {\n  int seats;\n}\n"));
    s.add(
        entity(
            "Truck",
            "@Entity @PrimaryKeyJoinColumn(name = \"truck_id\")\n"
                + "public class Truck extends Vehicle {\n  @ManyToOne Person driver;\n}\n"));
    s.add(
        entity(
            "Payment",
            "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)\n"
                + "public abstract class Payment {\n"
                + "  @Id String ref;\n"
                + "  @Column(precision = 10, scale = 2) java.math.BigDecimal amount;\n"
                + "}\n"));
    s.add(
        entity(
            "CardPayment",
            "@Entity\npublic class CardPayment extends Payment {\n  String last4;\n}\n"));
    return s;
  }

  @Test
  void inheritanceCollectionsAndMapsIdAsHibernateMapsThem() {
    Compilation c = compile(root, hierarchy("").toArray(JavaFileObject[]::new));
    assertThat(c).succeeded();
    Golden.assertMatches("jpa/M0001_initial.java", written(root, MIGRATIONS, "M0001_initial"));
  }

  @Test
  void aNewSingleTableSubclassAddsItsColumnsToTheRootTable() {
    List<JavaFileObject> v1 = hierarchy("");
    v1.remove(2); // no Contractor yet
    assertThat(compile(root, v1.toArray(JavaFileObject[]::new))).succeeded();
    List<JavaFileObject> v2 = hierarchy("  @Column(length = 20) String badgeColor;\n");
    v2.add(migration(root, MIGRATIONS, "M0001_initial"));
    Compilation c = compile(root, v2.toArray(JavaFileObject[]::new));
    assertThat(c).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(2);
    String second = files(root, MIGRATIONS).get(1).replace(".java", "");
    Golden.assertMatches("jpa/" + second + ".java", written(root, MIGRATIONS, second));
  }

  @Test
  void discriminatorColumnFollowsTheNamingAndItsAnnotation() throws Exception {
    JavaFileObject animal =
        entity(
            "Animal",
            "@Entity public class Animal { @Id Long id; }\n"
                + "@Entity class Dog extends Animal { String bark; }\n");
    Compilation jpa = compile(dir("jpa"), List.of("-Amigrata.jpa.naming=jpa"), animal);
    assertThat(jpa).succeeded();
    assertThat(flat(written(root.resolve("jpa"), MIGRATIONS, "M0001_initial")))
        .contains("name = \"dtype\", type = \"CharField\", column = \"DTYPE\", maxLength = 31")
        .contains("name = \"bark\", type = \"CharField\", nullable = true");
    JavaFileObject coded =
        entity(
            "Animal",
            "@Entity @DiscriminatorColumn(name = \"KindCode\","
                + " discriminatorType = DiscriminatorType.INTEGER)\n"
                + "public class Animal { @Id Long id; }\n"
                + "@Entity class Dog extends Animal { String bark; }\n");
    assertThat(compile(dir("spring"), coded)).succeeded();
    assertThat(flat(written(root.resolve("spring"), MIGRATIONS, "M0001_initial")))
        .contains("name = \"kind_code\", type = \"IntegerField\")");
  }

  @Test
  void mapCollectionsHaveAKeyColumn() throws Exception {
    JavaFileObject e =
        entity(
            "Sheet",
            "@Entity\npublic class Sheet {\n"
                + "  @Id Long id;\n"
                + "  @ElementCollection Map<String, Integer> cells;\n"
                + "  @ElementCollection @MapKeyColumn(name = \"lang\", length = 5)\n"
                + "  Map<String, String> titles;\n"
                + "}\n");
    assertThat(compile(dir("map"), e)).succeeded();
    assertThat(flat(written(root.resolve("map"), MIGRATIONS, "M0001_initial")))
        .contains("table = \"sheet_cells\"")
        .contains("name = \"cells\", type = \"IntegerField\", nullable = true")
        .contains("name = \"cellsKey\", type = \"CharField\", column = \"cells_key\",")
        .contains("name = \"titlesKey\", type = \"CharField\", column = \"lang\", maxLength = 5")
        .contains("column = \"sheet_id\"");
  }

  /** The migration text on one line, so asserts do not depend on the writer's line breaks. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
  }

  /** A fresh source root for one compile of the test. */
  private Path dir(String name) throws Exception {
    return Files.createDirectories(root.resolve(name));
  }

  @Test
  void singleTableSubclassInAnotherPackage() throws Exception {
    JavaFileObject child =
        source(
            "com.example.other.Manager",
            "package com.example.other;\n"
                + "import jakarta.persistence.*;\n"
                + "@Entity\n"
                + "public class Manager extends com.example.hr.Person {\n"
                + "  String office;\n"
                + "}\n");
    Compilation c = compile(dir("e105"), hierarchy("").get(0), child);
    assertThat(c).hadErrorContaining("[migrata.E105]").inFile(child).onLine(4);
  }

  @Test
  void mapsWithEnumKeysAreRefused() throws Exception {
    JavaFileObject e =
        entity(
            "Sheet",
            "@Entity\npublic class Sheet {\n"
                + "  @Id Long id;\n"
                + "  @ElementCollection Map<java.time.DayOfWeek, String> cells;\n"
                + "}\n");
    assertThat(compile(dir("e106"), e)).hadErrorContaining("[migrata.E106]").inFile(e).onLine(7);
  }

  @Test
  void tablePerClassWithIdentityIsRefused() throws Exception {
    JavaFileObject e =
        entity(
            "Shape",
            "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)\n"
                + "public class Shape {\n"
                + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
                + "}\n");
    JavaFileObject sub = entity("Circle", "@Entity public class Circle extends Shape { int r; }");
    assertThat(compile(dir("e113"), e, sub))
        .hadErrorContaining("[migrata.E113]")
        .inFile(e)
        .onLine(6);
  }

  @Test
  void relationToAnAbstractTablePerClassRootIsRefused() throws Exception {
    JavaFileObject ledger =
        entity(
            "Ledger",
            "@Entity\npublic class Ledger {\n"
                + "  @Id Long id;\n"
                + "  @ManyToOne Payment last;\n"
                + "}\n");
    List<JavaFileObject> s = new ArrayList<>(hierarchy("").subList(9, 11));
    s.add(ledger);
    assertThat(compile(dir("e114"), s.toArray(JavaFileObject[]::new)))
        .hadErrorContaining("[migrata.E114]")
        .inFile(ledger)
        .onLine(7);
  }

  @Test
  void mapsIdOfAKeyPartIsRefused() throws Exception {
    JavaFileObject e =
        entity(
            "Seat",
            "@Entity\npublic class Seat {\n"
                + "  @Id Long id;\n"
                + "  @OneToOne @MapsId(\"id\") Seat next;\n"
                + "}\n");
    assertThat(compile(dir("e115"), e)).hadErrorContaining("[migrata.E115]").inFile(e).onLine(7);
  }
}
