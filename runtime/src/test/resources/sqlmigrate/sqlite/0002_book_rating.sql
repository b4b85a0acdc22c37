BEGIN;
--
-- Add field rating to book
--
CREATE TABLE "new__library_book" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(200) NOT NULL, "author_id" bigint NOT NULL REFERENCES "library_author" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "rating" integer NOT NULL);
INSERT INTO "new__library_book" ("id", "title", "author_id", "rating") SELECT "id", "title", "author_id", 0 FROM "library_book";
DROP TABLE "library_book";
ALTER TABLE "new__library_book" RENAME TO "library_book";
CREATE INDEX "library_book_author_id_d9a3b67e" ON "library_book" ("author_id");
COMMIT;
