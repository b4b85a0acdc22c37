package dev.migrata.samples.jpa.store;

public enum BookFormat {
  HARDCOVER,
  PAPERBACK,
  EBOOK
}
