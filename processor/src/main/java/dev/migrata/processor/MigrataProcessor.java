package dev.migrata.processor;

import com.google.auto.service.AutoService;
import dev.migrata.internal.migration.MigrationDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Migrata's javac processor. It only wires the pipeline (see {@link MakeMigrations}); each step is
 * a small class named for its role. Every app is planned once per compile, in the first round that
 * shows it; the index is written when processing is over.
 */
@AutoService(Processor.class)
public final class MigrataProcessor extends AbstractProcessor {
  private Reporter reporter;
  private Options options;
  private AppResolver apps;
  private ModelReader models;
  private MakeMigrations planner;
  private SourceRootLocator sourceRoots;
  private MigrationFiles files;
  private PlannedOutput output;
  private IndexWriter index;
  private SafetyCheck safety;
  private UnresolvedAnnotations unresolvedAnnotations;
  private ReplayCache replayCache;
  private final Set<String> processedApps = new TreeSet<>();

  /** Apps held back until javac resolves their models, by label. */
  private final Map<String, AppInfo> deferred = new TreeMap<>();

  private String deferredReason;

  /** The user's sources of this compile: where the source root is when an app has no model. */
  private final List<Element> userSources = new ArrayList<>();

  /** Each plan's migrations of its apps, as the history had them (parsed when the index needs). */
  private final List<Map<String, List<MigrationDefinition>>> planned = new ArrayList<>();

