package dev.widgetrequests.cli.demo;

import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.model.Widget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads both stores and every source back and says what does not add up. */
final class StoreCheck {
  private final DemoStack demo;
  private final Map<String, Widget> expected;
  private final Map<String, Widget> inS3;
  private final Map<String, Widget> inDynamoDb;

  StoreCheck(DemoStack demo, Map<String, Widget> expected) {
    this.demo = demo;
    this.expected = expected;
    var clock = Clock.systemUTC();
    this.inS3 =
        byId(
            new S3WidgetStore(demo.clients.s3(), demo.resources.widgetBucket(), "widgets/", clock)
                .all());
    this.inDynamoDb =
        byId(
            new DynamoDbWidgetStore(
                    demo.clients.dynamoDb(),
                    demo.resources.widgetTable(),
                    demo.resources.widgetTableKey(),
                    clock)
                .all());
  }

  int widgetsInS3() {
    return inS3.size();
  }

  int widgetsInDynamoDb() {
    return inDynamoDb.size();
  }

  List<String> run(int rounds, long refusedOverHttp) {
    List<String> failures = new ArrayList<>();
    if (!inS3.equals(inDynamoDb)) {
      failures.add(difference("S3", inS3, "DynamoDB", inDynamoDb));
    }
    if (!inS3.equals(expected)) {
      failures.add(difference("S3", inS3, "the requests applied in memory", expected));
    }
    var objects = objectKeys(demo.resources.requestBucket());
    long rejected = objects.stream().filter(key -> key.startsWith("rejected/")).count();
    long expectedRejected = (long) rounds * Feeds.BAD_BUCKET_REQUESTS.size();
    if (objects.size() != rejected) {
      failures.add((objects.size() - rejected) + " requests left in the request bucket");
    }
    if (rejected != expectedRejected) {
      failures.add(rejected + " requests under rejected/, expected " + expectedRejected);
    }
    expectEmpty(failures, "the request queue", messages(demo.queue.queueUrl()));
    expectEmpty(failures, "the dead-letter queue", messages(demo.queue.deadLetterQueueUrl()));
    expectEmpty(failures, "the payload bucket", objectKeys(DemoStack.PAYLOAD_BUCKET).size());
    long expectedRefused = (long) rounds * Feeds.BAD_HTTP_REQUESTS.size();
    if (refusedOverHttp != expectedRefused) {
      failures.add(
          "the handler refused " + refusedOverHttp + " requests, expected " + expectedRefused);
    }
    return failures;
  }

  private static void expectEmpty(List<String> failures, String what, long count) {
    if (count != 0) {
      failures.add(what + " still holds " + count + " requests");
    }
  }

  private List<String> objectKeys(String bucket) {
    return demo.clients.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
        .map(object -> object.key())
        .toList();
  }

  private long messages(String queueUrl) {
    Map<String, String> attributes =
        demo.clients
            .sqs()
            .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("All"))
            .attributesAsStrings();
    return Long.parseLong(attributes.get("ApproximateNumberOfMessages"))
        + Long.parseLong(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }

  private static Map<String, Widget> byId(List<Widget> widgets) {
    return widgets.stream()
        .collect(Collectors.toMap(Widget::id, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  private static String difference(
      String leftName, Map<String, Widget> left, String rightName, Map<String, Widget> right) {
    long onlyLeft = left.keySet().stream().filter(id -> !right.containsKey(id)).count();
    long onlyRight = right.keySet().stream().filter(id -> !left.containsKey(id)).count();
    long differ =
        left.entrySet().stream()
            .filter(
                e -> right.containsKey(e.getKey()) && !right.get(e.getKey()).equals(e.getValue()))
            .count();
    return String.format(
        "%s and %s differ: %d widgets only in %s, %d only in %s, %d with different content",
        leftName, rightName, onlyLeft, leftName, onlyRight, rightName, differ);
  }
}
