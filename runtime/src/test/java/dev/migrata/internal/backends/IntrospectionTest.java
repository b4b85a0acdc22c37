package dev.migrata.internal.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.backends.base.Introspection.NameKind;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Each backend's catalog queries, on a real database. */
class IntrospectionTest extends OnEveryBackend {
  @Test
  void tablesColumnsAndConstraintNames() throws Exception {
    db.exec(
        "CREATE TABLE " + db.q("author") + " (" + db.q("id") + " integer PRIMARY KEY)",
        "CREATE TABLE "
            + db.q("book")
            + " ("
            + db.q("id")
            + " integer PRIMARY KEY, "
            + db.q("author_id")
            + " integer, "
            + db.q("code")
            + " varchar(10), "
            + db.q("title")
            + " varchar(10), "
            + "CONSTRAINT "
            + db.q("book_code_uniq")
            + " UNIQUE ("
            + db.q("code")
            + "), "
            + "CONSTRAINT "
            + db.q("book_author_fk")
            + " FOREIGN KEY ("
            + db.q("author_id")
            + ") REFERENCES "
            + db.q("author")
            + " ("
            + db.q("id")
            + "))",
        "CREATE INDEX "
            + db.q("book_title_idx")
            + " ON "
            + db.q("book")
            + " ("
            + db.q("title")
            + ")");
    try (Connection c = db.open()) {
      Backend backend = Backends.forUrl(c.getMetaData().getURL());
      Introspection in = backend.introspection();
      assertThat(in.tableExists(c, "book")).isTrue();
      assertThat(in.tableExists(c, "nothing")).isFalse();
      assertThat(backend.tableExists(c, "author")).isTrue();
      assertThat(in.columnExists(c, "book", "code")).isTrue();
      assertThat(in.columnExists(c, "book", "isbn")).isFalse();
      if (kind == Db.Kind.SQLITE) {
        // SQLite rebuilds tables with the names Django computes; it does not look them up.
        assertThat(in.constraintNames(c, "book", "code", NameKind.UNIQUE)).isEmpty();
        return;
      }
      assertThat(in.constraintNames(c, "book", "author_id", NameKind.FOREIGN_KEY))
          .containsExactly("book_author_fk");
      assertThat(in.constraintNames(c, "book", "code", NameKind.UNIQUE))
          .containsExactly("book_code_uniq");
      assertThat(in.constraintNames(c, "book", "title", NameKind.INDEX))
          .containsExactly("book_title_idx");
    }
  }
}
