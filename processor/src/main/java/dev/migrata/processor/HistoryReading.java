package dev.migrata.processor;

import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * What a full replay needs — the migrations' reader and its checks, the check for deleted
 * migrations, the replayer — made on the first replay only: a compile that takes its history from
 * the replay cache loads none of their classes (a build tool loads the processor's classes afresh
 * for each compile).
 */
final class HistoryReading {
  private final ProcessingEnvironment env;
  private final SourceRootLocator roots;
  private final List<? extends Element> userSources;
  private final Reporter reporter;
  private MigrationReader migrations;
  private DeletedMigrations deleted;
  private HistoryReplayer replayer;

  HistoryReading(
      ProcessingEnvironment env,
      SourceRootLocator roots,
      List<? extends Element> userSources,
      Reporter reporter) {
    this.env = env;
    this.roots = roots;
    this.userSources = userSources;
    this.reporter = reporter;
  }

  /** The app's migrations as javac sees them, without those whose source was deleted. */
  List<MigrationReader.Found> read(AppInfo app) {
    if (migrations == null) {
      Elements elements = env.getElementUtils();
      migrations =
          new MigrationReader(
              elements,
              new RunJavaChecker(elements, env.getTypeUtils(), reporter),
              new MigrationChecker(elements, env.getTypeUtils(), reporter));
      deleted = new DeletedMigrations(env.getFiler(), elements, roots, userSources, reporter);
    }
    return deleted.withoutDeleted(migrations.read(app));
  }

  HistoryReplayer.History replay(
      Map<String, List<MigrationReader.Found>> byApp, ReplayedStates states) {
    if (replayer == null) {
      replayer = new HistoryReplayer(reporter);
    }
    return replayer.replay(byApp, states);
  }
}
