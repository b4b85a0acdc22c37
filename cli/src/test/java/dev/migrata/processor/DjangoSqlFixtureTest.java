package dev.migrata.processor;

import static dev.migrata.processor.EndToEndTest.allSources;
import static dev.migrata.processor.EndToEndTest.javac;
import static dev.migrata.processor.EndToEndTest.writeIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, "Done means": a database created with Django 5.2's exact SQL ({@code
 * src/test/resources/django-sql}, written from Django's schema editors; see its README) is taken
 * over by Migrata: {@code migrate --fake-initial} records the processor's {@code 0001_initial} for
 * the same models, and the later migrations the processor writes remove the {@code
 * unique_together}, alter a foreign key and drop a foreign key's index, each finding the object
 * under the name Django gave it, forwards and backwards.
 *
 * <p>The names Django gave (all {@code _create_index_name(table, columns, suffix)}, 63 characters
 * on PostgreSQL, 64 on MySQL; md5 digests of table and columns):
 *
 * <ul>
 *   <li>{@code foundation_organisationm_organisation_id_applican_de1fe1bf_uniq}: the {@code
 *       unique_together} ({@code _unique_constraint_name}, suffix {@code _uniq}), truncated;
 *   <li>{@code foundation_organisat_organisation_id_416dd8a7_fk_foundatio}: the foreign key to the
 *       {@code CharField} key ({@code _fk_constraint_name}, suffix {@code
 *       _fk_foundation_organisation_code}, cut to a third of the budget: {@code _fk_foundatio});
 *   <li>{@code foundation_organisationmem_organisation_id_416dd8a7} (PostgreSQL): its index ({@code
 *       _create_index_sql}, no suffix), and {@code
 *       foundation_organisationm_organisation_id_416dd8a7_like} its {@code varchar_pattern_ops}
 *       twin ({@code _create_like_index_sql}, as the column is {@code varchar});
 *   <li>{@code foundation_organisation_code_fb1de2fc_like} (PostgreSQL): the {@code _like} index of
 *       the {@code CharField} primary key (unique, so {@code _create_like_index_sql} adds one);
 *   <li>{@code foundation_organisat_application_id_0406b71e_fk_foundatio} and (PostgreSQL) {@code
 *       foundation_organisationmem_application_id_0406b71e}: the review's foreign key and index.
 * </ul>
 */
@ParameterizedClass(name = "{0}")
@EnumSource(
    value = Db.Kind.class,
    names = {"POSTGRES", "MARIADB"})
class DjangoSqlFixtureTest {
  private static final String SRC = "src/com/example/foundation/";
  private static final String APPLICATION_TABLE = "foundation_organisationmembershipapplication";
  private static final String REVIEW_TABLE = "foundation_organisationmembershipapplicationreview";

  @Parameter Db.Kind kind;
  @TempDir Path project;
  @TempDir Path dbDir;
  Db db;
  String out;

