package dev.migrata.fields;

import java.util.Map;

/**
 * A field type of the user's own (Django's custom {@code Field} subclass). A model names it with
 * {@code @Field(type = "com.example.MoneyField")}; migrations record that class name and the
 * field's {@code args}, and the schema editors ask it for the column. The class needs a public
 * no-argument constructor and must stay on the classpath for as long as a migration names it:
 * mark it {@code @FieldTypeDeprecated} or {@code @FieldTypeRemoved} to retire it.
 */
public interface CustomFieldType {
  /**
   * The column type on {@code vendor} ({@code sqlite}, {@code postgresql}, {@code mysql}, {@code
   * mariadb}), e.g. {@code numeric(12, 2)}.
   *
   * @param args the field's {@code key=value} arguments, in declaration order
   */
  String columnType(String vendor, Map<String, String> args);

  /**
   * The SQL literal for a default value written for this type, or {@code null} to quote it as a
   * string.
   */
  default String literal(String vendor, String value, Map<String, String> args) {
    return null;
  }
}
