package dev.migrata.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class CompilerOptionsTest {
  @Test
  void processorOptionsOfTheCompilerExceptTheModeSwitches() throws Exception {
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    compiler.setConfiguration(
        Xpp3DomBuilder.build(
            new StringReader(
                "<configuration><compilerArgs>"
                    + "<arg>-Xlint:all</arg>"
                    + "<arg>-Amigrata.sourceRoot=/src</arg>"
                    + "<arg>-Amigrata.check=${migrata.check}</arg>"
                    + "<arg>-Amigrata.dryRun=true</arg>"
                    + "<arg>-Amigrata.jpa.naming=jpa</arg>"
                    + "</compilerArgs></configuration>")));
    Model model = new Model();
    model.setBuild(new Build());
    model.getBuild().addPlugin(compiler);
    MavenProject project = new MavenProject(model);

    assertThat(CompilerOptions.processorOptions(project))
        .containsExactly("-Amigrata.sourceRoot=/src", "-Amigrata.jpa.naming=jpa");
  }

  @Test
  void noCompilerConfigurationNoOptions() {
    Model model = new Model();
    model.setBuild(new Build());
    assertThat(CompilerOptions.processorOptions(new MavenProject(model))).isEmpty();
    assertThat(CompilerOptions.encoding(new MavenProject(model))).isEqualTo("UTF-8");
  }
}
