package dev.migrata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runtime's public surface is the documented one, and the facade takes no internal type. */
class ApiSurfaceTest {
  /** Every class the runtime jar has in {@code dev.migrata} (its own classes folder). */
  private static List<Class<?>> runtimeTypes() throws Exception {
    Path classes =
        Path.of(Migrata.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes.resolve("dev/migrata"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        types.add(Class.forName("dev.migrata." + name, false, Migrata.class.getClassLoader()));
      }
    }
    return types;
  }

  @Test
  void onlyTheApiTypesArePublic() throws Exception {
    Set<String> open = new TreeSet<>();
    for (Class<?> type : runtimeTypes()) {
      if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass()) {
        open.add(type.getName().substring("dev.migrata.".length()));
      }
    }
    assertThat(open)
        .containsExactly(
            "Fleet",
            "FleetReport",
            "Migrata",
            "Migrata$Configuration",
            "MigrationListener",
            "MigrationPlan",
            "MigrationStatus",
            "PlannedMigration",
            "PruneResult",
            "SchemaDifference",
            "SchemaSnapshot",
            "TenantResult",
            "TenantResult$Status",
            "Tenants");
  }

  @Test
  void theFacadeAndItsConfigurationTakeNoInternalType() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type :
        List.of(
            Migrata.class,
            Migrata.Configuration.class,
            Fleet.class,
            FleetReport.class,
            TenantResult.class,
            Tenants.class)) {
      List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
      members.addAll(List.<Constructor<?>>of(type.getDeclaredConstructors()));
      for (Executable member : members) {
        if (!Modifier.isPublic(member.getModifiers())) {
          continue;
        }
        for (Class<?> parameter : member.getParameterTypes()) {
          if (parameter.getName().startsWith("dev.migrata.internal.")) {
            leaks.add(type.getSimpleName() + "." + member.getName() + "(" + parameter + ")");
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
    // The tests' hook is there, but not public.
    assertThat(
            List.of(Migrata.Configuration.class.getDeclaredMethods()).stream()
                .filter(m -> m.getName().equals("migrations"))
                .map(Method::getModifiers)
                .map(Modifier::isPublic))
        .containsExactly(false);
  }
}
