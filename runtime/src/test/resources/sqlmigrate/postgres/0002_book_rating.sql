BEGIN;
SET LOCAL lock_timeout = '10000ms';
--
-- Add field rating to book
--
ALTER TABLE "library_book" ADD COLUMN "rating" integer DEFAULT 0 NOT NULL;
ALTER TABLE "library_book" ALTER COLUMN "rating" DROP DEFAULT;
COMMIT;
