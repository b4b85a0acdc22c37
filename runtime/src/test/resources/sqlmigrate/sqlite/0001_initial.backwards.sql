BEGIN;
--
-- Create model Book
--
DROP TABLE "library_book";
--
-- Create model Author
--
DROP TABLE "library_author";
COMMIT;
