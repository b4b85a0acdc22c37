package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.enumName;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.SequenceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The sequence an entity's id draws from, named and sized as Hibernate 7 expects it (its {@code
 * SequenceStyleGenerator}): {@code @GeneratedValue(strategy = SEQUENCE or AUTO)} on an integral
 * key, with the {@code @SequenceGenerator} that {@code generator} names (on the attribute, the
 * entity, its mapped superclasses, its package or another entity of the package), and else
 * Hibernate's implicit one: the generator's name when one is given, {@code <table>_SEQ} when none,
 * starting at 1 with an increment of 50 (JPA's default {@code allocationSize}, which the pooled
 * optimizer expects as the increment). The sequences are collected per app for the autodetector.
 */
final class JpaIdGeneration {
  static final String SEQUENCE_GENERATOR = Jpa.PKG + "SequenceGenerator";

  /** JPA's default {@code initialValue} and {@code allocationSize}. */
  static final int DEFAULT_START = 1;

  static final int DEFAULT_ALLOCATION = 50;

  /** Hibernate's {@code StandardNamingStrategy} suffix of an implicit sequence name. */
  static final String IMPLICIT_SUFFIX = "_SEQ";

  private final Elements elements;
  private final Reporter reporter;
  private final JpaNaming naming;

  /** Per app label, per sequence name: the sequence and the entity that declared it first. */
  private final Map<String, Map<String, Declared>> byApp = new TreeMap<>();

  private record Declared(SequenceState sequence, TypeElement entity) {}

  JpaIdGeneration(Elements elements, Reporter reporter, JpaNaming naming) {
    this.elements = elements;
    this.reporter = reporter;
    this.naming = naming;
  }

  /**
   * Whether {@code strategy} on a key of {@code fieldType} is a plain key column filled from a
   * sequence (Hibernate maps {@code AUTO} on a number to {@code SEQUENCE}).
   */
  static boolean drawsFromSequence(String strategy, String fieldType) {
    return ("SEQUENCE".equals(strategy) || "AUTO".equals(strategy))
        && (fieldType.equals(FieldType.BIG_INTEGER.djangoName())
            || fieldType.equals(FieldType.INTEGER.djangoName())
            || fieldType.equals(FieldType.SMALL_INTEGER.djangoName()));
  }

  /** Forgets what an earlier read of {@code app} collected. */
  void startApp(String app) {
    byApp.remove(app);
  }

  /**
   * Notes the sequence of {@code id} (an {@code @Id} attribute of {@code entity} whose logical
   * table is {@code logicalTable}), if its generation draws from one.
   */
  void read(String app, TypeElement entity, VariableElement id, String logicalTable) {
    AnnotationMirror generated = Jpa.find(id, Jpa.GENERATED_VALUE);
    String fieldType = JavaTypes.builtInType(id.asType());
    if (generated == null
        || fieldType == null
        || !drawsFromSequence(enumName(generated, "strategy"), fieldType)) {
      return;
    }
    String generator = emptyToNull(string(generated, "generator"));
    AnnotationMirror declaration = find(id, entity, generator);
    String name = emptyToNull(string(declaration, "sequenceName"));
    if (name == null) {
      name = generator != null ? generator : logicalTable + IMPLICIT_SUFFIX;
    }
    int start = declaration == null ? DEFAULT_START : integer(declaration, "initialValue");
    int increment =
        declaration == null ? DEFAULT_ALLOCATION : integer(declaration, "allocationSize");
    if (increment < 1) {
      reporter.report(
          Problem.JPA_SEQUENCE_ALLOCATION,
          id,
          declaration,
          Mirrors.value(declaration, "allocationSize"),
          name,
          entity.getSimpleName(),
          increment);
      return;
    }
    SequenceState sequence = new SequenceState(naming.physical(name), start, increment);
    Map<String, Declared> sequences = byApp.computeIfAbsent(app, a -> new TreeMap<>());
    Declared earlier = sequences.get(sequence.name());
    if (earlier == null) {
      sequences.put(sequence.name(), new Declared(sequence, entity));
    } else if (!earlier.sequence().equals(sequence)) {
      reporter.report(
          Problem.JPA_SEQUENCE_CONFLICT,
          id,
          generated,
          null,
          sequence.name(),
          entity.getSimpleName(),
          sequence.start(),
          sequence.increment(),
          earlier.entity().getSimpleName(),
          earlier.sequence().start(),
          earlier.sequence().increment());
    }
  }

  /** The sequences {@code app}'s entities draw from, sorted by name. */
  List<SequenceState> sequences(String app) {
    List<SequenceState> result = new ArrayList<>();
    byApp.getOrDefault(app, Map.of()).values().forEach(d -> result.add(d.sequence()));
    return result;
  }

  /**
   * The {@code @SequenceGenerator} named {@code generator} (for none: an unnamed one beside the
   * id), looked for where Hibernate finds it; null if none.
   */
  private AnnotationMirror find(VariableElement id, TypeElement entity, String generator) {
    List<Element> places = new ArrayList<>();
    places.add(id);
    for (TypeElement t = entity; t != null; t = Jpa.typeElement(t.getSuperclass())) {
      places.add(t);
    }
    places.add(elements.getPackageOf(entity));
    for (Element place : places) {
      for (AnnotationMirror m : declaredAt(place)) {
        String name = string(m, "name");
        if (generator == null ? name.isEmpty() : name.equals(generator)) {
          return m;
        }
      }
    }
    return null;
  }

  /** The {@code @SequenceGenerator}s of one element, JPA 3.2's {@code @SequenceGenerators} too. */
  private static List<AnnotationMirror> declaredAt(Element place) {
    List<AnnotationMirror> result = AnnotationValues.repeated(place, SEQUENCE_GENERATOR);
    AnnotationMirror container = Mirrors.find(place, SEQUENCE_GENERATOR + "s");
    AnnotationValue items = container == null ? null : Mirrors.value(container, "value");
    if (items != null && items.getValue() instanceof List<?> list) {
      for (Object item : list) {
        result.add((AnnotationMirror) ((AnnotationValue) item).getValue());
      }
    }
    return result;
  }

  private static int integer(AnnotationMirror mirror, String member) {
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    return v != null && v.getValue() instanceof Integer i ? i : 0;
  }
}
