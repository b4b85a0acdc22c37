package dev.migrata.internal.writer;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a string too long for its line as a concatenation of literals ({@code "..." + "..."}), a
 * constant expression that annotation values accept and that reads back as the same string. Pieces
 * break after a line break of the value, else after a space where there is one, else anywhere but
 * inside a surrogate pair; escapes are never split because each piece is quoted on its own.
 */
final class StringLiterals {
  /** Pieces never get narrower than this, however deep the value is nested. */
  private static final int MIN_PIECE = 20;

  private StringLiterals() {}

  /**
   * @param start the column of the opening quote
   * @param indent the indentation of continuation lines
   * @param reserve characters that follow the last piece on its line
   */
  static CodeBlock split(String value, int start, int indent, int reserve, int width) {
    List<String> pieces = new ArrayList<>();
    String rest = value;
    int room = Math.max(MIN_PIECE, width - start - 4);
    while (!rest.isEmpty()) {
      int cut = cut(rest, room);
      pieces.add(rest.substring(0, cut));
      rest = rest.substring(cut);
      room = Math.max(MIN_PIECE, width - indent - 4 - reserve);
    }
    CodeBlock.Builder code = CodeBlock.builder();
    for (int i = 0; i < pieces.size(); i++) {
      code.add(i == 0 ? "$S" : " +\n$S", pieces.get(i));
      if (i == 0 && pieces.size() > 1) {
        code.add("$>$>");
      }
    }
    if (pieces.size() > 1) {
      code.add("$<$<");
    }
    return code.build();
  }

  /** How many chars of {@code s} make a piece whose literal is at most {@code room} wide. */
  private static int cut(String s, int room) {
    int width = 0;
    int lastSpace = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      width += escaped(c);
      if (width > room) {
        if (lastSpace > room / 2) {
          return lastSpace;
        }
        int at = Math.max(1, i);
        return Character.isLowSurrogate(s.charAt(at)) && at > 1 ? at - 1 : at;
      }
      if (c == '\n') {
        return i + 1;
      }
      if (c == ' ') {
        lastSpace = i + 1;
      }
    }
    return s.length();
  }

  private static int escaped(char c) {
    String literal = CodeBlock.of("$S", String.valueOf(c)).toString();
    return literal.length() - 2;
  }
}
