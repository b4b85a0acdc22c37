/** A one-model app for the starter's tests. */
@App("notes")
package dev.migrata.spring.notes;

import dev.migrata.annotations.App;
