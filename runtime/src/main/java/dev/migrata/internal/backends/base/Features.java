package dev.migrata.internal.backends.base;

/**
 * What one backend at one server version can do (Django's {@code DatabaseFeatures}, plus its {@code
 * max_name_length}): data the executor and the schema editors ask instead of each editor answering
 * with methods of its own. Built by {@code Backend.features}, once per run where it reads the
 * server ({@code Backend.on}); the defaults are Django's base features, and each backend's {@code
 * *Features} says where it differs.
 */
public final class Features {
  /** How the whole-run migration lock is held. */
  public enum LockKind {
    /** An OS lock on a file beside the database (SQLite). */
    FILE,
    /** A session-level advisory lock (PostgreSQL's {@code pg_advisory_lock}). */
    ADVISORY,
    /** A named server lock of the session ({@code GET_LOCK} on MySQL and MariaDB). */
    NAMED,
    /** Nothing to lock: only this process sees the database (in-memory). */
    NONE
  }

  /** How a check constraint is dropped. */
  public enum CheckDrop {
    /** {@code DROP CONSTRAINT name} (the SQL standard). */
    DROP_CONSTRAINT,
    /** {@code DROP CONSTRAINT IF EXISTS name} (MariaDB, whose checks may vanish with a column). */
    DROP_CONSTRAINT_IF_EXISTS,
    /** {@code DROP CHECK name} (MySQL 8). */
    DROP_CHECK
  }

  private final String serverVersion;
  private final boolean canRollbackDdl;
  private final boolean canRenameColumn;
  private final boolean canRenameIndex;
  private final boolean supportsPartialIndexes;
  private final boolean hasNativeUuidField;
  private final boolean hasNativeDurationField;
  private final boolean supportsTimezones;
  private final boolean canCreateInlineFk;
  private final boolean indexesForeignKeys;
  private final boolean supportsTableComments;
  private final boolean supportsSequences;
  private final int maxNameLength;
  private final LockKind lockKind;
  private final CheckDrop checkDrop;

