BEGIN;
--
-- Alter field name on author
--
CREATE TABLE "new__library_author" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL, "nickname" varchar(50) NULL, "isbn" varchar(13) NULL, "birth_year" integer NULL);
INSERT INTO "new__library_author" ("id", "name", "nickname", "isbn", "birth_year") SELECT "id", "name", "nickname", "isbn", "birth_year" FROM "library_author";
DROP TABLE "library_author";
ALTER TABLE "new__library_author" RENAME TO "library_author";
--
-- Rename field nickname on author to alias
--
ALTER TABLE "library_author" RENAME COLUMN "nickname" TO "alias";
--
-- Create index book_title_idx on field(s) title of model book
--
CREATE INDEX "book_title_idx" ON "library_book" ("title");
--
-- Create constraint library_book_title_author_id_1c0ac942_uniq on model book
--
CREATE TABLE "new__library_book" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(200) NOT NULL, "author_id" bigint NOT NULL REFERENCES "library_author" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "rating" integer NOT NULL, CONSTRAINT "library_book_title_author_id_1c0ac942_uniq" UNIQUE ("title", "author_id"));
INSERT INTO "new__library_book" ("id", "title", "author_id", "rating") SELECT "id", "title", "author_id", "rating" FROM "library_book";
DROP TABLE "library_book";
ALTER TABLE "new__library_book" RENAME TO "library_book";
CREATE INDEX "library_book_author_id_d9a3b67e" ON "library_book" ("author_id");
CREATE INDEX "book_title_idx" ON "library_book" ("title");
--
-- Create constraint birth_year_gte_0 on model author
--
CREATE TABLE "new__library_author" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL, "alias" varchar(50) NULL, "isbn" varchar(13) NULL, "birth_year" integer NULL, CONSTRAINT "birth_year_gte_0" CHECK (birth_year >= 0));
INSERT INTO "new__library_author" ("id", "name", "alias", "isbn", "birth_year") SELECT "id", "name", "alias", "isbn", "birth_year" FROM "library_author";
DROP TABLE "library_author";
ALTER TABLE "new__library_author" RENAME TO "library_author";
--
-- Add field email to author
--
CREATE TABLE "new__library_author" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL, "alias" varchar(50) NULL, "isbn" varchar(13) NULL, "birth_year" integer NULL, "email" varchar(254) NULL UNIQUE, CONSTRAINT "birth_year_gte_0" CHECK (birth_year >= 0));
INSERT INTO "new__library_author" ("id", "name", "alias", "isbn", "birth_year", "email") SELECT "id", "name", "alias", "isbn", "birth_year", NULL FROM "library_author";
DROP TABLE "library_author";
ALTER TABLE "new__library_author" RENAME TO "library_author";
--
-- Remove field isbn from author
--
CREATE TABLE "new__library_author" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL, "alias" varchar(50) NULL, "birth_year" integer NULL, "email" varchar(254) NULL UNIQUE, CONSTRAINT "birth_year_gte_0" CHECK (birth_year >= 0));
INSERT INTO "new__library_author" ("id", "name", "alias", "birth_year", "email") SELECT "id", "name", "alias", "birth_year", "email" FROM "library_author";
DROP TABLE "library_author";
ALTER TABLE "new__library_author" RENAME TO "library_author";
--
-- Rename table for author to authors
--
ALTER TABLE "library_author" RENAME TO "authors";
--
-- Add field slug to author
--
CREATE TABLE "new__authors" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL, "alias" varchar(50) NULL, "birth_year" integer NULL, "email" varchar(254) NULL UNIQUE, "slug" varchar(50) NOT NULL, CONSTRAINT "birth_year_gte_0" CHECK (birth_year >= 0));
INSERT INTO "new__authors" ("id", "name", "alias", "birth_year", "email", "slug") SELECT "id", "name", "alias", "birth_year", "email", 'x' FROM "authors";
DROP TABLE "authors";
ALTER TABLE "new__authors" RENAME TO "authors";
CREATE INDEX "authors_slug_3bad909a" ON "authors" ("slug");
--
-- Alter field birthYear on author
--
CREATE TABLE "new__authors" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL, "alias" varchar(50) NULL, "birth_year" integer NOT NULL, "email" varchar(254) NULL UNIQUE, "slug" varchar(50) NOT NULL, CONSTRAINT "birth_year_gte_0" CHECK (birth_year >= 0));
INSERT INTO "new__authors" ("id", "name", "alias", "birth_year", "email", "slug") SELECT "id", "name", "alias", coalesce("birth_year", 1900), "email", "slug" FROM "authors";
DROP TABLE "authors";
ALTER TABLE "new__authors" RENAME TO "authors";
CREATE INDEX "authors_slug_3bad909a" ON "authors" ("slug");
COMMIT;
