package dev.widgetrequests.cli.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.cli.WidgetsCommand;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.local.QueuePair;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

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
    all.addAll(List.of("-qwt", "1", "--exit-when-idle", "1", "--log-file", "none"));
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
