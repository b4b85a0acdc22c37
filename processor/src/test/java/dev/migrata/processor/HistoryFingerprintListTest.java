package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HistoryFingerprint#list}, the per-file part of the replay cache's key: the lines it gives
 * for a directory of class files, and that a class file edited, touched, added or removed changes
 * them (a miss).
 */
class HistoryFingerprintListTest {
  @TempDir Path dir;

  private String list() {
    StringBuilder out = new StringBuilder();
    HistoryFingerprint.list(dir, ".class", out);
    return out.toString();
  }

  /** The lines as the listing gave them before (a DirectoryStream, a stat per path). */
  private String expected() throws IOException {
    StringBuilder out = new StringBuilder();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class")) {
          BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
          out.append(name).append(' ').append(a.size()).append(' ');
          out.append(a.lastModifiedTime().to(TimeUnit.MICROSECONDS)).append('\n');
        }
      }
    }
    return out.toString();
  }

  @Test
  void listsEachClassFileWithItsSizeAndTimeInTheDirectorysOrder() throws IOException {
    for (int i = 1; i <= 50; i++) {
      Files.writeString(dir.resolve("M" + i + ".class"), "x".repeat(i));
    }
    Files.writeString(dir.resolve("notes.txt"), "not a class");
    Files.createDirectory(dir.resolve("sub.d"));

    String lines = list();

    assertThat(lines).isEqualTo(expected());
    assertThat(lines.split("\n")).hasSize(50);
    assertThat(lines).contains("M7.class 7 ").doesNotContain("notes.txt");
    assertThat(list()).isEqualTo(lines);
  }

  @Test
  void aClassFileEditedTouchedAddedOrRemovedChangesTheLines() throws IOException {
    Path a = Files.writeString(dir.resolve("A.class"), "aaaa");
    Files.writeString(dir.resolve("B.class"), "bbbb");
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000_000_000L));
    String before = list();

    Files.writeString(a, "aaaaa"); // edited: another size (and time)
    String edited = list();
    assertThat(edited).isNotEqualTo(before).isEqualTo(expected());

    Files.writeString(a, "aaaa");
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000_000_000L));
    assertThat(list()).isEqualTo(before);
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000_000_001L)); // same size, touched
    assertThat(list()).isNotEqualTo(before);
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000_000_000L));

    Files.writeString(dir.resolve("C.class"), "cccc"); // added
    assertThat(list()).isNotEqualTo(before).contains("C.class 4 ");

    Files.delete(dir.resolve("C.class"));
    Files.delete(dir.resolve("B.class")); // removed
    assertThat(list()).isNotEqualTo(before).doesNotContain("B.class").contains("A.class 4 ");
  }

  @Test
  void aMissingDirectoryIsAbsent() {
    StringBuilder out = new StringBuilder("head\n");
    HistoryFingerprint.list(dir.resolve("none"), ".class", out);
    assertThat(out).hasToString("head\nabsent\n");
  }
}
