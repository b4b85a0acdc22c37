package dev.migrata.test;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a {@link MigrationTester} on a fresh database, dropped after the test:
 *
 * <pre>{@code
 * @ExtendWith(MigrataExtension.class)
 * @MigrataDatabase("postgresql")
 * class MigrationsTest {
 *   @Test
 *   void reversible(MigrationTester tester) {
 *     tester.assertEveryMigrationReversible();
 *   }
 * }
 * }</pre>
 *
 * Or registered with a fixed server: {@code @RegisterExtension static MigrataExtension migrata =
 * MigrataExtension.on("mariadb");}. The server is as {@link MigrataDatabase} describes.
 */
public final class MigrataExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MigrataExtension.class);

  private final String server;

  /** The server from {@link MigrataDatabase}, the system property or the environment. */
  public MigrataExtension() {
    this(null);
  }

  private MigrataExtension(String server) {
    this.server = server;
  }

  /** An extension whose testers are made on {@code server}, whatever the annotations say. */
  public static MigrataExtension on(String server) {
    return new MigrataExtension(server);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MigrationTester.class || type == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MigrationTester tester =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                "tester", k -> MigrationTester.create(server(context)), MigrationTester.class);
    return parameter.getParameter().getType() == TestDatabase.class ? tester.database() : tester;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    MigrationTester tester = context.getStore(NAMESPACE).remove("tester", MigrationTester.class);
    if (tester != null) {
      tester.close();
    }
  }

  private String server(ExtensionContext context) {
    if (server != null) {
      return server;
    }
    Optional<String> annotated =
        context
            .getTestMethod()
            .flatMap(MigrataExtension::annotated)
            .or(() -> context.getTestClass().flatMap(MigrataExtension::annotated));
    if (annotated.isPresent()) {
      return annotated.get();
    }
    String configured = System.getProperty("migrata.test.database");
    if (configured == null) {
      configured = System.getenv("MIGRATA_TEST_DATABASE");
    }
    return configured == null || configured.isBlank() ? "sqlite" : configured;
  }

  private static Optional<String> annotated(AnnotatedElement element) {
    Class<?> type = element instanceof Class<?> c ? c : null;
    while (true) {
      MigrataDatabase found = element.getAnnotation(MigrataDatabase.class);
      if (found != null) {
        return Optional.of(found.value());
      }
      // A nested test class takes its enclosing class's server.
      if (type == null || type.getEnclosingClass() == null) {
        return Optional.empty();
      }
      type = type.getEnclosingClass();
      element = type;
    }
  }
}
