package dev.migrata.spring;

import dev.migrata.Migrata;
import dev.migrata.MigrationStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/migrata}: every app's migrations in plan order, whether each is applied, and
 * when (the history table's {@code applied} column, as the database renders it).
 */
@Endpoint(id = "migrata")
public class MigrataEndpoint {
  /** The history table of SPEC's format; read here only for the times showMigrations lacks. */
  private static final String HISTORY = "migrata_migrations";

  private final Migrata migrata;
  private final DataSource dataSource;

  public MigrataEndpoint(Migrata migrata, DataSource dataSource) {
    this.migrata = migrata;
    this.dataSource = dataSource;
  }

  @ReadOperation
  public MigrataReport migrations() {
    Map<String, String> appliedAt = appliedTimes();
    Map<String, List<MigrationDescriptor>> apps = new LinkedHashMap<>();
    migrata
        .showMigrations()
        .forEach(
            (app, statuses) -> {
              List<MigrationDescriptor> out = new ArrayList<>();
              for (MigrationStatus s : statuses) {
                out.add(
                    new MigrationDescriptor(
                        s.key().name(),
                        s.applied(),
                        s.applied() ? appliedAt.get(s.key().toString()) : null));
              }
              apps.put(app, out);
            });
    return new MigrataReport(apps);
  }

  /** {@code app.name} to its applied time; empty while the history table does not exist. */
  private Map<String, String> appliedTimes() {
    Map<String, String> times = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT app, name, applied FROM " + HISTORY)) {
      while (rs.next()) {
        times.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
      }
    } catch (SQLException e) {
      // No history table yet (nothing applied); showMigrations already says what is applied.
    }
    return times;
  }

  /** The endpoint's body: app label to its migrations in plan order. */
  public record MigrataReport(Map<String, List<MigrationDescriptor>> apps) {}

  /**
   * One migration; {@code appliedAt} is null when it is not applied (or is a squash applied through
   * the migrations it replaces).
   */
  public record MigrationDescriptor(String name, boolean applied, String appliedAt) {}
}
