package dev.migrata.internal.backends.mysql;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's online DDL clauses: {@code ALGORITHM=INSTANT} where the server version
 * changes only metadata for the operation, else {@code ALGORITHM=INPLACE, LOCK=NONE}. With either,
 * a server that would have to copy the table (or block writes) refuses the statement instead of
 * silently doing so: the migration fails, and nothing was locked.
 *
 * <p>Left as they are: statements other than {@code ALTER TABLE}, {@code CREATE INDEX} and {@code
 * DROP INDEX}; table renames (metadata anyway); and added foreign keys, which InnoDB builds in
 * place only with {@code foreign_key_checks} off.
 */
final class OnlineDdl {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
  static final String INSTANT = "ALGORITHM=INSTANT";
  static final String INPLACE = "ALGORITHM=INPLACE, LOCK=NONE";

  private final boolean mariadb;
  private final int[] version;

  OnlineDdl(String serverVersion) {
    this.mariadb = serverVersion.toLowerCase(Locale.ROOT).contains("mariadb");
    Matcher m = VERSION.matcher(serverVersion);
    this.version =
        m.find()
            ? new int[] {
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3))
            }
            : new int[] {8, 4, 0};
  }

  /** {@code statement} with the online clause its operation allows on this server. */
  String apply(String statement) {
    String upper = statement.toUpperCase(Locale.ROOT);
    if (upper.startsWith("CREATE INDEX")
        || upper.startsWith("CREATE UNIQUE INDEX")
        || upper.startsWith("DROP INDEX")) {
      return statement + " ALGORITHM=INPLACE LOCK=NONE";
    }
    if (!upper.startsWith("ALTER TABLE")
        || upper.contains(" RENAME TO ")
        || upper.contains(" FOREIGN KEY ")
        || upper.contains("ALGORITHM=")) {
      return statement;
    }
    return statement + ", " + (instant(upper) ? INSTANT : INPLACE);
  }

  /** Whether the server adds or drops this column by changing metadata only. */
  private boolean instant(String upper) {
    boolean plainColumn =
        !upper.contains(" UNIQUE")
            && !upper.contains("PRIMARY KEY")
            && !upper.contains("AUTO_INCREMENT");
    if (upper.contains(" ADD COLUMN ") && plainColumn) {
      // MariaDB 10.3.2 (last column), 10.4 (any); MySQL 8.0.12 (last), 8.0.29 (any)
      return mariadb ? atLeast(10, 3, 2) : atLeast(8, 0, 12);
    }
    if (upper.contains(" DROP COLUMN ")) {
      return mariadb ? atLeast(10, 4, 0) : atLeast(8, 0, 29);
    }
    return false;
  }

  private boolean atLeast(int major, int minor, int patch) {
    return Arrays.compare(version, new int[] {major, minor, patch}) >= 0;
  }
}
