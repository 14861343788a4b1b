package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.it.Pipeline.Path;
import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.apply.Replay;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Over a thousand generated malformed and malicious inputs through each boundary (HTTP handler,
 * queue message body, bucket object, pointer), against victim widgets stored beforehand; the real
 * consumer (the {@code widgets consumer} command, in this JVM) reads the queue into the S3 store
 * and the bucket into the DynamoDB store at the same time. Nothing may hurt.
 */
@ExtendWith(LocalStackExtension.class)
class HostileInputIT {
  private static final int PER_BOUNDARY = 1_000;

  private static final Pattern WIDGET_KEY =
      Pattern.compile("widgets/[a-z]+(-[a-z]*)*/[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,127}");

  @Test
  void hostileInput_throughEveryBoundary_cannotHurt(LocalStack stack) {
    Pipeline pipeline = new Pipeline(stack);
    String payloads = stack.createBucket(stack.uniqueName("payloads"));
    String other = stack.createBucket(stack.uniqueName("other"));
    Map<String, Widget> victims = storeVictims(pipeline);
    stack
        .s3()
        .putObject(
            r -> r.bucket(pipeline.widgetBucket).key("notes/unrelated.txt"),
            RequestBody.fromString("keep"));
    for (int i = 0; i < 3; i++) {
      String key = "secret/" + i;
      stack.s3().putObject(r -> r.bucket(other).key(key), RequestBody.fromString("secret " + key));
    }
    var expect = new HostileExpectations();
    var feeds = new HostileFeeds(pipeline, payloads, other, expect);
    feeds.putProtectedObjects();
    Map<String, BucketSnapshot> before = snapshots(pipeline, payloads, other);

    long feedStart = System.nanoTime();
    var http = new HostileHttp(pipeline);
    http.feed(PER_BOUNDARY, expect);
    long httpMillis = (System.nanoTime() - feedStart) / 1_000_000;
    feeds.queueBodies(PER_BOUNDARY);
    feeds.pointers(PER_BOUNDARY);
    feeds.bucketObjects(PER_BOUNDARY);
    feeds.await();
    before.put(payloads, BucketSnapshot.of(stack.s3(), payloads)); // with the pointed-to objects
    long feedMillis = (System.nanoTime() - feedStart) / 1_000_000;

    long start = System.nanoTime();
    var fromQueue =
        CompletableFuture.supplyAsync(
            () ->
                pipeline.consume(
                    Path.QUEUE, Store.S3, "--payload-bucket", payloads, "--concurrency", "32"));
    var fromBucket =
        CompletableFuture.supplyAsync(() -> pipeline.consume(Path.BUCKET, Store.DYNAMODB));
    assertThat(fromQueue.join()).as("queue consumer's exit code").isZero();
    assertThat(fromBucket.join()).as("bucket consumer's exit code").isZero();
    long consumeMillis = (System.nanoTime() - start) / 1_000_000;

    Map<String, BucketSnapshot> after = snapshots(pipeline, payloads, other);
    assertUntouched(before, after, pipeline, payloads, other);
    assertDrainedAndDeadLettered(pipeline, expect);
    assertStores(pipeline, victims, expect);
    System.out.printf(
        "hostile inputs: %d HTTP (answers %s), %d queue bodies, %d pointers, %d bucket objects;"
            + " %d dead letters, %d rejected objects; HTTP in %d ms, all fed in %d ms,"
            + " consumed in %d ms%n",
        expect.fedHttp,
        http.statuses,
        expect.fedQueue,
        expect.fedPointers,
        expect.fedObjects,
        expect.deadMessageIds.size(),
        expect.rejectedObjects,
        httpMillis,
        feedMillis,
        consumeMillis);
  }

  /** Mary's widgets, in both stores, through the consumer itself. */
  private static Map<String, Widget> storeVictims(Pipeline pipeline) {
    Map<String, String> requests = new LinkedHashMap<>();
    for (int i = 0; i < HostileBodies.VICTIMS; i++) {
      requests.put(
          "0000000000000-" + i,
          "{\"type\":\"create\",\"requestId\":\"v%d\",\"widgetId\":\"victim-%d\",\"owner\":\"Mary Matthews\",\"label\":\"precious\",\"otherAttributes\":[{\"name\":\"n\",\"value\":\"%d\"}]}"
              .formatted(i, i, i));
    }
    for (Store store : Store.values()) {
      pipeline.feed(Path.BUCKET, requests);
      assertThat(pipeline.consume(Path.BUCKET, store)).isZero();
    }
    Map<String, Widget> victims = pipeline.s3Widgets();
    assertThat(victims).hasSize(HostileBodies.VICTIMS).isEqualTo(pipeline.tableWidgets());
    return victims;
  }

  private static Map<String, BucketSnapshot> snapshots(Pipeline pipeline, String... more) {
    Map<String, BucketSnapshot> snapshots = new LinkedHashMap<>();
    snapshots.put(
        pipeline.widgetBucket, BucketSnapshot.of(pipeline.stack.s3(), pipeline.widgetBucket));
    for (String bucket : more) {
      snapshots.put(bucket, BucketSnapshot.of(pipeline.stack.s3(), bucket));
    }
    return snapshots;
  }

