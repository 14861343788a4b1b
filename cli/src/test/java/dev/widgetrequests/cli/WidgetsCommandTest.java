package dev.widgetrequests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WidgetsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = WidgetsCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void help_listsEveryCommand_includingTheLaunchersTestAndBuild() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString())
        .contains("demo", "local", "producer", "consumer", "redrive", "bench")
        .containsPattern("(?m)^\\s+test\\s+\\S")
        .containsPattern("(?m)^\\s+build\\s+\\S");
  }

  @Test
  void anUnknownCommand_isOneLineNamingTheCommands_withExitCode2() {
    assertThat(run("bogus")).isEqualTo(2);

    assertThat(err.toString().strip())
        .startsWith("widgets: unknown command 'bogus'")
        .contains("demo, local, producer, consumer, redrive", "test, build")
        .doesNotContain("Unmatched argument")
        .doesNotContain("\n");
  }

  @Test
  void anUnknownOptionOfACommand_isStillThatCommandsUsageError() {
    assertThat(run("consumer", "--bogus")).isEqualTo(2);

    assertThat(err.toString()).contains("widgets consumer: Unknown option: '--bogus'");
  }
}