  /** The apps of this compile that say {@code @App(mysqlOnlineDdl = true)}. */
  private final Set<String> onlineDdlApps = new TreeSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Elements elements = env.getElementUtils();
    reporter = new Reporter(env.getMessager());
    options = Options.from(env.getOptions());
    for (String name : Options.invalidFlags(env.getOptions())) {
      String value = env.getOptions().get(name);
      reporter.report(Problem.OPTION_NOT_BOOLEAN, null, name, value, name, name, name);
    }
    apps = new AppResolver(elements, reporter, AutoFields.project(env.getOptions(), reporter));
    JpaNaming naming = JpaNaming.of(env.getOptions().get(JpaNaming.OPTION));
    if (naming == null) {
      reporter.report(Problem.JPA_NAMING_UNKNOWN, null, env.getOptions().get(JpaNaming.OPTION));
      naming = JpaNaming.SPRING;
    }
    models = new ModelReader(elements, env.getTypeUtils(), apps, reporter, naming);
    sourceRoots = new SourceRootLocator(env, options);
    replayCache = new ReplayCache(env.getFiler(), reporter);
    // The list itself, filled at the first round (a supplier's lambda is a class spun anew in
    // each compile's class loader).
    List<? extends Element> sources = userSources;
    planner =
        new MakeMigrations(
            apps,
            models,
            new HistoryReading(env, sourceRoots, sources, reporter),
            new HistoryFingerprint(env.getFiler(), elements, sourceRoots, sources),
            replayCache,
            reporter,
            options);
    if (options.sourceRoot() != null && !Files.isDirectory(Path.of(options.sourceRoot()))) {
      reporter.report(Problem.SOURCE_ROOT_MISSING, null, options.sourceRoot());
    }
    files = new MigrationFiles(env.getFiler(), reporter);
    output = new PlannedOutput(elements, reporter, options, sourceRoots, files, userSources);
    index = new IndexWriter(env.getFiler(), elements, reporter);
    String safetyLevel = Options.invalidSafety(env.getOptions());
    if (safetyLevel != null) {
      reporter.report(Problem.SAFETY_OPTION_INVALID, null, safetyLevel);
    }
    unresolvedAnnotations = new UnresolvedAnnotations(env);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ModelReader.MODEL, MigrationReader.MIGRATION, AppResolver.APP, Jpa.ENTITY);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        finish();
      } else {
        processRound(round);
      }
    } catch (RuntimeException | LinkageError e) {
      // Never a stack trace in the user's build: one error that says what broke.
      reporter.report(Problem.INTERNAL_ERROR, null, e);
    }
    return false;
  }

  private void processRound(RoundEnvironment round) {
    if (userSources.isEmpty()) {
      userSources.addAll(round.getRootElements());
    }
    Map<String, AppInfo> candidates = new TreeMap<>(deferred);
    for (AppInfo app : appsOf(round)) {
      if (!processedApps.contains(app.label())) {
        candidates.put(app.label(), app);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    // One unresolved model holds back every app: a compile that fails writes nothing.
    for (AppInfo app : candidates.values()) {
      String missing = models.unresolved(app);
      if (missing == null) {
        missing =
            unresolvedAnnotations.in(
                processingEnv.getElementUtils().getPackageElement(app.packageName()));
      }
      if (missing != null) {
        deferred.putAll(candidates);
        deferredReason = app.label() + "\0" + missing;
        return;
      }
    }
    deferred.clear();
    deferredReason = null;
    processedApps.addAll(candidates.keySet());
    for (AppInfo app : candidates.values()) {
      if (IndexWriter.asksOnlineDdl(app, processingEnv.getElementUtils())) {
        onlineDdlApps.add(app.label());
      }
    }
    List<AppInfo> targets = new ArrayList<>(candidates.values());
    // The lint checks these apps' migration sources: the replay keeps their states for it.
    Set<String> sources = migrationSources();
    MakeMigrations.Plan plan = planner.plan(targets, sources);
    planned.add(plan.existing());
    if (reporter.hasErrors()) {
      return;
    }
    List<MigrationToWrite> toWrite = lint(targets, plan, sources);
    if (reporter.hasErrors()) {
      return;
    }
    output.emit(toWrite);
  }

  /**
   * The planned migrations in their zero-downtime form where an app asks for it, after the safety
   * lint ran over them and over this compile's migration sources.
   */
  private List<MigrationToWrite> lint(
      List<AppInfo> targets, MakeMigrations.Plan plan, Set<String> sources) {
    Map<String, SafetySettings> settings = new TreeMap<>();
    for (AppInfo app : targets) {
      settings.put(
          app.label(), SafetySettings.of(app, processingEnv.getElementUtils(), options, reporter));
    }
    if (plan.migrations().isEmpty()) {
      // Nothing planned: the lint has only this compile's migration sources to look at.
      if (!sources.isEmpty()) {
        safety().check(plan.history(), plan.states(), List.of(), sources, settings);
      }
      return List.of();
    }
    List<MigrationToWrite> result =
        ZeroDowntime.rewrite(
            plan.migrations(), plan.history().state(), settings, options.name(), reporter);
    safety().check(plan.history(), plan.states(), result, sources, settings);
    return result;
  }

  /** The safety lint, made when there is something to lint (its classes are loaded per compile). */
  private SafetyCheck safety() {
    if (safety == null) {
      safety = new SafetyCheck(processingEnv.getElementUtils(), reporter, options.strictSafety());
    }
    return safety;
  }

  /**
   * The binary names of the migration classes among this compile's own (not generated) sources.
   * Whether the Filer's output may hold a generated source is asked at the first migration source
   * only: that walks the output directory, which is the class output itself when javac has no
   * {@code -s} (every migration class file of an IDE's partial compile, which has no migration
   * source to ask about).
   */
  private Set<String> migrationSources() {
    Set<String> names = new TreeSet<>();
    Elements elements = processingEnv.getElementUtils();
    Boolean generated = null;
    for (Element e : userSources) {
      if (!(e instanceof TypeElement type)
          || Mirrors.find(type, MigrationReader.MIGRATION) == null) {
        continue;
      }
      if (generated == null) {
        generated = sourceRoots.mayHoldGenerated();
      }
      if (!(generated && sourceRoots.isGenerated(type))) {
        names.add(elements.getBinaryName(type).toString());
      }
    }
    return names;
  }

  private void finish() {
    if (deferredReason != null) {
      String[] reason = deferredReason.split("\0", 2);
      reporter.report(Problem.UNRESOLVED_MODEL, null, reason[0], reason[1]);
    }
    files.processingOver();
    if (!planned.isEmpty() && !reporter.hasErrors()) {
      writeIndex();
    }
    if (!reporter.hasErrors()) {
      replayCache.flush();
    }
  }

  /**
   * Writes the index, unless the replay cache's entry notes that the index in the class output is
   * already what this compile would write: an IDE's compile of an unchanged history, which would
   * otherwise read, rebuild and compare every migration's line.
   */
  private void writeIndex() {
    // The note holds for one plan whose history came from (or went into) one cache entry, with
    // nothing written: then the index is a function of that history, of the apps planned and of
    // their online-DDL flags, and of the index it replaces, which the stamp stands for.
    String note = null;
    if (output.written().isEmpty() && planner.plans() == 1) {
      String stamp = index.stamp();
      note = stamp == null ? null : indexNote(stamp);
      if (note != null && note.equals(replayCache.indexNote())) {
        return;
      }
    }
    Map<String, List<MigrationDefinition>> indexed = new TreeMap<>();
    for (Map<String, List<MigrationDefinition>> existing : planned) {
      for (Map.Entry<String, List<MigrationDefinition>> e : existing.entrySet()) {
        indexed.put(e.getKey(), new ArrayList<>(e.getValue()));
      }
    }
    for (Map.Entry<String, List<MigrationDefinition>> e : output.written().entrySet()) {
      indexed.computeIfAbsent(e.getKey(), a -> new ArrayList<>()).addAll(e.getValue());
    }
    boolean onlyThese = index.write(indexed, onlineDdlApps);
    String stamp = note == null || !onlyThese ? null : index.stamp();
    if (stamp != null) {
      replayCache.noteIndex(indexNote(stamp));
    }
  }

  /** What the index depends on besides the cached history, for {@link ReplayCache#noteIndex}. */
  private String indexNote(String stamp) {
    StringBuilder note = new StringBuilder("apps");
    for (String app : processedApps) {
      note.append(' ').append(app);
    }
    note.append("\nonline-ddl");
    for (String app : onlineDdlApps) {
      note.append(' ').append(app);
    }
    return note.append("\nindex ").append(stamp).toString();
  }

  /** The apps whose models, migrations or package-info this round brings. */
  private List<AppInfo> appsOf(RoundEnvironment round) {
    Map<String, AppInfo> found = new TreeMap<>();
    Elements elements = processingEnv.getElementUtils();
    for (Element root : round.getRootElements()) {
      if (root instanceof PackageElement pkg) {
        if (Mirrors.find(pkg, AppResolver.APP) != null) {
          AppInfo app = apps.forPackage(pkg);
          found.put(app.label(), app);
        }
        continue;
      }
      if (!(root instanceof TypeElement type)) {
        continue;
      }
      PackageElement pkg = elements.getPackageOf(type);
      if (ModelReader.isModel(type)) {
        AppInfo app = apps.forPackage(pkg);
        found.put(app.label(), app);
      } else if (Mirrors.find(type, MigrationReader.MIGRATION) != null) {
        // A hand-edited migration alone still re-runs its app (by default the parent package).
        String name = pkg.getQualifiedName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
          AppInfo app = apps.forPackage(name.substring(0, dot));
          if (app.migrationsPackage().equals(name)) {
            found.put(app.label(), app);
          }
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /** How many plans of this compile used the replay cache (for tests). */
  int replayCacheHits() {
    return planner == null ? 0 : planner.cacheHits();
  }

  /** The replayed history the last plan of this compile started from (for tests). */
  HistoryReplayer.History lastHistory() {
    return planner == null ? null : planner.lastHistory();
  }
}
