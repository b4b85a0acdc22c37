package dev.migrata.samples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One instance of the application in its own JVM: start (migrate, validate), then exit with Boot's
 * exit code, as a deployment's health-checked start would. For {@link EightInstancesTest}.
 */
public final class StartAndExit {
  private StartAndExit() {}

  public static void main(String[] args) {
    System.exit(
        SpringApplication.exit(
            new SpringApplicationBuilder(ShelfApplication.class)
                .web(WebApplicationType.NONE)
                .run(args)));
  }
}
