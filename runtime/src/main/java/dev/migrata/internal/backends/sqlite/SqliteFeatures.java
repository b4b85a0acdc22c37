package dev.migrata.internal.backends.sqlite;

import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Features.LockKind;

/** What SQLite can do (Django's {@code sqlite3/features.py}); the same for every version. */
final class SqliteFeatures {
  private SqliteFeatures() {}

  static final Features FEATURES =
      Features.builder()
          .canRenameIndex(false)
          .hasNativeUuidField(false)
          .canCreateInlineFk(true)
          .supportsTableComments(false)
          .supportsSequences(false)
          .lockKind(LockKind.FILE)
          .build();
}
