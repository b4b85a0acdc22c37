package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;
import static dev.migrata.processor.MigrationGoldenTest.BOOK_BODY;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history is read with the runtime's loader and graph: references resolve (and fail) at compile
 * time exactly as they do when the runtime loads the index.
 */
class HistoryGraphTest {
  static final String SHOP = "com.example.shop.migrations";
  static final String ON_BOOK = "@Dependency(app = \"library\", name = \"0001_initial\")";

  @TempDir Path root;
  private JavaFileObject library;
  private String shopInitial;

  static JavaFileObject item() {
    return source(
        "com.example.shop.Item",
        "package com.example.shop;\n"
            + "import dev.migrata.annotations.*;\n"
            + "@Model public class Item {\n"
            + "  @Field(maxLength = 5) String sku;\n"
            + "  @ForeignKey(onDelete = OnDelete.CASCADE) com.example.library.Book book;\n"
            + "}\n");
  }

  @BeforeEach
  void historyOfTwoApps() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    library = migration(root, MIGRATIONS, "M0001_initial");
    assertThat(compile(root, author(), book(BOOK_BODY), library, item())).succeeded();
    shopInitial = written(root, SHOP, "M0001_initial");
    assertThat(shopInitial).contains(ON_BOOK);
  }

  private Compilation compileWithShopDependency(String dependency) {
    JavaFileObject shop = source(SHOP + ".M0001_initial", shopInitial.replace(ON_BOOK, dependency));
    return compile(root, author(), book(BOOK_BODY), library, item(), shop);
  }

  @Test
  void dependencyOnFirstOfAnotherAppResolvesToItsRoot() {
    Compilation c =
        compileWithShopDependency("@Dependency(app = \"library\", name = \"__first__\")");
    assertThat(c).succeededWithoutWarnings();
    // Replayed: the shop's model is known, so nothing new is written.
    assertThat(files(root, SHOP)).containsExactly("M0001_initial.java");
  }

  @Test
  void dependencyOnAnUnknownMigrationIsAnErrorOnThatValue() {
    JavaFileObject shop =
        source(
            SHOP + ".M0001_initial",
            shopInitial.replace(
                ON_BOOK, "\n    @Dependency(app = \"library\", name = \"0099_gone\")\n"));
    Compilation c = compile(root, author(), book(BOOK_BODY), library, item(), shop);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "The migration shop.0001_initial depends on library.0099_gone, which does not exist."
                + " Correct its @Dependency or restore the missing migration.")
        .inFile(shop)
        .onLineContaining("0099_gone");
    assertThat(files(root, SHOP)).containsExactly("M0001_initial.java");
  }
}
