package dev.widgetrequests.cli.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.cli.WidgetsCommand;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.local.QueuePair;
import dev.widgetrequests.model.Widget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

@ExtendWith(LocalStackExtension.class)
class RedriveIT {
  private static final List<String> INVALID =
      List.of(
          "this is not JSON",
          "{\"type\":\"create\"}",
          "{\"type\":\"explode\",\"requestId\":\"r\",\"widgetId\":\"w\",\"owner\":\"Mary\"}",
          "[1,2,3]");

  @Test
  void redrive_movesDeadLettersBack_andTheConsumerDeadLettersThemAgainWithTheSameReasons(
      LocalStack stack) {
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("redrive"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    for (int i = 0; i < 5; i++) {
      String body = validCreate();
      stack.sqs().sendMessage(r -> r.queueUrl(queue.queueUrl()).messageBody(body));
    }
    INVALID.forEach(
        body -> stack.sqs().sendMessage(r -> r.queueUrl(queue.queueUrl()).messageBody(body)));
    assertThat(consume(stack, "-rq", queue.queueUrl(), "-dwt", table)).isZero();
    List<String> firstReasons = reasonsIn(stack, queue.deadLetterQueueUrl());
    assertThat(firstReasons).hasSize(INVALID.size()).allMatch(reason -> !reason.isBlank());

    String listed = redrive(stack, "--dead-letter-queue", queue.deadLetterQueueUrl(), "--dry-run");
    assertThat(listed).contains("would move 4 dead letters");
    firstReasons.forEach(reason -> assertThat(listed).contains(reason));
    assertThat(messagesIn(stack, queue.deadLetterQueueUrl())).isEqualTo(4);

    String one =
        redrive(
            stack,
            "--dead-letter-queue",
            queue.deadLetterQueueUrl(),
            "--reason-contains",
            firstReasons.getFirst(),
            "--max",
            "1");
    assertThat(one).contains("moved 1 dead letters");
    assertThat(messagesIn(stack, queue.deadLetterQueueUrl())).isEqualTo(3);
    String rest = redrive(stack, "--dead-letter-queue", queue.deadLetterQueueUrl());
    assertThat(rest).contains("moved 3 dead letters");
    assertThat(messagesIn(stack, queue.deadLetterQueueUrl())).isZero();
    assertThat(messagesIn(stack, queue.queueUrl())).isEqualTo(4);

    assertThat(consume(stack, "-rq", queue.queueUrl(), "-dwt", table)).isZero();
    assertThat(reasonsIn(stack, queue.deadLetterQueueUrl()))
        .containsExactlyInAnyOrderElementsOf(firstReasons);
    assertThat(messagesIn(stack, queue.queueUrl())).isZero();
  }

  @Test
  void redrive_movesRejectedObjectsBackUnderTheirKey_andTheConsumerRejectsThemAgain(
      LocalStack stack) {
    String bucket = stack.createBucket(stack.uniqueName("requests"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    long now = System.currentTimeMillis();
    for (int i = 0; i < INVALID.size(); i++) {
      put(stack, bucket, "%013d-%04d".formatted(now, i), INVALID.get(i));
    }
    put(stack, bucket, "%013d-%04d".formatted(now, 99), validCreate());
    assertThat(consume(stack, "-rb", bucket, "-dwt", table)).isZero();
    Map<String, String> firstReasons = rejected(stack, bucket);
    assertThat(firstReasons).hasSize(INVALID.size());

    String listed = redrive(stack, "--rejected-bucket", bucket, "--dry-run");
    assertThat(listed).contains("would move 4 rejected objects");
    firstReasons.values().forEach(reason -> assertThat(listed).contains(reason));
    assertThat(redrive(stack, "--rejected-bucket", bucket)).contains("moved 4 rejected objects");
    assertThat(rejected(stack, bucket)).isEmpty();
    assertThat(keys(stack, bucket, "")).hasSize(INVALID.size());

    assertThat(consume(stack, "-rb", bucket, "-dwt", table)).isZero();
    assertThat(rejected(stack, bucket)).isEqualTo(firstReasons);
  }

  @Test
  void forgedDeadLetters_areShownUnverified_andLeftWhereTheyAre(LocalStack stack) {
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("forged"));
    String billing = stack.createQueue(stack.uniqueName("billing-commands"));
    Map<String, MessageAttributeValue> claims =
        Map.of("source-queue", text(billing), "reason", text("looks legit"));
    // Sent to the request queue and moved by SQS after its receive count ran out (an outage).
    stack
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(queue.queueUrl())
                    .messageBody("{\"command\":\"refund\"}")
                    .messageAttributes(claims));
    exhaustReceives(stack, queue.queueUrl());
    // Sent straight to the dead-letter queue, as the consumer does.
    stack
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(queue.deadLetterQueueUrl())
                    .messageBody("{\"command\":\"refund\"}")
                    .messageAttributes(claims));
    assertThat(messagesIn(stack, queue.deadLetterQueueUrl())).isEqualTo(2);

    String listed = redrive(stack, "--dead-letter-queue", queue.deadLetterQueueUrl(), "--dry-run");

    assertThat(listed).contains("would move 0 dead letters").contains("2 unverified");
    assertThat(listed).doesNotContain("->  " + billing);
    assertThat(listed).contains("moved here by SQS from " + queue.queueUrl());
    String moved = redrive(stack, "--dead-letter-queue", queue.deadLetterQueueUrl());
    assertThat(moved).contains("moved 0 dead letters");
    assertThat(messagesIn(stack, billing)).isZero();
    assertThat(messagesIn(stack, queue.queueUrl())).isZero();
    assertThat(messagesIn(stack, queue.deadLetterQueueUrl())).isEqualTo(2);
  }

