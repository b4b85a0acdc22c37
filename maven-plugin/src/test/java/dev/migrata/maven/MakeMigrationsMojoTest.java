package dev.migrata.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class MakeMigrationsMojoTest {
  private static MakeMigrationsMojo mojo() {
    MakeMigrationsMojo mojo = new MakeMigrationsMojo();
    Model model = new Model();
    model.setPackaging("jar");
    mojo.project = new MavenProject(model);
    return mojo;
  }

  @Test
  void withoutEmptyItPointsAtCompileAndTheProperty() {
    MakeMigrationsMojo mojo = mojo();
    mojo.app = "shop";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("mvn compile")
        .hasMessageContaining("-Dmigrata.empty=true -Dmigrata.app=APP");
  }

  @Test
  void emptyNeedsAnApp() {
    MakeMigrationsMojo mojo = mojo();
    mojo.empty = true;
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("-Dmigrata.app=APP");
  }
}
