package dev.migrata.internal.backends.postgresql;

import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Features.LockKind;

/** What PostgreSQL can do (Django's {@code postgresql/features.py}), on every supported version. */
final class PostgresFeatures {
  private PostgresFeatures() {}

  static final Features FEATURES =
      Features.builder()
          .hasNativeDurationField(true)
          .supportsTimezones(true)
          .maxNameLength(63)
          .lockKind(LockKind.ADVISORY)
          .build();
}