  @BeforeEach
  void createDatabase() {
    db = Db.create(kind, dbDir);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private static String organisation() {
    return "package com.example.foundation;\n"
        + "import dev.migrata.annotations.*;\n"
        + "@Model\n"
        + "public class Organisation {\n"
        + "  @Field(primaryKey = true, maxLength = 20) String code;\n"
        + "  @Field(maxLength = 100) String name;\n"
        + "}\n";
  }

  private static String application(String uniqueTogether, String foreignKey) {
    return "package com.example.foundation;\n"
        + "import dev.migrata.annotations.*;\n"
        + "@Model\n"
        + uniqueTogether
        + "public class OrganisationMembershipApplication {\n"
        + "  "
        + foreignKey
        + " Organisation organisation;\n"
        + "  @Field(maxLength = 100) String applicantName;\n"
        + "  @Field java.time.LocalDate submitted;\n"
        + "}\n";
  }

  private static String review(String onDelete) {
    return "package com.example.foundation;\n"
        + "import dev.migrata.annotations.*;\n"
        + "@Model\n"
        + "public class OrganisationMembershipApplicationReview {\n"
        + "  @ForeignKey(onDelete = OnDelete."
        + onDelete
        + ")"
        + " OrganisationMembershipApplication application;\n"
        + "  @Field(maxLength = 100) String reviewerName;\n"
        + "}\n";
  }

  private static final String UNIQUE_TOGETHER =
      "@Unique(fields = {\"organisation\", \"applicantName\", \"submitted\"})\n";
  private static final String FK = "@ForeignKey(onDelete = OnDelete.DO_NOTHING)";
  private static final String FK_WITHOUT_INDEX =
      "@ForeignKey(onDelete = OnDelete.DO_NOTHING, index = false)";

  /** Writes the models and compiles them: the processor writes the next migration. */
  private void compile(String application, String review) {
    writeIn(project, SRC + "Organisation.java", organisation());
    writeIn(project, SRC + "OrganisationMembershipApplication.java", application);
    writeIn(project, SRC + "OrganisationMembershipApplicationReview.java", review);
    EndToEndTest.Result r = javac(project, allSources(project));
    assertThat(r.success()).as(r.messages(Diagnostic.Kind.ERROR)).isTrue();
  }

  @Test
  void migrataTakesOverADatabaseDjangoCreated() throws Exception {
    compile(application(UNIQUE_TOGETHER, FK), review("DO_NOTHING"));
    String django = createWithDjangosSql();

    // Migrata's own SQL for its 0001_initial names every object as Django's does.
    assertThat(run("sqlmigrate", "foundation", "0001_initial")).as(out).isZero();
    Matcher generated = Pattern.compile("[`\"](\\w+_[0-9a-f]{8}\\w*)[`\"]").matcher(django);
    List<String> names = new ArrayList<>();
    while (generated.find()) {
      names.add(generated.group(1));
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(3);
    for (String name : names) {
      assertThat(out).as("Migrata's sqlmigrate 0001_initial").contains(name);
    }

    // The same operations as Django's 0001_initial (the README's): three CreateModels, the
    // foreign keys and the unique_together folded in (issue 9, item 7).
    assertThat(migrate("--plan")).as(out).isZero();
    assertThat(out)
        .isEqualTo(
            "Planned operations:\n"
                + "foundation.0001_initial\n"
                + "    Create model Organisation\n"
                + "    Create model OrganisationMembershipApplication\n"
                + "    Create model OrganisationMembershipApplicationReview\n");
    assertThat(migrate("--fake-initial")).as(out).isZero();
    assertThat(out).contains("  Applying foundation.0001_initial... FAKED");

    // Each later migration, forwards: every statement must find Django's object.
    compile(application("", FK), review("DO_NOTHING"));
    compile(application("", FK), review("CASCADE"));
    compile(application("", FK_WITHOUT_INDEX), review("CASCADE"));
    assertThat(migrate()).as(out).isZero();
    assertThat(out)
        .contains("  Applying foundation.0002_")
        .contains("  Applying foundation.0003_")
        .contains("  Applying foundation.0004_")
        .doesNotContain("FAKED");
    assertThat(db.indexes(APPLICATION_TABLE)).noneMatch(i -> i.contains("_uniq"));
    if (kind == Db.Kind.POSTGRES) {
      // Both of Django's indexes of the foreign key went: the plain one and its _like twin.
      assertThat(db.indexes(APPLICATION_TABLE)).noneMatch(i -> i.contains("_id_416dd8a7"));
    }
    assertThat(foreignKeys(REVIEW_TABLE))
        .containsExactly("foundation_organisat_application_id_0406b71e_fk_foundatio");

    // And backwards to Django's schema: the objects Migrata put back carry Django's names.
    assertThat(migrate("foundation", "0001")).as(out).isZero();
    assertThat(out).contains("  Unapplying foundation.0002_");
    assertThat(foreignKeys(APPLICATION_TABLE))
        .containsExactly("foundation_organisat_organisation_id_416dd8a7_fk_foundatio");
    assertThat(db.indexes(APPLICATION_TABLE))
        .anyMatch(
            i -> i.contains("foundation_organisationm_organisation_id_applican_de1fe1bf_uniq"));
  }

  /** The fixture's statements, one by one (comments and line breaks are Django's own). */
  private String createWithDjangosSql() throws Exception {
    String vendor = kind == Db.Kind.POSTGRES ? "postgresql" : "mariadb";
    String sql;
    try (InputStream in =
        getClass().getResourceAsStream("/django-sql/" + vendor + "/0001_initial.sql")) {
      assertThat(in).as("fixture for " + vendor).isNotNull();
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> statements = new ArrayList<>();
    for (String line : sql.split("\n")) {
      if (!line.startsWith("--") && !line.isBlank()) {
        statements.add(line.substring(0, line.length() - 1)); // each ends with ;
      }
    }
    db.exec(statements.toArray(String[]::new));
    return sql;
  }

  private List<String> foreignKeys(String table) throws Exception {
    String schema = kind == Db.Kind.POSTGRES ? "current_schema()" : "DATABASE()";
    return db.rows(
        "SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = "
            + schema
            + " AND table_name = '"
            + table
            + "' AND constraint_type = 'FOREIGN KEY' ORDER BY constraint_name");
  }

  /** {@code migrate ARGS} through the CLI. */
  private int migrate(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("migrate"));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  /** A CLI command with this database's URL, on the scratch build's classes as a user runs it. */
  private int run(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--url", db.url));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    URL classes = project.resolve("classes").toUri().toURL();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null)) {
      thread.setContextClassLoader(loader);
      PrintStream stream = new PrintStream(o, true, StandardCharsets.UTF_8);
      int code = Main.run(command.toArray(String[]::new), stream, stream, Map.of());
      out = o.toString(StandardCharsets.UTF_8);
      return code;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
