package dev.widgetrequests.producer.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.producer.generate.RequestGenerator;
import dev.widgetrequests.producer.key.RequestKeys;
import dev.widgetrequests.producer.sink.BucketSink;
import dev.widgetrequests.producer.sink.ClaimCheckSink;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import dev.widgetrequests.producer.sink.QueueSink;
import dev.widgetrequests.producer.sink.RequestSink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Requests per second at {@code -ird 0} against the local stack, next to a baseline of the same
 * requests sent one call at a time. A measurement, not a test: it asserts only that everything was
 * sent. Run it with {@code ./mvnw verify -pl producer -Dwidgets.benchmark=true
 * -Dit.test=ProducerBenchmarkIT}.
 */
@ExtendWith(LocalStackExtension.class)
@EnabledIfSystemProperty(named = "widgets.benchmark", matches = "true")
class ProducerBenchmarkIT {
  private static final int REQUESTS = 2_000;
  private static final int WARM_UP = 300;

  @Test
  void requestsPerSecond_producerAtNoDelay_versusOneCallAtATime(LocalStack stack) {
    List<OutgoingRequest> requests = requests(REQUESTS);
    StringBuilder report = new StringBuilder();
    report.append("%nProducer at -ird 0, %d requests:%n".formatted(REQUESTS));

    String baselineBucket = bucket(stack, "baseline");
    double bucketBaseline = baseline(requests, r -> put(stack, baselineBucket, r));
    double bucketRate = produce(new BucketSink(stack.s3(), bucket(stack, "bench")));
    report.append(line("bucket", bucketRate, bucketBaseline));

    String baselineQueue = stack.createQueue(stack.uniqueName("baseline"));
    double queueBaseline =
        baseline(
            requests,
            r ->
                stack
                    .sqs()
                    .sendMessage(send -> send.queueUrl(baselineQueue).messageBody(r.body())));
    String queue = stack.createQueue(stack.uniqueName("bench"));
    report.append(line("queue", produce(new QueueSink(stack.sqs(), queue)), queueBaseline));

    RequestSink claimCheck =
        new ClaimCheckSink(
            new BucketSink(stack.s3(), bucket(stack, "claim")),
            new QueueSink(stack.sqs(), stack.createQueue(stack.uniqueName("claim"))));
    report.append(line("claim check", produce(claimCheck), Double.NaN));

    System.out.println(report);
  }

  private static void put(LocalStack stack, String bucket, OutgoingRequest request) {
    stack
        .s3()
        .putObject(
            put -> put.bucket(bucket).key(request.key()).contentType("application/json"),
            RequestBody.fromString(request.body(), StandardCharsets.UTF_8));
  }

  private static String bucket(LocalStack stack, String prefix) {
    return stack.createBucket(stack.uniqueName(prefix));
  }

  private static double produce(RequestSink sink) {
    run(sink, WARM_UP);
    ProductionSummary summary = run(sink, REQUESTS);
    assertThat(summary.sent().total()).isEqualTo(REQUESTS);
    return summary.requestsPerSecond();
  }

  private static ProductionSummary run(RequestSink sink, int requests) {
    ProducerSettings settings = new ProducerSettings(requests, Duration.ZERO, Duration.ZERO, 99);
    return new Producer(sink, settings, Clock.systemUTC(), Progress.none()).run();
  }

  private static double baseline(List<OutgoingRequest> requests, Consumer<OutgoingRequest> send) {
    requests.subList(0, WARM_UP).forEach(send);
    long start = System.nanoTime();
    requests.forEach(send);
    return requests.size() * 1e9 / (System.nanoTime() - start);
  }

  private static List<OutgoingRequest> requests(int count) {
    RequestGenerator generator = RequestGenerator.seeded(99);
    RequestKeys keys = new RequestKeys(Clock.systemUTC());
    return Stream.generate(generator::next)
        .limit(count)
        .map(request -> outgoing(keys.next(), request))
        .toList();
  }

  private static OutgoingRequest outgoing(String key, WidgetRequest request) {
    return new OutgoingRequest(key, request, WidgetJson.toJson(request));
  }

  private static String line(String mode, double rate, double baseline) {
    return Double.isNaN(baseline)
        ? String.format(Locale.ROOT, "  %-12s %8.0f requests/s%n", mode, rate)
        : String.format(
            Locale.ROOT,
            "  %-12s %8.0f requests/s; one call at a time %6.0f requests/s; %.1fx%n",
            mode,
            rate,
            baseline,
            rate / baseline);
  }
}
