/**
 * Places to eat (issue 9): restaurants are places (multi-table inheritance), landmarks are a proxy
 * over places, and a booking's total is a generated column.
 */
@App("venues")
package dev.migrata.samples.shop.venues;

import dev.migrata.annotations.App;
