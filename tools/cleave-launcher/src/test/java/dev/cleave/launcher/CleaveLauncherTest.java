package dev.cleave.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleaveLauncherTest {

  private static final Path ROOT =
      Path.of(System.getProperty("cleave.root", "../..")).toAbsolutePath().normalize();

  @Test
  void devModeRunsLibertysDevGoalOnTheMonolithAndWhatItIsBuiltFromWithALooseApplication() {
    assertThat(CleaveLauncher.devCommand(ROOT))
        .containsExactly(
            ROOT.resolve("mvnw").toString(),
            "-Dcleave.liberty.loose=true",
            "liberty:dev",
            "-pl",
            "deploy/liberty/monolith",
            "-am");
    assertThat(ROOT.resolve("mvnw")).isExecutable();
    assertThat(ROOT.resolve("deploy/liberty/monolith/pom.xml")).exists();
  }

  @Test
  void theMonolithsServerStaysBuiltUnlessDevModeSaysOtherwise() throws Exception {
    String server =
        Files.readString(
            ROOT.resolve("deploy/liberty/monolith/src/main/liberty/config/server.xml"));
    assertThat(server)
        .contains("<variable name=\"cleave.app.update.trigger\" defaultValue=\"disabled\"/>")
        .contains("updateTrigger=\"${cleave.app.update.trigger}\"")
        .contains("<variable name=\"cleave.app.location\" defaultValue=\"monolith.war\"/>")
        .contains("location=\"${cleave.app.location}\"");
    assertThat(Files.readString(ROOT.resolve("deploy/liberty/pom.xml")))
        .contains("<cleave.liberty.loose>false</cleave.liberty.loose>")
        .contains("<looseApplication>${cleave.liberty.loose}</looseApplication>");
  }

  @Test
  void theTopologyViewIsOpenUnderTheLauncherUnlessClosed() {
    assertThat(CleaveLauncher.developmentDefaults(Map.of()))
        .containsEntry("CLEAVE_TOPOLOGY_OPEN", "true");
    assertThat(CleaveLauncher.developmentDefaults(Map.of("CLEAVE_TOPOLOGY_OPEN", "false")))
        .containsEntry("CLEAVE_TOPOLOGY_OPEN", "false");
  }
}
