package dev.migrata.processor;

/**
 * A Migrata app: a package of models, its label and where its migrations live.
 *
 * @param label the app label ({@code library})
 * @param packageName the models' package
 * @param migrationsPackage the package of the generated migration classes
 * @param defaultAutoField the type of implicit ids and of automatic join tables' ids (Django's
 *     {@code default_auto_field}): {@code BigAutoField} unless the app or the project says so
 */
record AppInfo(
    String label, String packageName, String migrationsPackage, String defaultAutoField) {
  AppInfo(String label, String packageName, String migrationsPackage) {
    this(label, packageName, migrationsPackage, AutoFields.DEFAULT);
  }
}
