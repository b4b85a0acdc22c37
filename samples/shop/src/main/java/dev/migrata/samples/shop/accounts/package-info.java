/**
 * Customer accounts: the index and constraint details Django projects use (expression indexes,
 * operator classes, covering and PostgreSQL-typed indexes, NULLS NOT DISTINCT, deferrable
 * uniques, violation messages). The app runs on every backend, so the processor warns about what
 * MySQL/MariaDB and SQLite leave out.
 */
@App("accounts")
package dev.migrata.samples.shop.accounts;

import dev.migrata.annotations.App;
