package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.state.ModelState;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay cache ({@code META-INF/migrata/replay-cache} in the class output) against a full
 * replay: every build below runs twice on real javac, in a project with the cache and in a copy
 * with {@code -Amigrata.replayCache=false}, and both must end alike — the replayed state, the
 * diagnostics, the migrations written, the index bytes — while the cached project takes its history
 * from the cache exactly when nothing it stands for changed.
 */
class ReplayCacheTest {
  private static final String LIBRARY = "src/com/example/library/";
  private static final String MIGRATIONS = LIBRARY + "migrations/";
  private static final String BOOK = LIBRARY + "Book.java";
  private static final String CACHE = "classes/" + ReplayCache.RESOURCE;

  @TempDir Path cached;
  @TempDir Path replayed;

  /** One build: an edit of the project, then javac over some of its sources. */
  record Step(String name, Consumer<Path> edit, List<String> sources, List<String> options) {}

  /** What a build left that must not depend on the cache. */
  record Outcome(
      boolean success,
      List<String> diagnostics,
      Map<String, String> sources,
      String index,
      List<ModelState> state,
      List<String> history) {}

  private static Step partial(String name, Consumer<Path> edit) {
    return new Step(name, edit, List.of(BOOK), List.of());
  }

  private static Step full(String name, Consumer<Path> edit) {
    return new Step(name, edit, null, List.of());
  }

  private static final Consumer<Path> NOTHING = p -> {};

  private static Consumer<Path> bookWith(String extra) {
    return p -> write(p, BOOK, EndToEndTest.book(extra));
  }

