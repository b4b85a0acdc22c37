package dev.migrata.cli;

import java.io.PrintStream;
import java.util.Map;

/** The streams and environment of one CLI run (tests pass their own). */
final class Context {
  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  private boolean openLine;

  Context(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  void println(String line) {
    out.println(line);
    openLine = false;
  }

  /** Starts a progress line that a later {@link #finishLine} completes, as Django's ending="". */
  void startLine(String text) {
    out.print(text);
    out.flush();
    openLine = true;
  }

  void finishLine(String text) {
    out.println(text);
    openLine = false;
  }

  /**
   * A line on stderr while a migration's line may be open on stdout (long work): on a terminal it
   * starts on a line of its own; stdout's bytes are unchanged. Called from the progress thread.
   */
  synchronized void printProgress(String line) {
    err.println((openLine ? System.lineSeparator() : "") + line);
    err.flush();
  }

  /** Ends a progress line left open by a failure, so the error does not run into it. */
  void endLine() {
    if (openLine) {
      out.println();
      out.flush();
      openLine = false;
    }
  }
}
