package dev.migrata.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Map;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ConnectionTest {
  private static ShowMigrationsMojo mojo(Map<String, String> env) {
    ShowMigrationsMojo mojo = new ShowMigrationsMojo();
    Model model = new Model();
    model.setPackaging("jar");
    mojo.project = new MavenProject(model);
    mojo.project.setFile(new File("/projects/shop/pom.xml"));
    mojo.environment = env;
    return mojo;
  }

  @Test
  void configurationWinsOverTheEnvironmentAndTheCliReadsTheRestFromIt() throws Exception {
    ShowMigrationsMojo mojo = mojo(Map.of("MIGRATA_URL", "jdbc:sqlite:env.db"));
    mojo.url = "jdbc:sqlite:target/app.db";
    mojo.verbosity = 2;
    assertThat(mojo.commonOptions())
        .containsExactly("--url", "jdbc:sqlite:/projects/shop/target/app.db", "-v", "2");
  }

  @Test
  void theEnvironmentsUrlIsTheProjectsToo() throws Exception {
    ShowMigrationsMojo mojo = mojo(Map.of("MIGRATA_URL", "jdbc:sqlite:env.db"));
    mojo.user = "postgres";
    assertThat(mojo.commonOptions())
        .containsExactly("--url", "jdbc:sqlite:/projects/shop/env.db", "--user", "postgres");
  }

  @Test
  void moreCliOptionsAreAppendedAsGiven() throws Exception {
    ShowMigrationsMojo mojo = mojo(Map.of());
    mojo.url = "jdbc:postgresql://db/shop";
    mojo.extraArgs = " --tenants tenants.txt   --parallel 4 ";
    assertThat(mojo.commonOptions())
        .containsExactly(
            "--url", "jdbc:postgresql://db/shop", "--tenants", "tenants.txt", "--parallel", "4");
  }

  @Test
  void noUrlAnywhereSaysWhereToSetIt() {
    assertThatThrownBy(() -> mojo(Map.of()).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("-Dmigrata.url=JDBC_URL")
        .hasMessageContaining("MIGRATA_URL");
  }

  @Test
  void aPomProjectIsSkippedBeforeTheConnectionIsAskedFor() {
    ShowMigrationsMojo mojo = mojo(Map.of());
    mojo.project.setPackaging("pom");
    assertThatCode(mojo::execute).doesNotThrowAnyException();
  }
}
