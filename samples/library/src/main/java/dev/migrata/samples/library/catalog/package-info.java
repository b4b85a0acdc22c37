/** The catalog: authors and their books. */
@App("catalog")
package dev.migrata.samples.library.catalog;

import dev.migrata.annotations.App;
