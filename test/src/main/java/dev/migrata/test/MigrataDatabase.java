package dev.migrata.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which server {@link MigrataExtension} makes each test's database on, on a test class or method
 * (the method's wins): {@code sqlite}, {@code postgresql}, {@code mariadb}, {@code mysql} or a
 * server's JDBC URL. Without it, the system property {@code migrata.test.database} or the
 * environment variable {@code MIGRATA_TEST_DATABASE} says, else {@code sqlite}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MigrataDatabase {
  String value();
}
