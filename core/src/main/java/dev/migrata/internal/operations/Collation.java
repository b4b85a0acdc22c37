package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;

/**
 * What Django's {@code CollationOperation} takes: a name, a locale, a provider ({@code libc} by
 * default, {@code icu}, {@code builtin}) and whether it is deterministic.
 */
public record Collation(String name, String locale, String provider, boolean deterministic) {
  public static final String DEFAULT_PROVIDER = "libc";

  public Collation {
    provider = provider == null || provider.isEmpty() ? DEFAULT_PROVIDER : provider;
  }

  /** Django's deconstruct: provider and deterministic only where they differ from the default. */
  Deconstructed.Builder into(Deconstructed.Builder form) {
    form.put("name", name).put("locale", locale);
    if (!provider.equals(DEFAULT_PROVIDER)) {
      form.put("provider", provider);
    }
    if (!deterministic) {
      form.put("deterministic", false);
    }
    return form;
  }
}
