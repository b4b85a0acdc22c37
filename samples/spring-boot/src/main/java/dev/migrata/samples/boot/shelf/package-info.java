/**
 * The Migrata models: they own the schema (tables {@code shelf_author}, {@code shelf_book}); the
 * processor writes their migrations into {@code shelf.migrations}.
 */
@App("shelf")
package dev.migrata.samples.boot.shelf;

import dev.migrata.annotations.App;
