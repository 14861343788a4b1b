package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.consumer.cli.ConsumerConfig;
import dev.widgetrequests.consumer.cli.ConsumerWiring;
import dev.widgetrequests.consumer.engine.ConsumerStats;
import dev.widgetrequests.consumer.engine.EngineSettings;
import dev.widgetrequests.consumer.it.Pipeline.Path;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throughput of the consumer on the embedded stack: queue to DynamoDB and bucket to S3, each at the
 * default concurrency and, as the baseline measured in the same run, one request at a time. Prints
 * figures; asserts only that every request was applied.
 */
@ExtendWith(LocalStackExtension.class)
class ConsumerBenchmarkIT {
  private static final int ROUNDS = 4; // 4 x 222 requests, widget ids distinct per round

  @Test
  void queueToDynamoDb_andBucketToS3_throughput(LocalStack stack) {
    report("queue -> DynamoDB", stack, Path.QUEUE, true);
    report("bucket -> S3", stack, Path.BUCKET, false);
  }

  private void report(String name, LocalStack stack, Path path, boolean table) {
    ConsumerStats.Summary baseline = run(stack, path, table, 1);
    ConsumerStats.Summary concurrent = run(stack, path, table, 16);
    System.out.printf(
        "BENCHMARK consumer %-18s %d requests: %.0f req/s at concurrency 16, %.0f req/s at"
            + " concurrency 1 (baseline): %.1fx%n",
        name,
        concurrent.handled(),
        concurrent.perSecond(),
        baseline.perSecond(),
        concurrent.perSecond() / baseline.perSecond());
  }

  private ConsumerStats.Summary run(LocalStack stack, Path path, boolean table, int concurrency) {
    var pipeline = new Pipeline(stack);
    TreeMap<String, String> requests = requests();
    pipeline.feed(path, requests, true);
    ConsumerConfig.Source source =
        path == Path.BUCKET
            ? new ConsumerConfig.BucketSource(pipeline.requestBucket, "rejected/", 100)
            : new ConsumerConfig.QueueSource(pipeline.queue.queueUrl(), null, 1, null);
    ConsumerConfig.Store store =
        table
            ? new ConsumerConfig.TableStore(pipeline.widgetTable, "id")
            : new ConsumerConfig.BucketStore(pipeline.widgetBucket, "widgets/");
    var settings =
        new EngineSettings(
            concurrency, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(20));
    try (AwsClients clients = pipeline.clients()) {
      var config = new ConsumerConfig(clients.settings(), source, store, settings, null);
      ConsumerStats.Summary summary =
          ConsumerWiring.engine(config, clients, Clock.systemUTC()).run();
      assertThat(summary.applied() + summary.warned()).isEqualTo(requests.size());
      return summary;
    }
  }

  private static TreeMap<String, String> requests() {
    TreeMap<String, String> requests = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String prefix = round + "-";
      String suffix = "-" + round;
      Fixtures.liveProducerRun()
          .forEach(
              (key, body) ->
                  requests.put(
                      prefix + key,
                      body.replaceFirst("(\"widgetId\":\"[^\"]+)\"", "$1" + suffix + "\"")));
    }
    return requests;
  }
}
