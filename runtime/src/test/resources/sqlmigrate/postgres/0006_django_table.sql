BEGIN;
SET LOCAL lock_timeout = '10000ms';
--
-- Alter field name on author
--
ALTER TABLE "library_author" ALTER COLUMN "name" TYPE varchar(150);
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
ALTER TABLE "library_book" ADD CONSTRAINT "library_book_title_author_id_1c0ac942_uniq" UNIQUE ("title", "author_id");
--
-- Create constraint birth_year_gte_0 on model author
--
ALTER TABLE "library_author" ADD CONSTRAINT "birth_year_gte_0" CHECK (birth_year >= 0);
--
-- Add field email to author
--
ALTER TABLE "library_author" ADD COLUMN "email" varchar(254) NULL UNIQUE;
--
-- Remove field isbn from author
--
ALTER TABLE "library_author" DROP COLUMN "isbn" CASCADE;
--
-- Rename table for author to authors
--
ALTER TABLE "library_author" RENAME TO "authors";
--
-- Add field slug to author
--
ALTER TABLE "authors" ADD COLUMN "slug" varchar(50) DEFAULT 'x' NOT NULL;
ALTER TABLE "authors" ALTER COLUMN "slug" DROP DEFAULT;
--
-- Alter field birthYear on author
--
UPDATE "authors" SET "birth_year" = 1900 WHERE "birth_year" IS NULL;
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "authors" ALTER COLUMN "birth_year" SET NOT NULL;
CREATE INDEX "authors_email_d70f2375_like" ON "authors" ("email" varchar_pattern_ops);
CREATE INDEX "authors_slug_3bad909a" ON "authors" ("slug");
CREATE INDEX "authors_slug_3bad909a_like" ON "authors" ("slug" varchar_pattern_ops);
COMMIT;
