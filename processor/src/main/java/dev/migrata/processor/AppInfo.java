package dev.migrata.processor;

/**
 * A Migrata app: a package of models, its label and where its migrations live.
 *
 * @param label the app label ({@code library})
 * @param packageName the models' package
 * @param migrationsPackage the package of the generated migration classes
 */
record AppInfo(String label, String packageName, String migrationsPackage) {}
