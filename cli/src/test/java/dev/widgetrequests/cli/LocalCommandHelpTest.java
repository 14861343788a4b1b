package dev.widgetrequests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalCommandHelpTest {

  @Test
  void localHelp_exitsZeroAndNamesEveryOption() {
    CommandLine cli = WidgetsCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));

    int exitCode = cli.execute("local", "--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("Usage: widgets local")
        .contains("--s3-port", "--sqs-port", "--dynamodb-port", "--help", "--version")
        .contains("default: 9000", "default: 9324", "default: 8000");
  }

  @Test
  void launcherHelp_listsTheLocalCommand() {
    CommandLine cli = WidgetsCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("local");
  }

  @Test
  void local_withPortOutOfRange_isAUsageError() {
    CommandLine cli = WidgetsCommand.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("local", "--s3-port", "70000")).isEqualTo(2);
    assertThat(err.toString()).contains("S3 port must be 0..65535, not 70000");
  }
}
