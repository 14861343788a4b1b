package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.json.WidgetJson;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    ConsumerFleet.send(pipeline, plan);
    List<Process> running =
        ConsumerFleet.startAll(
            pipeline,
            consumers,
            store,
            List.of("-rq", pipeline.queue.queueUrl(), "-qwt", "1", "-qvt", "10"));
    ConsumerFleet.awaitTaken(pipeline, plan.size(), 100);
    int held = holdPastVisibility(pipeline, HELD);
    ConsumerFleet.awaitExitZero(running);

    Map<String, Widget> expected = CourseLikeStream.inOrder(stream);
    report(
        "queue", consumers, store, stream, plan.size() - stream.size(), held, expected, pipeline);
    assertThat(pipeline.messagesIn(pipeline.queue.queueUrl())).isZero();
    assertThat(pipeline.messagesIn(pipeline.queue.deadLetterQueueUrl())).isZero();
    assertThat(pipeline.widgets(store)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "2 consumers on one bucket, {0}", allowZeroInvocations = true)
  @MethodSource("bucketCases")
  void twoConsumersOnOneBucket_withLateObjects_endInTheInOrderResult(Store store, LocalStack stack)
      throws Exception {
    var pipeline = new Pipeline(stack);
    List<KeyedRequest> stream = CourseLikeStream.generate(77L + store.ordinal(), REQUESTS);
    List<KeyedRequest> plan = CourseLikeStream.sendPlan(stream, 77L, WINDOW, 0);
    List<Process> running =
        ConsumerFleet.startAll(pipeline, 2, store, List.of("-rb", pipeline.requestBucket));
    for (KeyedRequest request : plan) { // objects arrive while both consumers list and take them
      stack
          .s3()
          .putObject(
              r -> r.bucket(pipeline.requestBucket).key(request.orderKey()),
              software.amazon.awssdk.core.sync.RequestBody.fromString(
                  WidgetJson.toJson(request.request())));
    }
    ConsumerFleet.awaitExitZero(running);

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

  private static void report(
      String source,
      int consumers,
      Store store,
      List<KeyedRequest> stream,
      int duplicates,
      int held,
      Map<String, Widget> expected,
      Pipeline pipeline) {
    long wrong = ConsumerFleet.wrongWidgets(stream, expected, pipeline.widgets(store));
    System.out.printf(
        "convergence %s K=%d %s: %d requests, %d widgets checked (%d live), %d duplicates, %d held past"
            + " visibility, %d wrong%n",
        source,
        consumers,
        store,
        stream.size(),
        ConsumerFleet.widgetIds(stream),
        expected.size(),
        duplicates,
        held,
        wrong);
  }
}
