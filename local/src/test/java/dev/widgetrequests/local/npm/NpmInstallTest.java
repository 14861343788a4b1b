package dev.widgetrequests.local.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmInstallTest {
  @TempDir Path folder;

  /** A stand-in for a tool's install script: counts its runs and writes npm ci's marker. */
  private Path script(String body) throws IOException {
    Files.writeString(folder.resolve("package-lock.json"), "{}");
    Path script = folder.resolve("install.sh");
    Files.writeString(script, body);
    return script;
  }

  private static final String INSTALLS =
      """
      dir=$(dirname "$0")
      echo run >> "$dir/runs"
      echo "widgets: installing the test packages..." >&2
      mkdir -p "$dir/node_modules" && echo '{}' > "$dir/node_modules/.package-lock.json"
      """;

  @Test
  void ready_runsTheScriptOnlyWhileTheLockFileIsNewerThanTheInstall() throws IOException {
    Path script = script(INSTALLS);
    List<String> output = new ArrayList<>();

    assertThat(NpmInstall.installed(folder)).isFalse();
    assertThat(NpmInstall.ready(folder, script, "the test packages", output::add))
        .isEqualTo(folder);
    NpmInstall.ready(folder, script, "the test packages", output::add);

    assertThat(NpmInstall.installed(folder)).isTrue();
    assertThat(Files.readAllLines(folder.resolve("runs"))).hasSize(1);
    assertThat(output).containsExactly("widgets: installing the test packages...");

    Files.setLastModifiedTime(
        folder.resolve("package-lock.json"), FileTime.from(Instant.now().plusSeconds(60)));
    assertThat(NpmInstall.installed(folder)).isFalse();
    NpmInstall.ready(folder, script, "the test packages", output::add);
    assertThat(Files.readAllLines(folder.resolve("runs"))).hasSize(2);
  }

  @Test
  void ready_whenTheScriptFails_throwsItsLastLine() throws IOException {
    Path script =
        script(
            """
            echo "npm ERR! something long" >&2
            echo "widgets: npm is needed to install the test packages; install it." >&2
            exit 1
            """);

    assertThatThrownBy(() -> NpmInstall.ready(folder, script, "the test packages", line -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("widgets: npm is needed to install the test packages; install it.");
    assertThat(NpmInstall.installed(folder)).isFalse();
  }
}
