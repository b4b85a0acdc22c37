BEGIN;
SET LOCAL lock_timeout = '10000ms';
--
-- Create model Book
--
DROP TABLE "library_book" CASCADE;
--
-- Create model Author
--
DROP TABLE "library_author" CASCADE;
COMMIT;