  private Features(Builder b) {
    serverVersion = b.serverVersion;
    canRollbackDdl = b.canRollbackDdl;
    canRenameColumn = b.canRenameColumn;
    canRenameIndex = b.canRenameIndex;
    supportsPartialIndexes = b.supportsPartialIndexes;
    hasNativeUuidField = b.hasNativeUuidField;
    hasNativeDurationField = b.hasNativeDurationField;
    supportsTimezones = b.supportsTimezones;
    canCreateInlineFk = b.canCreateInlineFk;
    indexesForeignKeys = b.indexesForeignKeys;
    supportsTableComments = b.supportsTableComments;
    supportsSequences = b.supportsSequences;
    maxNameLength = b.maxNameLength;
    lockKind = b.lockKind;
    checkDrop = b.checkDrop;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The server version these features were read for, or {@code null} when none was asked. */
  public String serverVersion() {
    return serverVersion;
  }

  /** Whether DDL takes part in transactions, so a migration can be atomic. */
  public boolean canRollbackDdl() {
    return canRollbackDdl;
  }

  /** {@code RENAME COLUMN}; without it a rename restates the definition ({@code CHANGE}). */
  public boolean canRenameColumn() {
    return canRenameColumn;
  }

  /** {@code RENAME INDEX}; without it a renamed index is dropped and created again. */
  public boolean canRenameIndex() {
    return canRenameIndex;
  }

  /** Indexes with a {@code WHERE} condition; without them conditional ones are skipped (Django). */
  public boolean supportsPartialIndexes() {
    return supportsPartialIndexes;
  }

  /** A UUID column type that reads the dashed form; else UUIDs are 32 hex digits. */
  public boolean hasNativeUuidField() {
    return hasNativeUuidField;
  }

  /** An interval type; else durations are a {@code bigint} of microseconds. */
  public boolean hasNativeDurationField() {
    return hasNativeDurationField;
  }

  /** Date-time columns that keep an offset; else aware date-times are stored in UTC without one. */
  public boolean supportsTimezones() {
    return supportsTimezones;
  }

  /** Foreign keys inside the column definition (SQLite), not added by {@code ALTER TABLE}. */
  public boolean canCreateInlineFk() {
    return canCreateInlineFk;
  }

  /** The database indexes a foreign key itself (InnoDB), so the field gets no index of its own. */
  public boolean indexesForeignKeys() {
    return indexesForeignKeys;
  }

  /** Table comments. */
  public boolean supportsTableComments() {
    return supportsTableComments;
  }

  /**
   * {@code CREATE SEQUENCE}; without it a sequence is Hibernate's one-row table (MySQL, SQLite).
   */
  public boolean supportsSequences() {
    return supportsSequences;
  }

  /** The longest identifier; longer names are shortened with a hash (Django: 200 if none). */
  public int maxNameLength() {
    return maxNameLength;
  }

  public LockKind lockKind() {
    return lockKind;
  }

  public CheckDrop checkDrop() {
    return checkDrop;
  }

  @Override
  public String toString() {
    return "Features[version="
        + serverVersion
        + ", canRollbackDdl="
        + canRollbackDdl
        + ", canRenameColumn="
        + canRenameColumn
        + ", supportsPartialIndexes="
        + supportsPartialIndexes
        + ", maxNameLength="
        + maxNameLength
        + ", lock="
        + lockKind
        + ", checkDrop="
        + checkDrop
        + "]";
  }

  /** Starts from Django's base features. */
  public static final class Builder {
    private String serverVersion;
    private boolean canRollbackDdl = true;
    private boolean canRenameColumn = true;
    private boolean canRenameIndex = true;
    private boolean supportsPartialIndexes = true;
    private boolean hasNativeUuidField = true;
    private boolean hasNativeDurationField = false;
    private boolean supportsTimezones = false;
    private boolean canCreateInlineFk = false;
    private boolean indexesForeignKeys = false;
    private boolean supportsTableComments = true;
    private boolean supportsSequences = true;
    private int maxNameLength = 200;
    private LockKind lockKind = LockKind.NONE;
    private CheckDrop checkDrop = CheckDrop.DROP_CONSTRAINT;

    private Builder() {}

    public Builder serverVersion(String v) {
      serverVersion = v;
      return this;
    }

    public Builder canRollbackDdl(boolean v) {
      canRollbackDdl = v;
      return this;
    }

    public Builder canRenameColumn(boolean v) {
      canRenameColumn = v;
      return this;
    }

    public Builder canRenameIndex(boolean v) {
      canRenameIndex = v;
      return this;
    }

    public Builder supportsPartialIndexes(boolean v) {
      supportsPartialIndexes = v;
      return this;
    }

    public Builder hasNativeUuidField(boolean v) {
      hasNativeUuidField = v;
      return this;
    }

    public Builder hasNativeDurationField(boolean v) {
      hasNativeDurationField = v;
      return this;
    }

    public Builder supportsTimezones(boolean v) {
      supportsTimezones = v;
      return this;
    }

    public Builder canCreateInlineFk(boolean v) {
      canCreateInlineFk = v;
      return this;
    }

    public Builder indexesForeignKeys(boolean v) {
      indexesForeignKeys = v;
      return this;
    }

    public Builder supportsTableComments(boolean v) {
      supportsTableComments = v;
      return this;
    }

    public Builder supportsSequences(boolean v) {
      supportsSequences = v;
      return this;
    }

    public Builder maxNameLength(int v) {
      maxNameLength = v;
      return this;
    }

    public Builder lockKind(LockKind v) {
      lockKind = v;
      return this;
    }

    public Builder checkDrop(CheckDrop v) {
      checkDrop = v;
      return this;
    }

    public Features build() {
      return new Features(this);
    }
  }
}