  private static void assertUntouched(
      Map<String, BucketSnapshot> before,
      Map<String, BucketSnapshot> after,
      Pipeline pipeline,
      String payloads,
      String other) {
    BucketSnapshot widgetsBefore = before.get(pipeline.widgetBucket);
    BucketSnapshot widgetsAfter = after.get(pipeline.widgetBucket);
    assertThat(widgetsBefore.changedIn(widgetsAfter))
        .as("victims and unrelated objects (bookkeeping under widget-state/ may change)")
        .allSatisfy((key, change) -> assertThat(key).startsWith("widget-state/"));
    assertThat(widgetsAfter.etags().keySet())
        .as("nothing written outside widgets/{owner-slug}/{id} and widget-state/")
        .allMatch(
            key ->
                widgetsBefore.etags().containsKey(key)
                    || WIDGET_KEY.matcher(key).matches()
                    || key.startsWith("widget-state/"));
    assertThat(before.get(other)).as("another bucket").isEqualTo(after.get(other));
    BucketSnapshot payloadsBefore = before.get(payloads);
    BucketSnapshot payloadsAfter = after.get(payloads);
    assertThat(payloadsAfter.etags().keySet()).containsAll(HostileFeeds.PROTECTED);
    assertThat(payloadsAfter.etags())
        .as("nothing written in the payload bucket")
        .allSatisfy((key, etag) -> assertThat(payloadsBefore.etags()).containsEntry(key, etag));
  }

  private static void assertStores(
      Pipeline pipeline, Map<String, Widget> victims, HostileExpectations expect) {
    Map<String, Widget> queueExpected =
        new HashMap<>(Replay.of(HostileExpectations.notOnVictims(expect.toQueueStore)));
    // docs/design/convergence.md: another owner's create of a victim's id changes nothing, in both
    // stores.
    queueExpected.putAll(victims);
    assertThat(differences(queueExpected, pipeline.s3Widgets())).as("S3 store").isEmpty();
    Map<String, Widget> tableExpected =
        new HashMap<>(Replay.of(HostileExpectations.notOnVictims(expect.toTableStore)));
    tableExpected.putAll(victims);
    assertThat(differences(tableExpected, pipeline.tableWidgets())).as("DynamoDB store").isEmpty();
  }

  private static Map<String, String> differences(
      Map<String, Widget> expected, Map<String, Widget> actual) {
    Map<String, String> differences = new java.util.TreeMap<>();
    expected.forEach(
        (id, widget) -> {
          if (!widget.equals(actual.get(id))) {
            differences.put(id, "expected " + widget + " but was " + actual.get(id));
          }
        });
    actual.keySet().stream()
        .filter(id -> !expected.containsKey(id))
        .forEach(id -> differences.put(id, "unexpected " + actual.get(id)));
    return differences;
  }

  private static void assertDrainedAndDeadLettered(Pipeline pipeline, HostileExpectations expect) {
    assertThat(pipeline.messagesIn(pipeline.queue.queueUrl())).as("queue drained").isZero();
    Map<String, String> reasons = new HashMap<>();
    List<Message> batch;
    do {
      batch =
          pipeline
              .stack
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(pipeline.queue.deadLetterQueueUrl())
                          .maxNumberOfMessages(10)
                          .messageAttributeNames("All")
                          .visibilityTimeout(120)
                          .waitTimeSeconds(1))
              .messages();
      for (Message m : batch) {
        var source = m.messageAttributes().get("source-message-id");
        var reason = m.messageAttributes().get("reason");
        reasons.put(
            source == null ? "redriven " + m.messageId() : source.stringValue(),
            reason == null ? "" : reason.stringValue());
      }
    } while (!batch.isEmpty());
    Map<String, String> wronglyDead = new java.util.TreeMap<>(reasons);
    wronglyDead.keySet().removeAll(expect.deadMessageIds);
    assertThat(wronglyDead).as("dead letters that should not be").isEmpty();
    assertThat(expect.deadMessageIds).as("dead letters").isSubsetOf(reasons.keySet());
    assertThat(reasons.values())
        .as("every dead letter has a reason")
        .allMatch(reason -> !reason.isBlank());
    assertThat(reasons.values())
        .anyMatch(reason -> reason.contains("not a request bucket this consumer trusts"))
        .anyMatch(reason -> reason.contains("object over 256 KiB"))
        .anyMatch(reason -> reason.contains("not UTF-8"))
        .anyMatch(reason -> reason.contains("malformed %-escape"))
        .anyMatch(reason -> reason.contains("nested deeper than 32 levels"))
        .anyMatch(reason -> reason.contains("at most 200 attributes"));
    var left = pipeline.objects(pipeline.requestBucket, "");
    assertThat(left).as("request bucket drained").allMatch(o -> o.key().startsWith("rejected/"));
    assertThat(left).as("rejected objects").hasSize(expect.rejectedObjects);
    for (var object : left) {
      var metadata =
          pipeline
              .stack
              .s3()
              .headObject(r -> r.bucket(pipeline.requestBucket).key(object.key()))
              .metadata();
      assertThat(metadata.get("rejection-reason")).as(object.key()).isNotBlank();
    }
  }
}
