package dev.migrata.spring;

import dev.migrata.MigrationListener;
import dev.migrata.internal.migration.MigrationKey;
import java.time.Duration;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What a start-up run does, in Django's words, through the application's logging (Boot routes
 * commons-logging to its logging system): one line per migration applied or unapplied.
 */
final class MigrataLog implements MigrationListener {
  static final Log LOG = LogFactory.getLog("dev.migrata.spring");

  @Override
  public void finished(MigrationKey migration, boolean backwards, boolean faked, Duration took) {
    LOG.info(
        (backwards ? "Unapplying " : "Applying ")
            + migration
            + "... "
            + (faked ? "FAKED" : "OK")
            + String.format(Locale.ROOT, " (%.3fs)", took.toNanos() / 1e9));
  }

  @Override
  public void waitingForLock(String holder, Duration timeout) {
    LOG.info(
        "Waiting for the migration lock"
            + (holder == null || holder.isBlank() ? "" : " (held by " + holder + ")")
            + ", up to "
            + timeout.toSeconds()
            + "s: another instance is migrating.");
  }
}
