package dev.migrata.spring;

import dev.migrata.Migrata;

/**
 * Replaces what the starter does at start-up: a bean of this type is called with the loaded {@link
 * Migrata} instead of {@code migrata.migrate()} (for example, to migrate only when a flag is set,
 * or to migrate one app to a target).
 */
@FunctionalInterface
public interface MigrataMigrationStrategy {
  void migrate(Migrata migrata);
}
