package dev.migrata.processor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * What the safety lint and the zero-downtime output need to know of one app: the backends it is
 * migrated on ({@code @App(backends)}, all three by default) and whether the processor writes the
 * safe PostgreSQL form ({@code @App(zeroDowntime)} or {@code -Amigrata.zeroDowntime=true}).
 */
record SafetySettings(Set<Backend> backends, boolean zeroDowntime) {
  /** A backend as the lint tells them apart (MariaDB locks as MySQL does). */
  enum Backend {
    POSTGRESQL,
    MYSQL,
    SQLITE;

    static Backend byName(String name) {
      return switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "postgresql", "postgres" -> POSTGRESQL;
        case "mysql", "mariadb" -> MYSQL;
        case "sqlite" -> SQLITE;
        default -> null;
      };
    }
  }

  boolean targets(Backend backend) {
    return backends.contains(backend);
  }

  /** Whether the processor writes PostgreSQL's concurrent index form for this app. */
  boolean writesSafeForm() {
    return zeroDowntime && targets(Backend.POSTGRESQL);
  }

  /** Reads {@code app}'s {@code @App}, reporting an unknown backend on its value. */
  static SafetySettings of(AppInfo app, Elements elements, Options options, Reporter reporter) {
    PackageElement pkg = elements.getPackageElement(app.packageName());
    AnnotationMirror mirror = pkg == null ? null : Mirrors.find(pkg, AppResolver.APP);
    Set<Backend> backends = EnumSet.allOf(Backend.class);
    boolean zeroDowntime = options.zeroDowntime();
    if (mirror == null) {
      return new SafetySettings(backends, zeroDowntime);
    }
    AnnotationValue listed = Mirrors.value(mirror, "backends");
    // Empty (the annotation's default) means every backend, as for the index details' warnings.
    if (listed != null && !items(listed).isEmpty()) {
      backends = EnumSet.noneOf(Backend.class);
      for (AnnotationValue v : items(listed)) {
        String name = String.valueOf(v.getValue());
        Backend b = Backend.byName(name);
        if (b == null) {
          reporter.report(Problem.APP_BACKEND_UNKNOWN, pkg, mirror, v, app.label(), name);
        } else {
          backends.add(b);
        }
      }
    }
    AnnotationValue zd = Mirrors.value(mirror, "zeroDowntime");
    if (zd != null && Boolean.TRUE.equals(zd.getValue())) {
      zeroDowntime = true;
    }
    return new SafetySettings(backends, zeroDowntime);
  }

  private static List<AnnotationValue> items(AnnotationValue value) {
    List<AnnotationValue> result = new ArrayList<>();
    if (value.getValue() instanceof List<?> list) {
      list.forEach(o -> result.add((AnnotationValue) o));
    } else {
      result.add(value);
    }
    return result;
  }
}
