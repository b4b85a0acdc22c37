package dev.migrata;

import dev.migrata.internal.migration.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a fleet run did to each tenant, in the order the tenants were given. */
public final class FleetReport {
  private final List<TenantResult> results;

  FleetReport(List<TenantResult> results) {
    this.results = List.copyOf(results);
  }

  public List<TenantResult> results() {
    return results;
  }

  public int upToDate() {
    return count(TenantResult.Status.UP_TO_DATE);
  }

  /** Tenants migrated, or for a plan or check, tenants that a migrate would migrate. */
  public int migrated() {
    return count(TenantResult.Status.MIGRATED) + count(TenantResult.Status.BEHIND);
  }

  public int failed() {
    return count(TenantResult.Status.FAILED);
  }

  /** {@code N tenants: A up to date, B migrated, C failed}: the CLI's last line. */
  public String summary() {
    return results.size()
        + " tenants: "
        + upToDate()
        + " up to date, "
        + migrated()
        + " migrated, "
        + failed()
        + " failed";
  }

  /**
   * The machine-readable report: the counts, then per tenant its name, status ({@code up_to_date},
   * {@code migrated}, {@code behind}, {@code failed}), migrations, error and seconds.
   */
  public String toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tenants", new Json.Num(String.valueOf(results.size())));
    out.put("upToDate", new Json.Num(String.valueOf(upToDate())));
    out.put("migrated", new Json.Num(String.valueOf(migrated())));
    out.put("failed", new Json.Num(String.valueOf(failed())));
    List<Object> each = new ArrayList<>();
    for (TenantResult r : results) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("tenant", r.tenant());
      t.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
      t.put("migrations", new ArrayList<Object>(r.migrations()));
      t.put("error", r.error());
      t.put(
          "seconds",
          new Json.Num(String.format(java.util.Locale.ROOT, "%.3f", r.took().toNanos() / 1e9)));
      each.add(t);
    }
    out.put("results", each);
    return Json.writeSpaced(out) + "\n";
  }

  private int count(TenantResult.Status status) {
    int n = 0;
    for (TenantResult r : results) {
      if (r.status() == status) {
        n++;
      }
    }
    return n;
  }
}