  @Test
  void aPartialCompileTakesTheHistoryFromTheCacheUntilAMigrationAppears() {
    String rating = "  @Field(defaultValue = \"0\") int rating;\n";
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("first partial compile: stores", NOTHING),
            partial("model unchanged", NOTHING),
            partial("model changed: writes 0002", bookWith(rating)),
            partial("0002 is a new class: replays", NOTHING),
            partial("again", NOTHING),
            full("full build: its migrations are sources", NOTHING)),
        false,
        false,
        true,
        true,
        false,
        true,
        false);
    assertThat(EndToEndTest.index(cached))
        .containsExactly("library.0001_initial", "library.0002_book_rating");
  }

  @Test
  void aMigrationEditedOutsideTheProcessorIsReplayedAgain() {
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("stores", NOTHING),
            new Step(
                "hand edit of 0001 compiled without the processor",
                p ->
                    write(
                        p,
                        MIGRATIONS + "M0001_initial.java",
                        read(p, MIGRATIONS + "M0001_initial.java")
                            .replace("maxLength = 200", "maxLength = 255")),
                List.of(MIGRATIONS + "M0001_initial.java"),
                List.of("-proc:none")),
            partial("the class file changed: replays, alters back to 200", NOTHING),
            new Step(
                "a migration compiled with the model",
                bookWith("  @Field(nullable = true) Integer pages;\n"),
                List.of(BOOK, MIGRATIONS + "M0001_initial.java"),
                List.of())),
        false,
        false,
        false,
        false,
        false);
    assertThat(EndToEndTest.migrationFiles(cached))
        .containsExactly(
            "M0001_initial.java", "M0002_alter_book_title.java", "M0003_book_pages.java");
  }

  @Test
  void deletedMigrationsAndSourcesAreNoticed() {
    String rating = "  @Field(defaultValue = \"0\") int rating;\n";
    assertHits(
        List.of(
            full("clean build", NOTHING),
            full("writes 0002", bookWith(rating)),
            partial("stores", NOTHING),
            partial("hit", NOTHING),
            partial(
                "0002's source deleted, its class file left: W050 again",
                p -> {
                  delete(p, MIGRATIONS + "M0002_book_rating.java");
                  write(p, BOOK, EndToEndTest.book(""));
                }),
            partial(
                "0002's class deleted too",
                p -> delete(p, "classes/com/example/library/migrations/M0002_book_rating.class")),
            partial("hit", NOTHING)),
        false,
        false,
        false,
        true,
        false,
        false,
        true);
    assertThat(EndToEndTest.index(cached)).containsExactly("library.0001_initial");
  }

  /**
   * Without a source path, and with the source root not on the class path, javac reads the
   * migrations' class files only (an IDE's partial compile): a source edited but not compiled
   * changes nothing a replay reads, so it is still a hit, and the outcome equals a full replay's. A
   * source added is a miss (a deleted one is {@link #deletedMigrationsAndSourcesAreNoticed}).
   */
  @Test
  void aMigrationSourceEditedButNotCompiledIsAHitWhenJavacCannotReadIt() {
    sourceEditedNotCompiled(List.of(), true);
  }

  /** With the source root as the source path javac may compile a newer source: a miss. */
  @Test
  void aMigrationSourceEditedButNotCompiledIsAMissWhenJavacCanReadIt() {
    sourceEditedNotCompiled(List.of("-sourcepath", "SRC"), false);
  }

  /** The same when javac compiles what it reads without writing its class file. */
  @Test
  void aMigrationSourceEditedButNotCompiledIsAMissWithImplicitNone() {
    sourceEditedNotCompiled(List.of("-sourcepath", "SRC", "-implicit:none"), false);
  }

  /** The same when javac prefers a source to its class file whatever their times. */
  @Test
  void aMigrationSourceEditedButNotCompiledIsAMissWhenJavacPrefersSources() {
    sourceEditedNotCompiled(List.of("-sourcepath", "SRC", "-Xprefer:source"), false);
  }

  /** Without a source path javac looks for sources on the class path: a miss there too. */
  @Test
  void aMigrationSourceEditedButNotCompiledIsAMissWhenTheClassPathHoldsTheSources() {
    sourceEditedNotCompiled(List.of("-cp", "SRC"), false);
  }

  /**
   * A source path set by one compile and not by the next (or back) changes how the sources are
   * listed: a miss, never a history stored under the other view.
   */
  @Test
  void aSourcePathAddedOrDroppedIsAMiss() {
    List<String> sourcePath = List.of("-sourcepath", "SRC");
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("stores", NOTHING),
            new Step("with a source path: replays", NOTHING, List.of(BOOK), sourcePath),
            new Step("hit", NOTHING, List.of(BOOK), sourcePath),
            partial("without: replays", NOTHING),
            partial("hit", NOTHING)),
        false,
        false,
        false,
        true,
        false,
        true);
  }

  private void sourceEditedNotCompiled(List<String> options, boolean editIsAHit) {
    assertHits(
        List.of(
            full("clean build", NOTHING),
            new Step("stores", NOTHING, List.of(BOOK), options),
            new Step("hit", NOTHING, List.of(BOOK), options),
            new Step(
                "0001's source edited, not compiled",
                p ->
                    write(
                        p,
                        MIGRATIONS + "M0001_initial.java",
                        read(p, MIGRATIONS + "M0001_initial.java")
                                .replace("maxLength = 200", "maxLength = 255")
                            + "// a note\n"),
                List.of(BOOK),
                options),
            new Step("hit again", NOTHING, List.of(BOOK), options),
            new Step(
                "a new migration source, not compiled",
                p ->
                    write(
                        p,
                        MIGRATIONS + "Notes.java",
                        "package com.example.library.migrations;\nclass Notes {}\n"),
                List.of(BOOK),
                options),
            new Step("hit again", NOTHING, List.of(BOOK), options)),
        false,
        false,
        true,
        editIsAHit,
        null,
        false,
        null);
  }

  @Test
  void anIndexChangedOutsideTheProcessorIsWrittenAgain() {
    String index = "classes/" + MigrationIndex.RESOURCE;
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("stores", NOTHING),
            partial("hit: the index is known to be up to date", NOTHING),
            partial(
                "index emptied",
                p ->
                    write(p, index, read(p, index).substring(0, read(p, index).indexOf('\n') + 1))),
            partial("index as before", NOTHING),
            partial("index deleted", p -> delete(p, index)),
            partial("hit", NOTHING)),
        false,
        false,
        true,
        true,
        true,
        true,
        true);
    assertThat(EndToEndTest.index(cached)).containsExactly("library.0001_initial");
  }

  @Test
  void aCompileThatChangesNothingLeavesTheIndexFileAlone() throws IOException {
    assertHits(List.of(full("clean build", NOTHING), partial("stores", NOTHING)), false, false);
    Path index = cached.resolve("classes").resolve(MigrationIndex.RESOURCE);
    Path cache = cached.resolve(CACHE);
    FileTime indexTime = Files.getLastModifiedTime(index);
    FileTime cacheTime = Files.getLastModifiedTime(cache);
    String text = Files.readString(index);
    Run run = compile(cached, List.of(BOOK), List.of());
    assertThat(run.success()).isTrue();
    assertThat(run.hits()).isEqualTo(1);
    assertThat(Files.getLastModifiedTime(index)).isEqualTo(indexTime);
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(cacheTime);
    assertThat(Files.readString(index)).isEqualTo(text);
    // Without the cache, the same compile compares the index's bytes and leaves it alone too.
    Run off = compile(cached, List.of(BOOK), List.of("-Amigrata.replayCache=false"));
    assertThat(off.success()).isTrue();
    assertThat(Files.getLastModifiedTime(index)).isEqualTo(indexTime);
  }

  @Test
  void anAppAddedOrAForeignKeyToAnotherAppChangesTheReplayedApps() {
    String order =
        "package com.example.shop;\nimport dev.migrata.annotations.*;\nimport"
            + " com.example.library.Book;\n@Model\npublic class Order {\n"
            + "  @Field(maxLength = 10) String code;\n%s}\n";
    String shop = "src/com/example/shop/Order.java";
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("stores", NOTHING),
            new Step(
                "a new app, its model alone",
                p -> write(p, shop, order.formatted("")),
                List.of(shop),
                List.of()),
            new Step("shop again: its 0001 is a class now", NOTHING, List.of(shop), List.of()),
            new Step("shop again", NOTHING, List.of(shop), List.of()),
            new Step(
                "a foreign key into library: library's history too",
                p ->
                    write(
                        p,
                        shop,
                        order.formatted(
                            "  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true) Book"
                                + " book;\n")),
                List.of(shop),
                List.of()),
            partial("library alone still hits", NOTHING)),
        false,
        false,
        false,
        false,
        true,
        false,
        true);
    assertThat(EndToEndTest.index(cached))
        .containsExactly("library.0001_initial", "shop.0001_initial", "shop.0002_order_book");
  }

  @Test
  void aCorruptedCacheIsAMissAndIsWrittenAgain() {
    List<Consumer<Path>> corruptions =
        List.of(
            p -> write(p, CACHE, "garbage"),
            p -> write(p, CACHE, read(p, CACHE).substring(0, read(p, CACHE).length() / 2)),
            p -> write(p, CACHE, read(p, CACHE).replaceFirst("200", "201")),
            p -> write(p, CACHE, read(p, CACHE).replace("@replayed ", "@replayed 1")),
            // The last byte of the history, its length kept: only the checksum tells.
            p -> {
              String text = read(p, CACHE);
              write(p, CACHE, text.substring(0, text.length() - 1) + "x");
            },
            p -> write(p, CACHE, read(p, CACHE).replace("@history ", "@history 99999999999")),
            p -> write(p, CACHE, read(p, CACHE).replace("@stat ", "@stat -")),
            // A file of the previous format (lengths in characters) is a miss, never misread.
            p -> write(p, CACHE, read(p, CACHE).replace(" v2\n", " v1\n")));
    List<Step> steps = new ArrayList<>();
    steps.add(full("clean build", NOTHING));
    steps.add(partial("stores", NOTHING));
    List<Boolean> hits = new ArrayList<>(List.of(false, false));
    for (Consumer<Path> corrupt : corruptions) {
      steps.add(
          partial(
              "corrupted: replays",
              p -> {
                if (Files.exists(p.resolve(CACHE))) {
                  corrupt.accept(p);
                }
              }));
      steps.add(partial("rewritten: hits", NOTHING));
      hits.add(false);
      hits.add(true);
    }
    assertHits(steps, hits.toArray(Boolean[]::new));
  }

  @Test
  void anEntryOfAnotherMigrataJarIsDroppedWhenTheCacheIsWritten() {
    String rating = "  @Field(defaultValue = \"0\") int rating;\n";
    String old = "migrata /old/migrata-processor.jar 1 2\n";
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("stores", NOTHING),
            partial("an older jar's entry added: hits this one", p -> addEntryOfAnotherJar(p, old)),
            partial("model changed: writes 0002", bookWith(rating)),
            partial("0002 is a new class: replays and writes the cache", NOTHING),
            partial("hit", NOTHING)),
        false,
        false,
        true,
        true,
        false,
        true);
    String cache = read(cached, CACHE);
    assertThat(cache).doesNotContain(old).startsWith(ReplayCache.HEADER + "\n");
    assertThat(cache.split("\n@key ", -1)).hasSize(2);
  }

  /**
   * Puts before the cache's first entry a copy of it under another Migrata jar's key, as an older
   * version of the processor would have left it.
   */
  private static void addEntryOfAnotherJar(Path p, String jarLine) {
    if (!Files.exists(p.resolve(CACHE))) {
      return; // The project compiled without the cache.
    }
    String text = read(p, CACHE);
    int at = text.indexOf('\n') + 1;
    int eol = text.indexOf('\n', at);
    assertThat(text.substring(at, eol)).startsWith("@key ");
    int keyEnd = eol + 1 + Integer.parseInt(text.substring(at + 5, eol));
    String key = text.substring(eol + 1, keyEnd);
    String rest = text.substring(keyEnd);
    int nextEntry = rest.indexOf("\n@key ");
    String entry = nextEntry < 0 ? rest : rest.substring(0, nextEntry + 1);
    String foreign = jarLine + key.substring(key.indexOf('\n') + 1);
    assertThat(foreign).isNotEqualTo(key);
    write(
        p,
        CACHE,
        text.substring(0, at)
            + "@key "
            + foreign.getBytes(StandardCharsets.UTF_8).length
            + "\n"
            + foreign
            + entry
            + text.substring(at));
  }

  @Test
  void theOptionTurnsTheCacheOff() {
    Path p = cached;
    EndToEndTest.writeIn(p, LIBRARY + "Author.java", EndToEndTest.AUTHOR);
    EndToEndTest.writeIn(p, BOOK, EndToEndTest.book(""));
    List<String> off = List.of("-Amigrata.replayCache=false");
    assertThat(compile(p, null, off).success()).isTrue();
    assertThat(compile(p, List.of(BOOK), off).success()).isTrue();
    assertThat(compile(p, List.of(BOOK), off).success()).isTrue();
    assertThat(p.resolve(CACHE)).doesNotExist();
    Run run = compile(p, List.of(BOOK), List.of("-Amigrata.replayCache=ture"));
    assertThat(run.success()).isFalse();
    assertThat(run.diagnostics()).anyMatch(d -> d.contains("migrata.replayCache"));
  }

  // --- the two builds ---

  @Test
  void aNewMigrationDeletedWithItsClassIsWrittenAgainByThePartialCompileAfter() {
    String rating = "  @Field(defaultValue = \"0\") int rating;\n";
    String source = MIGRATIONS + "M0002_book_rating.java";
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("stores", NOTHING),
            partial("model changed: writes 0002", bookWith(rating)),
            partial("nothing to do", NOTHING),
            partial("nothing to do: hit", NOTHING),
            partial(
                "0002's source and class deleted, the model still changed: writes 0002 again",
                p -> {
                  delete(p, source);
                  delete(p, "classes/com/example/library/migrations/M0002_book_rating.class");
                }),
            partial("0002 back: nothing to do", NOTHING),
            partial("nothing to do: hit", NOTHING)),
        false,
        false,
        true,
        false,
        true,
        null,
        null,
        true);
    assertThat(cached.resolve(source)).exists();
    assertThat(EndToEndTest.index(cached))
        .containsExactly("library.0001_initial", "library.0002_book_rating");
  }

  @Test
  void aHandEditedMigrationCompiledAloneIsIndexedWithTheEdit() {
    String rating = "  @Field(defaultValue = \"0\") int rating;\n";
    String source = MIGRATIONS + "M0002_book_rating.java";
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("stores", NOTHING),
            partial("model changed: writes 0002", bookWith(rating)),
            partial("nothing to do", NOTHING),
            partial("nothing to do: hit", NOTHING),
            new Step(
                "a RunSql added to 0002 by hand, 0002 compiled alone",
                p -> write(p, source, withRunSql(read(p, source))),
                List.of(source),
                List.of()),
            partial("the model again: nothing to do", NOTHING),
            partial("hit", NOTHING)),
        false,
        false,
        true,
        false,
        true,
        false,
        null,
        true);
    assertThat(EndToEndTest.migrationFiles(cached))
        .containsExactly("M0001_initial.java", "M0002_book_rating.java");
    assertThat(read(cached, "classes/" + MigrationIndex.RESOURCE)).contains("SELECT 1");
  }

  @Test
  void aMigrationSourceRecompiledWithItsModelIsLintedAlikeWithAndWithoutTheCache() {
    String source = MIGRATIONS + "M0002_alter_book_title.java";
    Step again =
        new Step("the model and 0002 compiled again", NOTHING, List.of(BOOK, source), List.of());
    assertHits(
        List.of(
            full("clean build", NOTHING),
            partial("stores", NOTHING),
            partial(
                "title narrowed: writes 0002, linted",
                p -> write(p, BOOK, read(p, BOOK).replace("maxLength = 200", "maxLength = 100"))),
            partial("nothing to do", NOTHING),
            again,
            again,
            full("full build: both migration sources linted", NOTHING),
            again),
        false,
        false,
        true,
        false,
        null,
        null,
        null,
        null);
    Run run = compile(cached, List.of(BOOK, source), List.of());
    assertThat(run.diagnostics()).anyMatch(d -> d.contains("safety.W104"));
  }

  /** A generated migration's source with a {@code RunSql} before its one operation. */
  private static String withRunSql(String source) {
    String edited =
        source
            .replace(
                "operations = @Op(",
                "operations = {@Op(kind = dev.migrata.annotations.migration.Op.Kind.RUN_SQL,"
                    + " sql = \"SELECT 1\", reverseSql = \"\"), @Op(")
            .replace("\n)\npublic final class", "}\n)\npublic final class");
    assertThat(edited).as(source).contains("SELECT 1").contains("}\n)\npublic final class");
    return edited;
  }

  @Test
  void aCheckOnAPartialCompileWithAPendingChangeFailsAndWritesNothing() throws IOException {
    assertHits(List.of(full("clean build", NOTHING), partial("stores", NOTHING)), false, false);
    Path index = cached.resolve("classes").resolve(MigrationIndex.RESOURCE);
    String before = Files.readString(index);
    write(cached, BOOK, EndToEndTest.book("  @Field(defaultValue = \"0\") int rating;\n"));
    Run check = compile(cached, List.of(BOOK), List.of("-Amigrata.check=true"));
    assertThat(check.success()).as(check.diagnostics().toString()).isFalse();
    assertThat(check.diagnostics()).anyMatch(d -> d.contains("rating"));
    assertThat(EndToEndTest.migrationFiles(cached)).containsExactly("M0001_initial.java");
    assertThat(Files.readString(index)).isEqualTo(before);
    // The check left nothing behind that hides the change from the next compile.
    Run again = compile(cached, List.of(BOOK), List.of("-Amigrata.check=true"));
    assertThat(again.success()).isFalse();
    Run write = compile(cached, List.of(BOOK), List.of());
    assertThat(write.success()).as(write.diagnostics().toString()).isTrue();
    assertThat(EndToEndTest.migrationFiles(cached))
        .containsExactly("M0001_initial.java", "M0002_book_rating.java");
    assertThat(EndToEndTest.index(cached))
        .containsExactly("library.0001_initial", "library.0002_book_rating");
  }

  private void assertHits(List<Step> steps, Boolean... hits) {
    for (Path p : List.of(cached, replayed)) {
      write(p, LIBRARY + "Author.java", EndToEndTest.AUTHOR);
      write(p, BOOK, EndToEndTest.book(""));
    }
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      // What a step writes must be newer than the class files of the step before, on both sides.
      pause();
      step.edit().accept(cached);
      step.edit().accept(replayed);
      List<String> off = new ArrayList<>(step.options());
      off.add("-Amigrata.replayCache=false");
      Run withCache = compile(cached, step.sources(), step.options());
      Run without = compile(replayed, step.sources(), off);
      String what = "step " + i + " (" + step.name() + ")";
      assertThat(withCache.success()).as(what + ": " + withCache.diagnostics()).isTrue();
      assertThat(outcome(cached, withCache)).as(what).isEqualTo(outcome(replayed, without));
      if (!step.options().contains("-proc:none")) {
        if (hits[i] != null) {
          assertThat(withCache.hits()).as(what + ": from the cache").isEqualTo(hits[i] ? 1 : 0);
        }
      }
      assertThat(without.hits()).isZero();
    }
    assertThat(replayed.resolve(CACHE)).doesNotExist();
    assertThat(cached.resolve(CACHE)).exists();
  }

  /** One javac run with a processor instance of the test (so its counters can be read). */
  record Run(
      boolean success, List<String> diagnostics, int hits, HistoryReplayer.History history) {}

  private static Run compile(Path project, List<String> sources, List<String> options) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      Path classes = Files.createDirectories(project.resolve("classes"));
      Path gen = Files.createDirectories(project.resolve("gen"));
      String annotations =
          Path.of(
                  dev.migrata.annotations.Model.class
                      .getProtectionDomain()
                      .getCodeSource()
                      .getLocation()
                      .toURI())
              .toString();
      List<String> args = new ArrayList<>();
      args.addAll(List.of("-d", classes.toString(), "-s", gen.toString()));
      String classPath = annotations + File.pathSeparator + classes;
      for (int i = 0; i < options.size(); i++) {
        String option = options.get(i).replace("SRC", project.resolve("src").toString());
        if (options.get(i).equals("-cp")) {
          classPath +=
              File.pathSeparator + options.get(++i).replace("SRC", "" + project.resolve("src"));
        } else {
          args.add(option);
        }
      }
      args.addAll(List.of("-cp", classPath));
      List<Path> paths =
          sources == null
              ? EndToEndTest.allSources(project)
              : sources.stream().map(project::resolve).toList();
      MigrataProcessor processor = new MigrataProcessor();
      JavaCompiler.CompilationTask task =
          compiler.getTask(
              null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(paths));
      task.setProcessors(List.of(processor));
      boolean ok = task.call();
      List<String> messages =
          diagnostics.getDiagnostics().stream()
              .map(
                  d ->
                      d.getKind()
                          + " "
                          + (d.getSource() == null
                              ? ""
                              : project.relativize(Path.of(d.getSource().toUri())) + ":")
                          + d.getLineNumber()
                          + " "
                          + d.getMessage(null).replace(project.toString(), "<project>"))
              .toList();
      boolean ran = !options.contains("-proc:none");
      return new Run(
          ok,
          messages,
          ran ? processor.replayCacheHits() : 0,
          ran ? processor.lastHistory() : null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Outcome outcome(Path project, Run run) {
    Map<String, String> sources = new TreeMap<>();
    for (Path p : EndToEndTest.allSources(project)) {
      sources.put(
          project.relativize(p).toString(), read(project, project.relativize(p).toString()));
    }
    Path indexFile = project.resolve("classes").resolve(MigrationIndex.RESOURCE);
    String index =
        Files.exists(indexFile) ? read(project, "classes/" + MigrationIndex.RESOURCE) : null;
    HistoryReplayer.History h = run.history();
    List<String> history = new ArrayList<>();
    List<ModelState> state = null;
    if (h != null) {
      state = h.state().models();
      history.add("replayed " + h.replayed());
      history.add("leaves " + h.leaves());
      for (List<MigrationDefinition> list : h.migrations().values()) {
        history.add(MigrationIndex.write(list));
      }
    }
    return new Outcome(run.success(), run.diagnostics(), sources, index, state, history);
  }

  /**
   * Writes a file with the time it was written. Not {@link EndToEndTest#writeIn}, which dates a
   * file two seconds ahead: with {@code -sourcepath}, javac reads a source that is newer than its
   * class file, so a source dated ahead is read by every compile in the next two seconds and by
   * none after — and the second side of a step, compiled later, could fall after it where the first
   * did not (a warning about implicitly compiled files on one side only).
   */
  private static void write(Path project, String relative, String text) {
    try {
      Path file = project.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Longer than the file system's time stamp granularity: a later write is newer. */
  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path project, String relative) {
    return EndToEndTest.read(project, relative);
  }

  private static void delete(Path project, String relative) {
    try {
      Files.delete(project.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
