package dev.migrata.internal.migration;

import dev.migrata.internal.state.Deconstructed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a history row remembers of the migration it records, so that a migration edited after it was
 * applied is noticed (Flyway's checksums). It covers what the migration means — its operations in
 * their canonical form (the index's JSON, not the Java source: formatting, comments and Javadoc do
 * not count), its dependencies, replaces, run-before, and its {@code initial} and {@code atomic}
 * flags — not its class name. A {@code RunJava} operation counts by its method names, not their
 * bodies (bytecode changes with the compiler); a squash by its own operations, and its row by what
 * it becomes without {@code replaces} (either form matches while it has them). An operation's
 * {@code safetyAssured} reason is left out: it only silences the compile-time lint, so recording
 * why an applied operation is safe is no edit of what it does. Whether MySQL's online DDL applies
 * is not part of it either (it says how the statements run, not what they change).
 *
 * <p>Stored as {@code v1:<whole>:<op>,<op>,...}: a 64-bit hash of everything, then a 32-bit hash
 * per operation, so the check names the operation that changed.
 */
public final class MigrationChecksum {
  static final String VERSION = "v1";

  /** {@code @Op(safetyAssured)}: a note for the lint, not part of what the operation does. */
  private static final String SAFETY_ASSURED = "safetyAssured";

  private MigrationChecksum() {}

  /** The hash of everything, as the row's {@code <whole>} part. */
  static String whole(MigrationDefinition m) {
    return whole(m, m.replaces());
  }

  /**
   * A squash's hash as the migration it becomes: without {@code replaces}. Its row records this, so
   * that the last step of squashing (delete the originals and the {@code replaces}, as Django's
   * guide says) is no edit; {@code replaces} says how to record the squash, not what it does.
   */
  private static String wholeAsNormal(MigrationDefinition m) {
    return m.replaces().isEmpty() ? m.checksum() : whole(m, List.of());
  }

  private static String whole(MigrationDefinition m, List<MigrationKey> replaces) {
    StringBuilder text = new StringBuilder();
    text.append(m.initial() ? 'i' : '-').append(m.atomic() ? 'a' : 'n').append('\n');
    for (List<MigrationKey> keys : List.of(m.dependencies(), replaces, m.runBefore())) {
      for (MigrationKey k : keys) {
        text.append(k.app()).append('.').append(k.name()).append(',');
      }
      text.append('\n');
    }
    text.append(operationsJson(m));
    return hex(text.toString(), 8);
  }

  /**
   * The operations' canonical JSON without {@code safetyAssured}: the index's text as it is where
   * no operation has one (nothing to decode), else the decoded operations written again without it.
   */
  private static String operationsJson(MigrationDefinition m) {
    String json = m.operationsJson();
    if (!json.contains("\"" + SAFETY_ASSURED + "\"")) {
      return json;
    }
    List<Deconstructed> ops = new ArrayList<>();
    for (Deconstructed op : m.deconstructedOperations()) {
      ops.add(withoutSafetyAssured(op));
    }
    return Json.writeDeconstructed(ops);
  }

  private static Deconstructed withoutSafetyAssured(Deconstructed op) {
    if (!op.has(SAFETY_ASSURED)) {
      return op;
    }
    Map<String, Object> values = new LinkedHashMap<>(op.values());
    values.remove(SAFETY_ASSURED);
    return new Deconstructed(op.type(), values);
  }

  /** The history row's value: the whole hash and one per operation (decodes the operations). */
  public static String of(MigrationDefinition m) {
    List<String> ops = new ArrayList<>();
    for (Deconstructed op : m.deconstructedOperations()) {
      ops.add(hex(Json.writeDeconstructed(List.of(withoutSafetyAssured(op))), 4));
    }
    return VERSION + ":" + wholeAsNormal(m) + ":" + String.join(",", ops);
  }

  /** Whether a recorded value (null for rows older than checksums) matches the migration. */
  public static boolean matches(String recorded, MigrationDefinition m) {
    if (recorded == null || !recorded.startsWith(VERSION + ":")) {
      return true;
    }
    // A squash's row records it without replaces (recorded before that, with them).
    return matches(recorded, m.checksum())
        || (!m.replaces().isEmpty() && matches(recorded, wholeAsNormal(m)));
  }

  private static boolean matches(String recorded, String whole) {
    // v1:<whole>:<per operation>, compared in place: no split per row in a start-up.
    int from = VERSION.length() + 1;
    int to = from + whole.length();
    return recorded.startsWith(whole, from)
        && (recorded.length() == to || recorded.charAt(to) == ':');
  }

  /**
   * What differs between a recorded value and the migration now, in words: the first operation
   * whose hash changed, or that operations were added or removed, or that only its dependencies or
   * flags changed.
   */
  public static String difference(String recorded, MigrationDefinition m) {
    String[] parts = recorded.split(":", -1);
    List<String> before =
        parts.length < 3 || parts[2].isEmpty() ? List.of() : List.of(parts[2].split(","));
    List<String> now = List.of(of(m).split(":", -1)[2].split(",", -1));
    if (now.size() == 1 && now.get(0).isEmpty()) {
      now = List.of();
    }
    var ops = m.operations();
    for (int i = 0; i < Math.min(before.size(), now.size()); i++) {
      if (!before.get(i).equals(now.get(i))) {
        return "operation "
            + (i + 1)
            + " ("
            + ops.get(i).describe()
            + ") differs from the one"
            + " applied";
      }
    }
    if (before.size() != now.size()) {
      return "it had "
          + before.size()
          + " operation"
          + (before.size() == 1 ? "" : "s")
          + " when applied and has "
          + now.size()
          + " now";
    }
    return "its dependencies, replaces or initial/atomic flags differ from those applied";
  }

  private static String hex(String text, int bytes) {
    byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, bytes);
  }

  /**
   * A fresh SHA-256 digest: a clone of one looked up once, so that the index, which hashes every
   * migration, does not run {@link MessageDigest#getInstance}'s provider lookup for each.
   */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) Sha256.PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  /**
   * Looked up on first hash only: a start-up that compares stored checksums loads no provider.
   * Never used itself (a digest is not thread-safe), only cloned.
   */
  private static final class Sha256 {
    static final MessageDigest PROTOTYPE = newSha256();
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
