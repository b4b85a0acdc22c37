package dev.migrata.internal.state;

/**
 * A database sequence an app owns, as JPA's {@code @SequenceGenerator} describes it: its physical
 * name, the first value and the increment (Hibernate's {@code allocationSize}, which its pooled
 * optimizer expects as the sequence's increment). Backends without sequences keep it as Hibernate's
 * one-row table of the same name.
 */
public record SequenceState(String name, int start, int increment) {
  public static final int DEFAULT_START = 1;
  public static final int DEFAULT_INCREMENT = 1;

  public SequenceState {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A sequence needs a name.");
    }
    if (increment == 0) {
      throw new IllegalArgumentException("The sequence " + name + " needs a non-zero increment.");
    }
  }

  public SequenceState withIncrement(int newIncrement) {
    return new SequenceState(name, start, newIncrement);
  }

  /** The annotation attributes: start and increment only where they differ from 1. */
  public Deconstructed.Builder into(Deconstructed.Builder form) {
    form.put("name", name);
    if (start != DEFAULT_START) {
      form.put("start", start);
    }
    if (increment != DEFAULT_INCREMENT) {
      form.put("increment", increment);
    }
    return form;
  }
}
