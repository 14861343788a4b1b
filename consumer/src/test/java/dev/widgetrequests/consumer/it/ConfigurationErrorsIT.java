package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.cli.CliErrors;
import dev.widgetrequests.consumer.cli.ConsumerCommand;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Missing resources end the consumer at start-up with one line naming them and the fix. */
@ExtendWith(LocalStackExtension.class)
class ConfigurationErrorsIT {

  @ParameterizedTest
  @CsvSource({
    "-rb missing-requests -dwt TABLE, request bucket \"missing-requests\" does not exist",
    "-rb BUCKET -dwt missing-table, DynamoDB table \"missing-table\" does not exist",
    "-rb BUCKET -wb missing-widgets, missing-widgets",
    "-rq QUEUE/missing -dwt TABLE, does not exist",
    "-rb BUCKET -dwt TABLE --dynamodb-key-attribute widget_id, --dynamodb-key-attribute id"
  })
  void missingResource_exitsWithCode2AndOneLineNamingIt(
      String args, String expected, LocalStack stack) {
    var pipeline = new Pipeline(stack);
    List<String> command = new ArrayList<>(pipeline.endpointArgs());
    for (String arg : args.split(" ")) {
      command.add(
          arg.replace("BUCKET", pipeline.requestBucket)
              .replace("TABLE", pipeline.widgetTable)
              .replace("QUEUE", stack.sqsEndpoint() + "/000000000000"));
    }
    command.addAll(List.of("--log-file", "none", "--exit-when-idle", "1"));
    StringWriter err = new StringWriter();
    CommandLine cli = CliErrors.configure(new CommandLine(new ConsumerCommand()));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute(command.toArray(String[]::new));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains(expected)
        .contains("consumer:");
  }

  @Test
  void endpointThatDoesNotAnswer_exitsWithCode1AndOneLine() {
    StringWriter err = new StringWriter();
    CommandLine cli = CliErrors.configure(new CommandLine(new ConsumerCommand()));
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute(
            "-rb",
            "requests",
            "-dwt",
            "widgets",
            "--endpoint-url",
            "http://127.0.0.1:1",
            "--log-file",
            "none");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .startsWith("consumer: cannot reach AWS")
        .contains("--endpoint-url");
  }
}
