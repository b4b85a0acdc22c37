package com.example.inventory;

/** Project code that a data migration calls: the goals load the project's own classes. */
public final class Skus {
  private Skus() {}

  public static String first() {
    return "SKU-" + String.format("%04d", 1);
  }
}
