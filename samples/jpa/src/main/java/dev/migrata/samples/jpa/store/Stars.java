package dev.migrata.samples.jpa.store;

/** A rating, stored as its number of stars. */
public record Stars(int count) {}
