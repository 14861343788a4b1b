package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.cli.ConsumerMain;
import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.json.WidgetJson;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Several consumer processes on one standard queue (or one request bucket) end in the in-order
 * result, although requests arrive shuffled, twice, and late (held past their visibility timeout).
 */
@ExtendWith(LocalStackExtension.class)
class ConvergenceIT {
  private static final int REQUESTS = 2000;
  private static final int WINDOW = 40;
  private static final int DUPLICATE_PERCENT = 10;
  private static final int HELD = 120;

  /**
   * Every consumer count with every store; {@code -Dconvergence.cases=4:DYNAMODB,2:S3} runs only
   * those (the whole matrix takes minutes on a busy machine).
   */
  static Stream<Arguments> queueCases() {
    String cases =
        System.getProperty("convergence.cases", "1:DYNAMODB,2:DYNAMODB,4:DYNAMODB,1:S3,2:S3,4:S3");
    return Arrays.stream(cases.split(","))
        .map(c -> c.trim().split(":"))
        .map(c -> Arguments.of(Integer.parseInt(c[0]), Store.valueOf(c[1])));
  }

  @ParameterizedTest(name = "{0} consumers, {1}")
  @MethodSource("queueCases")
  void standardQueue_shuffledDuplicatedAndLate_endsInTheInOrderResult(
      int consumers, Store store, LocalStack stack) throws Exception {
    var pipeline = new Pipeline(stack);
    long seed = 1000L + consumers + store.ordinal();
    List<KeyedRequest> stream = CourseLikeStream.generate(seed, REQUESTS);
    List<KeyedRequest> plan = CourseLikeStream.sendPlan(stream, seed, WINDOW, DUPLICATE_PERCENT);
    send(pipeline, plan);
    List<Process> running =
        startConsumers(
            pipeline,
            consumers,
            store,
            List.of("-rq", pipeline.queue.queueUrl(), "-qwt", "1", "-qvt", "10"));
    awaitDrainStarted(pipeline, plan.size());
    int held = holdPastVisibility(pipeline, HELD);
    awaitAll(running);

    Map<String, Widget> expected = CourseLikeStream.inOrder(stream);
    report(
        "queue", consumers, store, stream, plan.size() - stream.size(), held, expected, pipeline);
    assertThat(pipeline.messagesIn(pipeline.queue.queueUrl())).isZero();
    assertThat(pipeline.messagesIn(pipeline.queue.deadLetterQueueUrl())).isZero();
    assertThat(pipeline.widgets(store)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "2 consumers on one bucket, {0}")
  @MethodSource("bucketCases")
  void twoConsumersOnOneBucket_withLateObjects_endInTheInOrderResult(Store store, LocalStack stack)
      throws Exception {
    var pipeline = new Pipeline(stack);
    List<KeyedRequest> stream = CourseLikeStream.generate(77L + store.ordinal(), REQUESTS);
    List<KeyedRequest> plan = CourseLikeStream.sendPlan(stream, 77L, WINDOW, 0);
    List<Process> running =
        startConsumers(pipeline, 2, store, List.of("-rb", pipeline.requestBucket));
    for (KeyedRequest request : plan) { // objects arrive while both consumers list and take them
      stack
          .s3()
          .putObject(
              r -> r.bucket(pipeline.requestBucket).key(request.orderKey()),
              software.amazon.awssdk.core.sync.RequestBody.fromString(
                  WidgetJson.toJson(request.request())));
    }
    awaitAll(running);

    Map<String, Widget> expected = CourseLikeStream.inOrder(stream);
    report("bucket", 2, store, stream, 0, 0, expected, pipeline);
    assertThat(pipeline.objects(pipeline.requestBucket, "")).isEmpty();
    assertThat(pipeline.widgets(store)).isEqualTo(expected);
  }

  /** Both stores; {@code -Dconvergence.bucket=S3} runs only one, {@code none} neither. */
  static Stream<Store> bucketCases() {
    String cases = System.getProperty("convergence.bucket", "DYNAMODB,S3");
    return cases.equals("none")
        ? Stream.empty()
        : Arrays.stream(cases.split(",")).map(c -> Store.valueOf(c.trim()));
  }

  private static void send(Pipeline pipeline, List<KeyedRequest> plan) {
    for (int from = 0; from < plan.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(plan.size(), from + 10); i++) {
        KeyedRequest request = plan.get(i);
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id("m" + i)
                .messageBody(WidgetJson.toJson(request.request()))
                .messageAttributes(
                    Map.of(
                        "request-key",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(request.orderKey())
                            .build()))
                .build());
      }
      pipeline
          .stack
          .sqs()
          .sendMessageBatch(r -> r.queueUrl(pipeline.queue.queueUrl()).entries(entries));
    }
  }

  /** Waits until the consumers have applied the first hundred messages. */
  private static void awaitDrainStarted(Pipeline pipeline, int sent) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (pipeline.messagesIn(pipeline.queue.queueUrl()) > sent - 100) {
      assertThat(System.nanoTime()).as("consumers started within 180 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /**
   * Takes messages while the consumers drain and never deletes them: they come back after 8 s,
   * behind their widgets' later requests.
   */
  private static int holdPastVisibility(Pipeline pipeline, int count) {
    int held = 0;
    for (int call = 0; held < count && call < 100; call++) {
      held +=
          pipeline
              .stack
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(pipeline.queue.queueUrl())
                          .maxNumberOfMessages(10)
                          .visibilityTimeout(8))
              .messages()
              .size();
    }
    return held;
  }

  private static List<Process> startConsumers(
      Pipeline pipeline, int count, Store store, List<String> source) throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ConsumerMain.class.getName()));
      command.addAll(source);
      command.addAll(
          store == Store.S3
              ? List.of("-wb", pipeline.widgetBucket)
              : List.of("-dwt", pipeline.widgetTable));
      command.addAll(List.of("--exit-when-idle", "12", "--concurrency", "4", "--log-file", "none"));
      command.addAll(pipeline.endpointArgs());
      File log = File.createTempFile("convergence-consumer-" + i + "-", ".log");
      processes.add(
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start());
    }
    return processes;
  }

  private static void awaitAll(List<Process> processes) throws Exception {
    for (Process process : processes) {
      assertThat(process.waitFor(900, TimeUnit.SECONDS)).as("consumer exited").isTrue();
      assertThat(process.exitValue()).isZero();
    }
  }

  private static void report(
      String source,
      int consumers,
      Store store,
      List<KeyedRequest> stream,
      int duplicates,
      int held,
      Map<String, Widget> expected,
      Pipeline pipeline) {
    Map<String, Widget> actual = pipeline.widgets(store);
    TreeSet<String> ids = new TreeSet<>();
    stream.forEach(k -> ids.add(k.request().widgetId()));
    long wrong =
        ids.stream().filter(id -> !Objects.equals(actual.get(id), expected.get(id))).count();
    System.out.printf(
        "convergence %s K=%d %s: %d requests, %d widgets checked (%d live), %d duplicates, %d held past"
            + " visibility, %d wrong%n",
        source,
        consumers,
        store,
        stream.size(),
        ids.size(),
        expected.size(),
        duplicates,
        held,
        wrong);
  }
}
