package dev.migrata;

/** The one exception Migrata throws: an {@link ErrorCode} and a one-line message. */
public class MigrataException extends RuntimeException {
  private final ErrorCode code;

  public MigrataException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public MigrataException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