  @Test
  void requestMovedBySqs_goesBackToTheQueueItCameFrom_withItsOrderKey(LocalStack stack) {
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("outage"));
    String key = "1615728964574-0007-0badcafe";
    String body = validCreate();
    stack
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(queue.queueUrl())
                    .messageBody(body)
                    .messageAttributes(Map.of("request-key", text(key))));
    exhaustReceives(stack, queue.queueUrl());

    String moved = redrive(stack, "--dead-letter-queue", queue.deadLetterQueueUrl());

    assertThat(moved).contains("moved 1 dead letters");
    Message back = receiveOne(stack, queue.queueUrl());
    assertThat(back.body()).isEqualTo(body);
    assertThat(back.messageAttributes().get("request-key").stringValue()).isEqualTo(key);
  }

  @Test
  void aRequestSqsMovedAside_redrivenAfterNewerOnes_endsInTheInOrderResult(LocalStack stack) {
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("in-order"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    String id = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    sendKeyed(stack, queue.queueUrl(), request("create", id, "first"), now - 3_000);
    assertThat(consume(stack, "-rq", queue.queueUrl(), "-dwt", table)).isZero();
    sendKeyed(stack, queue.queueUrl(), request("update", id, "moved aside"), now - 2_000);
    exhaustReceives(stack, queue.queueUrl()); // as in an outage: SQS moves it to the dead letters
    sendKeyed(stack, queue.queueUrl(), request("update", id, "newer"), now - 1_000);
    assertThat(consume(stack, "-rq", queue.queueUrl(), "-dwt", table)).isZero();

    assertThat(redrive(stack, "--dead-letter-queue", queue.deadLetterQueueUrl()))
        .contains("moved 1 dead letters");
    assertThat(consume(stack, "-rq", queue.queueUrl(), "-dwt", table)).isZero();

    // In key order the redriven update comes before the newer one, which keeps the last word;
    // keyed by the time of the redrive, it would have overwritten it.
    Widget widget =
        new DynamoDbWidgetStore(stack.dynamoDb(), table, "id", Clock.systemUTC())
            .find(id)
            .orElseThrow();
    assertThat(widget.label()).isEqualTo("newer");
  }

  @Test
  void consumersDeadLetters_keepTheRequestsOrderKey_throughARedrive(LocalStack stack) {
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("keyed"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    // A key the consumer keeps: within its bounds of the send time (docs/design/convergence.md).
    String key = "%013d-0003-deadbeef".formatted(System.currentTimeMillis() - 1_000);
    stack
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(queue.queueUrl())
                    .messageBody(INVALID.get(1))
                    .messageAttributes(Map.of("request-key", text(key))));
    assertThat(consume(stack, "-rq", queue.queueUrl(), "-dwt", table)).isZero();

    Message deadLetter = receiveOne(stack, queue.deadLetterQueueUrl());
    assertThat(deadLetter.messageAttributes().get("request-key").stringValue()).isEqualTo(key);
    release(stack, queue.deadLetterQueueUrl(), deadLetter);
    assertThat(redrive(stack, "--dead-letter-queue", queue.deadLetterQueueUrl()))
        .contains("moved 1 dead letters");
    Message back = receiveOne(stack, queue.queueUrl());
    assertThat(back.messageAttributes().get("request-key").stringValue()).isEqualTo(key);
    assertThat(back.messageAttributes()).doesNotContainKeys("reason", "source-queue");
  }

  @Test
  void redrive_withAConsumerUp_movesOnlyTheDeadLettersPresentWhenItStarted(LocalStack stack)
      throws Exception {
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("loop"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    stack.sqs().sendMessage(r -> r.queueUrl(queue.queueUrl()).messageBody(INVALID.get(1)));
    assertThat(consume(stack, "-rq", queue.queueUrl(), "-dwt", table)).isZero();
    String reason = reasonsIn(stack, queue.deadLetterQueueUrl()).getFirst();
    Thread consumer =
        Thread.ofVirtual()
            .start(
                () ->
                    consume(
                        stack, "-rq", queue.queueUrl(), "-dwt", table, "--max-runtime", "20000"));
    Thread.sleep(2_000); // the consumer is polling

    String moved =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                redrive(
                    stack,
                    "--dead-letter-queue",
                    queue.deadLetterQueueUrl(),
                    "--reason-contains",
                    reason,
                    "--max",
                    "10"));

    consumer.join();
    assertThat(moved).contains("moved 1 dead letters");
    assertThat(messagesIn(stack, queue.deadLetterQueueUrl())).isEqualTo(1);
  }

  @Test
  void stop_endsBetweenTwoLetters_withWhatMovedAndWhatDidNot(LocalStack stack) {
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("stop"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    INVALID.forEach(
        body -> stack.sqs().sendMessage(r -> r.queueUrl(queue.queueUrl()).messageBody(body)));
    assertThat(consume(stack, "-rq", queue.queueUrl(), "-dwt", table)).isZero();
    AtomicBoolean stop = new AtomicBoolean();
    List<Redriven> told = new ArrayList<>();

    RedriveSummary summary =
        new DeadLetterRedrive(
                stack.sqs(), queue.deadLetterQueueUrl(), null, java.time.Clock.systemUTC())
            .run(
                new Selection(null, Integer.MAX_VALUE, false),
                redriven -> {
                  told.add(redriven);
                  stop.set(true); // Ctrl-C during the first move
                },
                stop::get);

    assertThat(summary).isEqualTo(new RedriveSummary(1, 0, 0, true));
    assertThat(summary.line(false, "DLQ"))
        .isEqualTo("stopped: moved 1 dead letters from DLQ; the rest were not looked at and stay");
    assertThat(told).hasSize(1);
    assertThat(messagesIn(stack, queue.queueUrl())).isEqualTo(1);
    assertThat(reasonsIn(stack, queue.deadLetterQueueUrl())).hasSize(INVALID.size() - 1);
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  /** Receives the queue's one message until SQS's redrive policy moves it to the dead letters. */
  private static void exhaustReceives(LocalStack stack, String queueUrl) {
    for (int i = 0; i < 20 && messagesIn(stack, queueUrl) > 0; i++) {
      stack.sqs().receiveMessage(r -> r.queueUrl(queueUrl).visibilityTimeout(0).waitTimeSeconds(1));
    }
    assertThat(messagesIn(stack, queueUrl)).isZero();
  }

  private static Message receiveOne(LocalStack stack, String queueUrl) {
    List<Message> messages =
        stack
            .sqs()
            .receiveMessage(
                r ->
                    r.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(2)
                        .messageAttributeNames("All"))
            .messages();
    assertThat(messages).hasSize(1);
    return messages.getFirst();
  }

  private static void release(LocalStack stack, String queueUrl, Message message) {
    stack
        .sqs()
        .changeMessageVisibility(
            r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
  }

  private static String request(String type, String id, String text) {
    return ("{\"type\":\"%s\",\"requestId\":\"%s\",\"widgetId\":\"%s\","
            + "\"owner\":\"Mary Matthews\",%s}")
        .formatted(type, UUID.randomUUID(), id, "\"label\":\"" + text + "\"");
  }

  private static void sendKeyed(LocalStack stack, String queueUrl, String body, long keyMillis) {
    String key = "%013d-0000-0a1b2c3d".formatted(keyMillis);
    stack
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(queueUrl)
                    .messageBody(body)
                    .messageAttributes(Map.of("request-key", text(key))));
  }

  private static String validCreate() {
    return "{\"type\":\"create\",\"requestId\":\"%s\",\"widgetId\":\"%s\",\"owner\":\"Mary Matthews\",\"label\":\"L\",\"description\":\"D\",\"otherAttributes\":[]}"
        .formatted(UUID.randomUUID(), UUID.randomUUID());
  }

  private static void put(LocalStack stack, String bucket, String key, String body) {
    stack.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  private static int consume(LocalStack stack, String... args) {
    List<String> all = new ArrayList<>(endpoints(stack));
    all.addAll(List.of(args));
    all.addAll(List.of("-qwt", "1", "--log-file", "none"));
    if (!all.contains("--max-runtime")) {
      all.addAll(List.of("--exit-when-idle", "1"));
    }
    all.addFirst("consumer");
    all.add("--endpoint-url-dynamodb");
    all.add(stack.dynamoDbEndpoint().toString());
    return WidgetsCommand.commandLine().execute(all.toArray(String[]::new));
  }

  private static String redrive(LocalStack stack, String... args) {
    List<String> all = new ArrayList<>(List.of("redrive"));
    all.addAll(endpoints(stack));
    all.addAll(List.of(args));
    CommandLine cli = WidgetsCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute(all.toArray(String[]::new))).isZero();
    return out.toString();
  }

  private static List<String> endpoints(LocalStack stack) {
    return List.of(
        "--endpoint-url-s3",
        stack.s3Endpoint().toString(),
        "--endpoint-url-sqs",
        stack.sqsEndpoint().toString());
  }

  /** The reasons of every dead letter, read without hiding them (visibility timeout 0). */
  private static List<String> reasonsIn(LocalStack stack, String queueUrl) {
    Map<String, String> byId = new HashMap<>();
    for (int attempt = 0; attempt < 5; attempt++) {
      for (Message message :
          stack
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(queueUrl)
                          .maxNumberOfMessages(10)
                          .visibilityTimeout(0)
                          .messageAttributeNames("All"))
              .messages()) {
        byId.put(message.messageId(), message.messageAttributes().get("reason").stringValue());
      }
    }
    return List.copyOf(byId.values());
  }

  private static int messagesIn(LocalStack stack, String queueUrl) {
    var attributes =
        stack
            .sqs()
            .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("All"))
            .attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
        + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }

  private static Map<String, String> rejected(LocalStack stack, String bucket) {
    Map<String, String> reasons = new HashMap<>();
    for (String key : keys(stack, bucket, "rejected/")) {
      reasons.put(
          key,
          stack.s3().headObject(r -> r.bucket(bucket).key(key)).metadata().get("rejection-reason"));
    }
    return reasons;
  }

  private static List<String> keys(LocalStack stack, String bucket, String prefix) {
    return stack
        .s3()
        .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
        .contents()
        .stream()
        .map(object -> object.key())
        .filter(key -> prefix.startsWith("rejected/") || !key.startsWith("rejected/"))
        .toList();
  }
}
