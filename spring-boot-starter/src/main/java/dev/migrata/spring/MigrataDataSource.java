package dev.migrata.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the DataSource Migrata migrates through when it is not the application's own (for example
 * one whose user may run DDL). Put it on the {@code @Bean} method next to {@code @Bean}; mark the
 * application's DataSource {@code @Primary} so that JPA keeps using that one.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface MigrataDataSource {}
