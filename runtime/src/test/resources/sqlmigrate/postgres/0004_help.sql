BEGIN;
--
-- Alter field rating on book
--
-- (no-op)
COMMIT;
