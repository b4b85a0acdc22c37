/** Lending: members borrow books from the catalog. */
@App("lending")
package dev.migrata.samples.library.lending;

import dev.migrata.annotations.App;
