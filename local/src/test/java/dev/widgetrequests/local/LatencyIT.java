package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** A stack started with a latency makes every call to every service take that much longer. */
@ExtendWith(LocalStackExtension.class)
class LatencyIT {
  private static final Duration LATENCY = Duration.ofMillis(60);
  private static final int CALLS = 7;

  private static LocalStack slow;

  @BeforeAll
  static void startSlowStack() {
    slow = LocalStack.start(LocalStackPorts.RANDOM, LATENCY);
  }

  @AfterAll
  static void stopSlowStack() {
    slow.close();
  }

  @Test
  void everyServiceCall_takesTheLatencyLonger(LocalStack plain) {
    assumeTrue(plain.latency().isZero(), "the shared stack has a latency of its own");
    for (String service : List.of("S3", "SQS", "DynamoDB")) {
      List<Long> slowMillis = timeCalls(slow, service);
      List<Long> plainMillis = timeCalls(plain, service);
      System.out.printf(
          "%s: %s ms with %d ms latency, %s ms without%n",
          service, slowMillis, LATENCY.toMillis(), plainMillis);

      assertThat(slowMillis).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(60));
      assertThat(median(slowMillis) - median(plainMillis)).isGreaterThanOrEqualTo(45);
    }
  }

  @Test
  void callCounts_countEachCallOnceAtItsService() {
    String bucket = slow.createBucket(slow.uniqueName("counted"));
    String queue = slow.createQueue(slow.uniqueName("counted"));
    String table = slow.createWidgetTable(slow.uniqueName("counted"), "id");
    CallCounts before = slow.callCounts();

    slow.s3().putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("body"));
    slow.s3().getObjectAsBytes(r -> r.bucket(bucket).key("k"));
    slow.s3().deleteObject(r -> r.bucket(bucket).key("k"));
    slow.sqs().sendMessage(r -> r.queueUrl(queue).messageBody("m"));
    slow.sqs().getQueueAttributes(r -> r.queueUrl(queue));
    slow.dynamoDb().describeTable(r -> r.tableName(table));
    CallCounts made = slow.callCounts().minus(before);

    assertThat(made).isEqualTo(new CallCounts(3, 2, 1));
    assertThat(made.total()).isEqualTo(6);
    assertThat(made.of(LocalService.SQS)).isEqualTo(2);
  }

  private static List<Long> timeCalls(LocalStack stack, String service) {
    String bucket = stack.createBucket(stack.uniqueName("timed"));
    String queue = stack.createQueue(stack.uniqueName("timed"));
    String table = stack.createWidgetTable(stack.uniqueName("timed"), "id");
    Runnable call =
        switch (service) {
          case "S3" -> () -> stack.s3().listObjectsV2(r -> r.bucket(bucket));
          case "SQS" -> () -> stack.sqs().getQueueAttributes(r -> r.queueUrl(queue));
          default -> () -> stack.dynamoDb().describeTable(r -> r.tableName(table));
        };
    call.run(); // warm: connection open, classes loaded
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      long started = System.nanoTime();
      call.run();
      millis.add((System.nanoTime() - started) / 1_000_000);
    }
    return millis;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
