package dev.widgetrequests.consumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ConsumerCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = CliErrors.configure(new CommandLine(new ConsumerCommand()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void help_documentsEveryFlagOfBothVocabularies() {
    assertThat(run("--help")).isZero();

    List<String> flags =
        List.of(
            "-rb",
            "--request-bucket",
            "--request-source",
            "-rq",
            "--request-queue",
            "--queue-url",
            "-wb",
            "--widget-bucket",
            "-dwt",
            "--dynamodb-widget-table",
            "--storage-strategy",
            "--request-destination",
            "-wkp",
            "--widget-key-prefix",
            "-mrt",
            "--max-runtime",
            "-qwt",
            "--queue-wait-timeout",
            "-qvt",
            "--queue-visibility-timeout",
            "-p",
            "--profile",
            "-r",
            "--region",
            "--endpoint-url",
            "--dead-letter-queue",
            "--rejected-prefix",
            "--dynamodb-key-attribute",
            "--concurrency",
            "--max-rate",
            "--log-file",
            "--exit-when-idle",
            "--poll-interval");
    assertThat(out.toString()).contains(flags);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-wb widgets",
        "-rb a -rq http://q -wb widgets",
        "-rb requests",
        "-rb requests -wb widgets -dwt widgets",
        "-rb requests --storage-strategy s3",
        "-rb requests --request-destination widgets",
        "-rb requests -wb widgets --concurrency 0",
        "-rb requests -wb widgets --max-rate -5",
        "-rb requests -wb widgets --max-rate NaN",
        "-rq http://q -wb widgets -qwt 21",
        "-rb requests --storage-strategy nosql --request-destination w"
      })
  void usageErrors_exitWithCode2AndOneLineSayingWhatToDo(String args) {
    assertThat(run(args.split(" "))).isEqualTo(2);

    String[] lines = err.toString().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains("--help");
  }

  @Test
  void seedVocabulary_mapsToTheSameConfigurationAsTheCourseFlags() {
    ConsumerCommand seed =
        parse(
            "--request-source",
            "requests",
            "--storage-strategy",
            "dynamodb",
            "--request-destination",
            "widgets");
    ConsumerCommand course = parse("-rb", "requests", "-dwt", "widgets");

    assertThat(ConsumerOptions.toConfig(seed, java.util.Map.of()))
        .isEqualTo(ConsumerOptions.toConfig(course, java.util.Map.of()));
  }

  @Test
  void endpoints_comeFromTheEnvironment_unlessGivenOnTheCommandLine() {
    var env = java.util.Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324");
    var fromEnv = ConsumerOptions.toConfig(parse("-rq", "http://q", "-dwt", "w"), env).aws();
    var explicit =
        ConsumerOptions.toConfig(
                parse("-rq", "http://q", "-dwt", "w", "--endpoint-url", "http://127.0.0.1:1"), env)
            .aws();

    assertThat(fromEnv.sqs()).hasToString("http://127.0.0.1:9324");
    assertThat(fromEnv.dynamoDb()).isNull();
    assertThat(explicit.sqs()).hasToString("http://127.0.0.1:1");
    assertThat(explicit.dynamoDb()).hasToString("http://127.0.0.1:1");
  }

  @Test
  void payloadBuckets_areRepeatable_andTheWidgetBucketIsNeverOne() {
    var config =
        ConsumerOptions.toConfig(
            parse("-rq", "http://q", "-dwt", "w", "--payload-bucket", "a", "--payload-bucket", "b"),
            java.util.Map.of());

    assertThat(((ConsumerConfig.QueueSource) config.source()).payloadBuckets())
        .containsExactlyInAnyOrder("a", "b");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    ConsumerOptions.toConfig(
                        parse("-rq", "http://q", "-wb", "widgets", "--payload-bucket", "widgets"),
                        java.util.Map.of())))
        .hasMessageContaining("--payload-bucket widgets is the widget bucket");
  }

  private static ConsumerCommand parse(String... args) {
    ConsumerCommand command = new ConsumerCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
