package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps one constant of an enum used as a field to the value stored in the column and its label
 * (Django's {@code TextChoices}/{@code IntegerChoices} member {@code PT_BR = "pt-br", "Brazilian
 * Portuguese"}). Read at compile time; a constant without it stores its name and has no label.
 *
 * <pre>
 * enum Language {
 *   &#64;ChoiceValue(value = "pt-br", label = "Brazilian Portuguese") PT_BR,
 *   &#64;ChoiceValue(value = "en", label = "English") EN
 * }
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ChoiceValue {
  /** The value in the column; parsed for the field's type (an integer on an integer field). */
  String value();

  /** The label; empty for none. */
  String label() default "";
}
