package dev.widgetrequests.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.consumer.cli.CliErrors;
import dev.widgetrequests.consumer.cli.ConsumerCommand;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.apply.Replay;
import dev.widgetrequests.producer.generate.RequestGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * {@code widgets producer} then {@code widgets consumer} through the embedded stack: the same
 * seeded stream, produced once for each store, leaves the same widgets in S3 and DynamoDB, and
 * exactly those the stream describes.
 */
@ExtendWith(LocalStackExtension.class)
class ProduceConsumeIT {
  private static final int REQUESTS = 150;
  private static final long SEED = 2026;

  /**
   * Queues are FIFO queues here: only they promise each widget's requests in order (one message
   * group per widget), at full speed.
   */
  enum Path {
    BUCKET,
    FIFO_QUEUE,
    FIFO_CLAIM_CHECK
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void producedStream_leavesTheSameWidgetsInBothStores(Path path, LocalStack stack) {
    String requests = stack.createBucket(stack.uniqueName("requests"));
    String queue =
        (path.name().startsWith("FIFO")
                ? stack.createFifoQueueWithDeadLetter(stack.uniqueName("requests"))
                : stack.createQueueWithDeadLetter(stack.uniqueName("requests")))
            .queueUrl();
    String widgets = stack.createBucket(stack.uniqueName("widgets"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    var launcher =
        new Launcher(
            Map.of(
                "AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", stack.sqsEndpoint().toString()));

    for (List<String> store : List.of(List.of("-wb", widgets), List.of("-dwt", table))) {
      assertThat(launcher.run(producerArgs(path, requests, queue)))
          .as(launcher.err.toString())
          .isZero();
      List<String> consumer = new ArrayList<>(endpoints(stack));
      consumer.addAll(
          path == Path.BUCKET
              ? List.of("-rb", requests)
              : List.of("-rq", queue, "-qwt", "1", "--payload-bucket", requests));
      consumer.addAll(store);
      consumer.addAll(List.of("--exit-when-idle", "1", "--log-file", "none"));
      assertThat(
              CliErrors.configure(new CommandLine(new ConsumerCommand()))
                  .execute(consumer.toArray(String[]::new)))
          .isZero();
    }

    Map<String, Widget> expected = expected();
    assertThat(expected).hasSizeGreaterThan(50);
    Clock clock = Clock.systemUTC();
    assertThat(byId(new S3WidgetStore(stack.s3(), widgets, clock).all())).isEqualTo(expected);
    assertThat(byId(new DynamoDbWidgetStore(stack.dynamoDb(), table, clock).all()))
        .isEqualTo(expected);
    assertThat(stack.s3().listObjectsV2(r -> r.bucket(requests)).contents()).isEmpty();
  }

  private static String[] producerArgs(Path path, String bucket, String queue) {
    List<String> args =
        new ArrayList<>(List.of("-mwr", "" + REQUESTS, "--seed", "" + SEED, "-mrt", "0"));
    switch (path) {
      case BUCKET -> args.addAll(List.of("-rb", bucket, "-ird", "0"));
      case FIFO_QUEUE -> args.addAll(List.of("-rq", queue, "-ird", "0"));
      case FIFO_CLAIM_CHECK -> args.addAll(List.of("-rb", bucket, "-rq", queue, "-ird", "0"));
    }
    return args.toArray(String[]::new);
  }

  private static List<String> endpoints(LocalStack stack) {
    return List.of(
        "--endpoint-url-s3", stack.s3Endpoint().toString(),
        "--endpoint-url-sqs", stack.sqsEndpoint().toString(),
        "--endpoint-url-dynamodb", stack.dynamoDbEndpoint().toString());
  }

  private static Map<String, Widget> expected() {
    RequestGenerator generator = RequestGenerator.seeded(SEED);
    return Replay.of(Stream.generate(generator::next).limit(REQUESTS).toList());
  }

  private static Map<String, Widget> byId(List<Widget> widgets) {
    return widgets.stream()
        .collect(Collectors.toMap(Widget::id, Function.identity(), (a, b) -> a, TreeMap::new));
  }
}
