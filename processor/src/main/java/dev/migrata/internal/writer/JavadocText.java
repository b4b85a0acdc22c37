package dev.migrata.internal.writer;

/**
 * Makes user-supplied text (index, constraint and model names in an operation's description) safe
 * inside a generated Javadoc: {@code *}{@code /} would end the comment and let the rest of the text
 * into the build, a backslash could start a unicode escape ({@code \}{@code u002a/}), which javac
 * decodes before it sees the comment, and a line break could start a new tag.
 */
final class JavadocText {
  private JavadocText() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }
}
