package dev.migrata;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of the test classes that run every test on SQLite, PostgreSQL and MariaDB, each test in a
 * fresh {@link Db} of its own (dropped afterwards).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Db.Kind.class)
public abstract class OnEveryBackend {
  @Parameter protected Db.Kind kind;
  @TempDir protected Path dir;
  protected Db db;

  @BeforeEach
  protected void createDatabase() {
    db = Db.create(kind, dir);
  }

  @AfterEach
  protected void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }
}
