package dev.migrata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Many databases with the same migrations ({@link Migrata.Configuration#fleet}): each tenant is
 * migrated under its own lock, by a bounded pool of workers, and a failure on one tenant never
 * stops the others. The index is read once for the whole fleet; a tenant that is up to date costs
 * one history read.
 */
public final class Fleet {
  private final Tenants tenants;
  private final Function<Connections, Migrata> runtime;
  private int parallel = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

  Fleet(Tenants tenants, Function<Connections, Migrata> runtime) {
    this.tenants = tenants;
    this.runtime = runtime;
  }

  /** How many tenants are worked on at once; twice the CPU count (at least 2) by default. */
  public Fleet parallel(int workers) {
    if (workers < 1) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "A fleet needs at least 1 worker; got " + workers + ".");
    }
    this.parallel = workers;
    return this;
  }

  /** Migrates every tenant's apps to their latest migrations. */
  public FleetReport migrate(Consumer<TenantResult> progress) {
    return migrate(null, null, progress);
  }

  /**
   * Migrates {@code app} (null for every app) to {@code target} on every tenant, as {@link
   * Migrata#migrate(String, String)}; {@code progress} hears of each tenant as it finishes, from
   * the worker's thread.
   */
  public FleetReport migrate(String app, String target, Consumer<TenantResult> progress) {
    return run(app, target, true, progress);
  }

  /** What each tenant lacks, changing nothing: {@code --plan}, {@code --check}, showmigrations. */
  public FleetReport plan(String app, String target, Consumer<TenantResult> progress) {
    return run(app, target, false, progress);
  }

  private FleetReport run(
      String app, String target, boolean apply, Consumer<TenantResult> progress) {
    Objects.requireNonNull(progress, "progress");
    List<Tenants.Tenant> all = tenants.resolve();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(parallel, all.size())),
            r -> {
              Thread t = new Thread(r, "migrata-fleet");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<TenantResult>> futures = new ArrayList<>();
      for (Tenants.Tenant tenant : all) {
        futures.add(
            pool.submit(
                () -> {
                  TenantResult r = one(tenant, app, target, apply);
                  progress.accept(r);
                  return r;
                }));
      }
      List<TenantResult> results = new ArrayList<>();
      for (Future<TenantResult> f : futures) {
        results.add(f.get());
      }
      return new FleetReport(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrataException(ErrorCode.DATABASE, "Interrupted while migrating the fleet.");
    } catch (ExecutionException e) {
      throw new MigrataException(
          ErrorCode.DATABASE, "A fleet worker failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      tenants.close();
    }
  }

  private TenantResult one(Tenants.Tenant tenant, String app, String target, boolean apply) {
    long start = System.nanoTime();
    try {
      Migrata m = runtime.apply(tenant.connections());
      MigrationPlan plan = m.plan(app, target);
      if (plan.migrations().isEmpty()) {
        return result(tenant, TenantResult.Status.UP_TO_DATE, List.of(), null, start, false);
      }
      // A plan goes one way: forwards to a leaf, or backwards to a target before it.
      boolean backwards = plan.migrations().get(0).backwards();
      if (!apply) {
        return result(
            tenant, TenantResult.Status.BEHIND, names(plan.migrations()), null, start, backwards);
      }
      List<PlannedMigration> ran = m.migrate(plan, false);
      return result(
          tenant,
          ran.isEmpty() ? TenantResult.Status.UP_TO_DATE : TenantResult.Status.MIGRATED,
          names(ran),
          null,
          start,
          backwards);
    } catch (RuntimeException e) {
      tenants.discardLent();
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return result(
          tenant,
          TenantResult.Status.FAILED,
          List.of(),
          Connections.oneLine(message),
          start,
          false);
    }
  }

  private static List<String> names(List<PlannedMigration> migrations) {
    List<String> out = new ArrayList<>();
    for (PlannedMigration p : migrations) {
      out.add(p.key().toString());
    }
    return out;
  }

  private static TenantResult result(
      Tenants.Tenant t,
      TenantResult.Status s,
      List<String> names,
      String error,
      long start,
      boolean backwards) {
    return new TenantResult(
        t.name(), s, names, error, Duration.ofNanos(System.nanoTime() - start), backwards);
  }
}
