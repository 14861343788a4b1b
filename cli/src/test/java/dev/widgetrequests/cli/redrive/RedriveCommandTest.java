package dev.widgetrequests.cli.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.cli.WidgetsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RedriveCommandTest {

  @Test
  void redrive_withNothingToRedrive_isAUsageErrorNamingTheOptions() {
    CommandLine cli = WidgetsCommand.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("redrive", "--dry-run")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "widgets redrive: give --dead-letter-queue URL, --rejected-bucket BUCKET, or both");
  }

  @Test
  void redrive_withMaxBelowOne_isAUsageError() {
    CommandLine cli = WidgetsCommand.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("redrive", "--rejected-bucket", "b", "--max", "0")).isEqualTo(2);
  }

  @Test
  void selection_matchesReasonsContainingTheText_andAllWithoutOne() {
    assertThat(new Selection("owner", 1, false).matches("owner: is required")).isTrue();
    assertThat(new Selection("owner", 1, false).matches("body: not valid JSON")).isFalse();
    assertThat(new Selection("owner", 1, false).matches(null)).isFalse();
    assertThat(new Selection(null, 1, false).matches(null)).isTrue();
  }
}
