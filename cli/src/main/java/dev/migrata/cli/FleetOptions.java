package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.Fleet;
import dev.migrata.FleetReport;
import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.Tenants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --tenants FILE} / {@code --schemas PATTERN}, {@code --parallel N}, {@code --report FILE}:
 * the same command on every database of a fleet, a line per tenant as it finishes, and the summary
 * {@code N tenants: A up to date, B migrated, C failed} as the last line of stdout.
 */
final class FleetOptions {
  @Option(
      names = "--tenants",
      paramLabel = "FILE",
      description = "Runs on every database listed in FILE (one JDBC URL per line; # comments).")
  Path tenantsFile;

  @Option(
      names = "--schemas",
      paramLabel = "PATTERN",
      description =
          "Runs on every PostgreSQL schema or MySQL/MariaDB database of --url's server whose name"
              + " matches PATTERN (* for any characters).")
  String schemas;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Tenants worked on at once (default: twice the CPU count).")
  Integer parallel;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Writes what each tenant ran as JSON to FILE.")
  Path report;

  boolean active() {
    return tenantsFile != null || schemas != null;
  }

  /** The fleet these options name, with the command's connection settings and class loader. */
  Fleet fleet(BaseCommand command, Migrata.Configuration configuration) {
    if (tenantsFile != null && schemas != null) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "Give either --tenants or --schemas, not both.");
    }
    Tenants tenants;
    if (tenantsFile != null) {
      tenants =
          Tenants.urls(
              readTenants(tenantsFile), command.effectiveUser(), command.effectivePassword());
    } else {
      String url = command.effectiveUrl();
      JdbcUrls.check(url);
      tenants = Tenants.schemas(url, command.effectiveUser(), command.effectivePassword(), schemas);
    }
    Fleet fleet = configuration.fleet(tenants);
    if (parallel != null) {
      fleet.parallel(parallel);
    }
    return fleet;
  }

  static List<String> readTenants(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "Cannot read the tenants file " + file + ": " + reason(e));
    }
    List<String> urls = new ArrayList<>();
    for (String line : lines) {
      String url = line.strip();
      if (!url.isEmpty() && !url.startsWith("#")) {
        urls.add(url);
      }
    }
    if (urls.isEmpty()) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "The tenants file " + file + " lists no JDBC URL.");
    }
    return urls;
  }

  /** Prints the summary last, writes the report; the exit status: 1 when a tenant failed. */
  int finish(Context context, FleetReport result) {
    context.println(result.summary());
    if (report != null) {
      try {
        Files.writeString(report, result.toJson(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "Cannot write the report " + report + ": " + reason(e));
      }
    }
    return result.failed() > 0 ? 1 : 0;
  }

  /**
   * Why a file could not be read or written, in words: the NIO exceptions' messages are only the
   * path, which the error already names.
   */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      Path file = Path.of(missing.getFile());
      Path parent = file.toAbsolutePath().getParent();
      return parent != null && !Files.isDirectory(parent)
          ? "there is no such directory as " + file.getParent() + "."
          : "there is no such file.";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied.";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + ".";
    }
    return e.getMessage();
  }
}
