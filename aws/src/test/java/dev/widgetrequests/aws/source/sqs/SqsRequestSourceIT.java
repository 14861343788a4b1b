package dev.widgetrequests.aws.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.source.Lease;
import dev.widgetrequests.model.source.Redelivery;
import dev.widgetrequests.model.source.Resolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Deletes, releases and heartbeats of the queue source, on the local stack's ElasticMQ. */
@ExtendWith(LocalStackExtension.class)
class SqsRequestSourceIT {

  private static SqsRequestSource source(LocalStack stack, String queueUrl, Integer visibility) {
    return new SqsRequestSource(stack.sqs(), stack.s3(), queueUrl, null, 0, visibility, Set.of());
  }

  private static void send(LocalStack stack, String queueUrl, int count) {
    for (int i = 0; i < count; i++) {
      String body = "{\"n\":" + i + "}";
      stack.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }
  }

  private static List<SqsDelivery> pollAll(SqsRequestSource source, int count) {
    List<SqsDelivery> all = new ArrayList<>();
    for (int i = 0; i < 50 && all.size() < count; i++) {
      all.addAll(source.poll());
    }
    return all;
  }

  private static int messagesLeft(LocalStack stack, String queueUrl) {
    var attributes =
        stack
            .sqs()
            .getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private static int visibleNow(LocalStack stack, String queueUrl) {
    return stack
        .sqs()
        .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages()
        .size();
  }

  @Test
  void onlyAPointerNeedsResolving_aBodyIsTakenAsItIs(LocalStack stack) {
    String queueUrl = stack.createQueue(stack.uniqueName("resolving"));
    String bucket = stack.createBucket(stack.uniqueName("payloads"));
    String request =
        "{\"type\":\"delete\",\"requestId\":\"r1\",\"widgetId\":\"w1\",\"owner\":\"o\"}";
    stack.s3().putObject(r -> r.bucket(bucket).key("k1"), RequestBody.fromString(request));
    stack.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(request));
    String pointer =
        "[\"software.amazon.payloadoffloading.PayloadS3Pointer\","
            + "{\"s3BucketName\":\"%s\",\"s3Key\":\"k1\"}]".formatted(bucket);
    stack.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(pointer));
    SqsRequestSource source =
        new SqsRequestSource(stack.sqs(), stack.s3(), queueUrl, null, 0, 60, Set.of(bucket));

    List<SqsDelivery> both = pollAll(source, 2);
    SqsDelivery body =
        both.stream().filter(d -> d.body().equals(request)).findFirst().orElseThrow();
    SqsDelivery claimCheck = both.stream().filter(d -> d != body).findFirst().orElseThrow();

    assertThat(source.needsResolving(body)).isFalse();
    assertThat(source.resolve(body)).isEqualTo(new Resolution.Ready<>(body));
    assertThat(source.needsResolving(claimCheck)).isTrue();
    assertThat(source.resolve(claimCheck))
        .isInstanceOfSatisfying(
            Resolution.Ready.class,
            ready -> assertThat(ready.delivery().body()).isEqualTo(request));
  }

  @Test
  void acknowledged_claimCheckRewrittenSinceItWasRead_keepsTheNewObject(LocalStack stack) {
    String queueUrl = stack.createQueue(stack.uniqueName("claim-checks"));
    String bucket = stack.createBucket(stack.uniqueName("payloads"));
    String first = "{\"type\":\"delete\",\"requestId\":\"r1\",\"widgetId\":\"w1\",\"owner\":\"o\"}";
    String second = first.replace("r1", "r2");
    for (String key : List.of("kept", "rewritten")) {
      stack.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(first));
      String pointer =
          "[\"software.amazon.payloadoffloading.PayloadS3Pointer\","
              + "{\"s3BucketName\":\"%s\",\"s3Key\":\"%s\"}]".formatted(bucket, key);
      stack.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(pointer));
    }
    SqsRequestSource source =
        new SqsRequestSource(stack.sqs(), stack.s3(), queueUrl, null, 0, 60, Set.of(bucket));
    List<SqsDelivery> read =
        pollAll(source, 2).stream()
            .map(d -> ((Resolution.Ready<SqsDelivery>) source.resolve(d)).delivery())
            .toList();

    stack.s3().putObject(r -> r.bucket(bucket).key("rewritten"), RequestBody.fromString(second));
    read.forEach(source::acknowledge);
    source.close();

    assertThat(messagesLeft(stack, queueUrl)).isZero();
    assertThat(
            stack.s3().listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                .map(o -> o.key())
                .toList())
        .containsExactly("rewritten");
    assertThat(stack.s3().getObjectAsBytes(r -> r.bucket(bucket).key("rewritten")).asUtf8String())
        .isEqualTo(second);
  }

  @Test
  void acknowledged_areDeletedInTheBackground_andCloseDeletesTheRest(LocalStack stack) {
    String queueUrl = stack.createQueue(stack.uniqueName("deletes"));
    send(stack, queueUrl, 25);
    SqsRequestSource source = source(stack, queueUrl, 60);

    List<SqsDelivery> all = pollAll(source, 25);
    all.forEach(source::acknowledge);
    source.close();

    assertThat(all).hasSize(25);
    assertThat(messagesLeft(stack, queueUrl)).isZero();
  }

  @Test
  void batchWithAnEntryTheQueueRefuses_stillDeletesTheOthers(LocalStack stack) {
    String queueUrl = stack.createQueue(stack.uniqueName("deletes"));
    send(stack, queueUrl, 9);
    SqsRequestSource source = source(stack, queueUrl, 60);

    List<SqsDelivery> all = pollAll(source, 9);
    all.forEach(source::acknowledge);
    source.acknowledge(new SqsDelivery("bogus", "not-a-receipt-handle", "{}", "k", null, 1));
    source.close();

    assertThat(messagesLeft(stack, queueUrl)).isZero();
  }

  @Test
  void givenBack_isVisibleAtOnce_released_isHiddenForAWhile(LocalStack stack) {
    String queueUrl = stack.createQueue(stack.uniqueName("release"));
    send(stack, queueUrl, 2);
    SqsRequestSource source = source(stack, queueUrl, 60);
    List<SqsDelivery> both = pollAll(source, 2);

    source.release(both.get(0), Redelivery.now());
    source.release(both.get(1), Redelivery.later());

    assertThat(visibleNow(stack, queueUrl)).isEqualTo(1);
    assertThat(visibleNow(stack, queueUrl)).isZero();
  }

  @Test
  void lease_extended_keepsHeldMessagesHidden(LocalStack stack) throws Exception {
    String queueUrl = stack.createQueue(stack.uniqueName("heartbeat"));
    send(stack, queueUrl, 3);
    SqsRequestSource source = source(stack, queueUrl, 2);
    List<SqsDelivery> held = pollAll(source, 3);

    Lease<SqsDelivery> lease = source.lease().orElseThrow();
    assertThat(lease.timeout()).isEqualTo(Duration.ofSeconds(2));
    lease.extend(held, Duration.ofSeconds(20));
    Thread.sleep(3000);

    assertThat(visibleNow(stack, queueUrl)).isZero();
  }
}
