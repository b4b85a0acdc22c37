package dev.migrata;

import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import java.util.List;

/**
 * Where a {@link Migrata.Configuration} finds its migrations: the class loader it reads the index
 * through, and the index itself (or the migrations given in code, for tests).
 */
final class IndexSource {
  private IndexSource() {}

  /** {@code configured} if set, else the thread's context class loader, else Migrata's own. */
  static ClassLoader classLoader(ClassLoader configured) {
    ClassLoader cl = configured;
    if (cl == null) {
      cl = Thread.currentThread().getContextClassLoader();
    }
    return cl != null ? cl : Migrata.class.getClassLoader();
  }

  /**
   * The migrations given in code ({@code migrations} not null), else every index on {@code cl}'s
   * class path. Without one this fails ({@link ErrorCode#NO_INDEX}).
   */
  static IndexTable index(List<MigrationDefinition> migrations, ClassLoader cl) {
    if (migrations != null) {
      return IndexTable.of(migrations);
    }
    // One look-up of the resource on the class path, not a check for it first and then a read.
    IndexTable index = MigrationLoader.readIndexTable(cl);
    if (index.resources() == 0) {
      throw History.noIndex(MigrationIndex.RESOURCE);
    }
    return index;
  }
}
