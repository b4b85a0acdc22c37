package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 7: {@code 0001_initial} lists the operations Django 5.2's {@code makemigrations}
 * writes for the same models. Django's autodetector pulls foreign keys out into {@code AddField}s
 * and writes indexes, constraints and the {@code unique_together} as operations of their own; its
 * optimizer folds them back into the {@code CreateModel}s where nothing in between refers to them
 * ({@code CreateModel.reduce}).
 */
class DjangoInitialOperationsTest {
  private static final String PKG = "com.example.foundation";

  @TempDir Path root;

  private static JavaFileObject model(String name, String annotations, String body) {
    return source(
        PKG + "." + name,
        "package com.example.foundation;\n"
            + "import dev.migrata.annotations.*;\n"
            + annotations
            + "public class "
            + name
            + " {\n"
            + body
            + "}\n");
  }

  /** The models of {@code cli}'s Django-SQL fixture (its README has Django's versions). */
  @Test
  void threeModelsWithForeignKeysAndAUniqueTogetherAreThreeCreateModels() {
    Compilation c =
        compile(
            root,
            model(
                "Organisation",
                "@Model\n",
                "  @Field(primaryKey = true, maxLength = 20) String code;\n"
                    + "  @Field(maxLength = 100) String name;\n"),
            model(
                "OrganisationMembershipApplication",
                "@Model\n"
                    + "@Unique(fields = {\"organisation\", \"applicantName\", \"submitted\"})\n",
                "  @ForeignKey(onDelete = OnDelete.DO_NOTHING) Organisation organisation;\n"
                    + "  @Field(maxLength = 100) String applicantName;\n"
                    + "  @Field java.time.LocalDate submitted;\n"),
            model(
                "OrganisationMembershipApplicationReview",
                "@Model\n",
                "  @ForeignKey(onDelete = OnDelete.DO_NOTHING)"
                    + " OrganisationMembershipApplication application;\n"
                    + "  @Field(maxLength = 100) String reviewerName;\n"));
    assertThat(c).succeeded();
    String text = written(root, PKG + ".migrations", "M0001_initial");
    Golden.assertMatches("foundation/M0001_initial.java", text);
  }
}
