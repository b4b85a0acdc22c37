package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.string;
import static dev.migrata.processor.AnnotationValues.strings;

import dev.migrata.internal.state.DefaultLiteral;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * A field's choices (Django's {@code choices}), kept in state as {@code value} or {@code
 * value=label}: explicit ones from {@code @Field(choices)}, or an enum's constants, each its name
 * or what its {@code @ChoiceValue} maps it to. Values are parsed for the field's type and written
 * in its canonical form, so {@code "01=One"} and {@code "1=One"} are one choice.
 */
final class ChoiceReader {
  static final String CHOICE_VALUE = ModelReader.PKG + "ChoiceValue";

  private final Reporter reporter;

  ChoiceReader(Reporter reporter) {
    this.reporter = reporter;
  }

  /** An enum's constants with what each stores: its {@code @ChoiceValue} value, else its name. */
  static Map<String, String> enumEntries(TypeMirror type) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (Element e : ((DeclaredType) type).asElement().getEnclosedElements()) {
      if (e.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String name = e.getSimpleName().toString();
      AnnotationMirror mapped = Mirrors.find(e, CHOICE_VALUE);
      if (mapped == null) {
        entries.put(name, name);
      } else {
        String label = string(mapped, "label");
        entries.put(name, string(mapped, "value") + (label.isEmpty() ? "" : "=" + label));
      }
    }
    return entries;
  }

  /**
   * What a column field's choices decide: the choices, the maxLength (an enum's defaults to its
   * longest value, as Django's TextChoices field) and the default (an enum's may name a constant;
   * the state holds what the column stores).
   */
  record Choices(List<String> choices, Integer maxLength, String defaultValue) {}

  /** The choices of a column field of {@code fieldType}, or null when an error was reported. */
  Choices forColumn(
      VariableElement element,
      AnnotationMirror field,
      String name,
      String model,
      String fieldType,
      TypeMirror type,
      Integer maxLength,
      String defaultValue) {
    boolean isEnum = JavaTypes.isEnum(type);
    FieldType known = FieldType.byName(fieldType);
    if (known == null
        || known.isRelation()
        || (!isEnum && Mirrors.value(field, "choices") == null)) {
      return new Choices(List.of(), maxLength, defaultValue);
    }
    List<String> choices = read(element, field, name, model, fieldType, isEnum ? type : null);
    if (choices == null) {
      return null;
    }
    List<String> values = choices.stream().map(FieldState::choiceValue).toList();
    if (known.isSizedText()
        && !OptionChecks.enumFits(reporter, element, field, name, model, type, values)) {
      return null;
    }
    if (isEnum && known.family() == FieldType.CHAR && maxLength == null) {
      maxLength = values.stream().mapToInt(String::length).max().orElse(1);
    }
    if (isEnum && defaultValue != null) {
      String mapped = enumEntries(type).get(defaultValue);
      if (mapped != null) {
        defaultValue = FieldState.choiceValue(mapped);
      }
    }
    return new Choices(choices, maxLength, defaultValue);
  }

  /**
   * The choices of a column field of {@code fieldType}, checked, or null when an error was
   * reported. {@code enumType} is the Java enum, or null for a field of another type.
   */
  private List<String> read(
      VariableElement element,
      AnnotationMirror field,
      String name,
      String model,
      String fieldType,
      TypeMirror enumType) {
    List<String> explicit = strings(field, "choices");
    if (enumType != null && !explicit.isEmpty()) {
      reporter.report(
          Problem.CHOICES_ON_ENUM, element, field, Mirrors.value(field, "choices"), name, model);
      return null;
    }
    List<String> entries =
        enumType != null ? new ArrayList<>(enumEntries(enumType).values()) : explicit;
    // Parsed without length or choices, which are checked on their own.
    FieldState probe = FieldState.builder(name, fieldType).build();
    List<String> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (String entry : entries) {
      String value = FieldState.choiceValue(entry);
      String rest = entry.substring(value.length());
      String canonical = value;
      if (!value.isEmpty() && probe.fieldType() != null && probe.fieldType() != FieldType.JSON) {
        try {
          canonical = DefaultLiteral.canonical(probe, value);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
          String why = e instanceof NumberFormatException ? "it is not a number in range." : null;
          if (why == null) {
            why = e.getMessage() == null ? "it does not parse." : e.getMessage();
          }
          reporter.report(
              Problem.INVALID_CHOICE,
              element,
              field,
              Mirrors.value(field, enumType != null ? "type" : "choices"),
              entry,
              name,
              model,
              fieldType,
              why.endsWith(".") ? why : why + ".");
          ok = false;
          continue;
        }
      }
      if (!seen.add(canonical)) {
        reporter.report(
            Problem.DUPLICATE_CHOICE,
            element,
            field,
            Mirrors.value(field, "choices"),
            canonical,
            name,
            model);
        ok = false;
        continue;
      }
      result.add(canonical + rest);
    }
    return ok ? result : null;
  }
}
