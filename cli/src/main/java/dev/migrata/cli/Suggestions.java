package dev.migrata.cli;

import java.util.List;
import java.util.Locale;

/** "Did you mean": the candidate nearest to a mistyped word, if it is near enough to be meant. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate at the smallest edit distance from {@code typed} (first in order on ties), if
   * that distance is at most a third of the word (at least 1, at most 3), else the one candidate
   * that {@code typed} is a prefix of; null if none.
   */
  static String nearest(String typed, List<String> candidates) {
    String word = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(word, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, Math.min(3, word.replaceFirst("^-+", "").length() / 3));
    if (best != null && bestDistance <= allowed) {
      return best;
    }
    List<String> extending =
        candidates.stream()
            .filter(c -> word.length() >= 3 && c.toLowerCase(Locale.ROOT).startsWith(word))
            .toList();
    return extending.size() == 1 ? extending.get(0) : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
