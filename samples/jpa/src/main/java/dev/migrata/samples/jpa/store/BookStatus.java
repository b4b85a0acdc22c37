package dev.migrata.samples.jpa.store;

public enum BookStatus {
  DRAFT,
  IN_PRINT,
  OUT_OF_PRINT
}
