package dev.widgetrequests.consumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Options that would make the consumer destroy data: each is refused before anything is read, with
 * one line naming the clash and the fix (docs/design/configuration-checks.md).
 */
class StoreClashesTest {
  private final StringWriter err = new StringWriter();

  private int run(List<String> args) {
    CommandLine cli = CliErrors.configure(new CommandLine(new ConsumerCommand()));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-rb widgets -wb widgets | the request bucket and the widget bucket are both widgets",
        "--request-source w --storage-strategy s3 --request-destination w"
            + " | the request bucket and the widget bucket are both w",
        "-rb requests -wb widgets --rejected-prefix <empty> | --rejected-prefix is empty",
        "-rb requests -wb widgets --rejected-prefix widgets/ | overlaps the widget key prefix",
        "-rb requests -wb widgets --rejected-prefix widgets/rejected/"
            + " | overlaps the widget key prefix",
        "-rb requests -wb widgets --rejected-prefix wid | overlaps the widget key prefix",
        "-rb requests -dwt widgets --rejected-prefix widgets/ | overlaps the widget key prefix",
        "-rb requests -wb widgets --rejected-prefix widget-state/"
            + " | overlaps the widget state prefix",
        "-rb requests -wb w -wkp widget-state/ | --widget-key-prefix widget-state/ overlaps",
        "-rb requests -wb w -wkp <empty> | overlaps the widget state prefix widget-state/",
        "-rb requests -dwt t --payload-bucket requests | --payload-bucket is for a queue source",
        "-rq http://q -wb widgets --payload-bucket widgets | --payload-bucket widgets is the widget",
        "-rq http://q/a -dwt t --dead-letter-queue http://q/a"
            + " | --dead-letter-queue is the request queue",
      })
  void clash_isAUsageError_withOneLineNamingItAndTheFix(String args, String clash) {
    List<String> argv = new ArrayList<>();
    for (String arg : args.split(" ")) {
      argv.add(arg.equals("<empty>") ? "" : arg);
    }

    assertThat(run(argv)).isEqualTo(2);

    String[] lines = err.toString().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains(clash).contains(": give");
    assertThat(lines[1]).contains("--help");
  }
}
