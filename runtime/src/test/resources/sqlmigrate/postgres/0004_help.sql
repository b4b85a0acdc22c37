BEGIN;
SET LOCAL lock_timeout = '10000ms';
--
-- Alter field rating on book
--
-- (no-op)
COMMIT;
