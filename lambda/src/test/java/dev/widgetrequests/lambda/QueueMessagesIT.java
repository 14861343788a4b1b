package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.lambda.queue.SqsRequestQueue;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.model.parse.RequestParser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What the handler puts on a real queue (ElasticMQ, through the SDK): the message group of each
 * kind of queue, and requests at both ends of the message size setting.
 */
class QueueMessagesIT {
  private static SQSRestServer elasticMq;
  private static SqsClient sqs;

  @BeforeAll
  static void startQueue() {
    elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    URI endpoint =
        URI.create("http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort());
    sqs =
        SqsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterAll
  static void stopQueue() {
    sqs.close();
    elasticMq.stopAndWait();
  }

  private static String queue(String suffix) {
    String name = "handler-" + UUID.randomUUID() + suffix;
    return sqs.createQueue(
            q ->
                q.queueName(name)
                    .attributesWithStrings(
                        suffix.isEmpty() ? Map.of() : Map.of("FifoQueue", "true")))
        .queueUrl();
  }

  private static WidgetRequestHandler handler(String queueUrl, boolean ownerGroups, int bytes) {
    return new WidgetRequestHandler(
        new SqsRequestQueue(sqs, queueUrl, ownerGroups),
        new RequestParser(new MessageSize(bytes)),
        () -> UUID.randomUUID().toString());
  }

  private static List<Message> receive(String queueUrl) {
    return sqs.receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  private static String group(Message message) {
    return message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
  }

  @Test
  void standardQueue_groupsByOwner_fifoQueueByWidget_andOwnerGroupsCanBeTurnedOff() {
    String standard = queue("");
    String fifo = queue(".fifo");
    String ungrouped = queue("");
    String request = Events.validCreate("r-1");

    for (String queueUrl : List.of(standard, fifo)) {
      assertThat(Invocation.of(handler(queueUrl, true, 262_144), request).status()).isEqualTo(202);
    }
    assertThat(Invocation.of(handler(ungrouped, false, 262_144), request).status()).isEqualTo(202);

    assertThat(receive(standard))
        .singleElement()
        .extracting(QueueMessagesIT::group)
        .isEqualTo("Mary_Matthews");
    assertThat(receive(fifo))
        .singleElement()
        .extracting(QueueMessagesIT::group)
        .isEqualTo("8123f304-f23f-440b-a6d3-80e979fa4cd6");
    assertThat(receive(ungrouped)).singleElement().extracting(QueueMessagesIT::group).isNull();
  }

  @Test
  void requestsUpToTheSetting_areQueuedWhole_largerOnesAnswered413() {
    int oneMiB = MessageSize.MAX_BYTES;
    String queueUrl = queue("");
    String request = Events.validCreate("r-2");
    String large = request.replace("JWJYY", "x".repeat(700 * 1024));
    String tooLarge = request.replace("JWJYY", "x".repeat(oneMiB));

    assertThat(Invocation.of(handler(queueUrl, true, 262_144), large).status()).isEqualTo(413);
    assertThat(Invocation.of(handler(queueUrl, true, oneMiB), large).status()).isEqualTo(202);
    assertThat(Invocation.of(handler(queueUrl, true, oneMiB), tooLarge).status()).isEqualTo(413);

    assertThat(receive(queueUrl)).singleElement().extracting(Message::body).isEqualTo(large);
  }

  /**
   * SQS counts a message's attributes in its size: a canonical body of exactly the limit would be
   * refused by SQS (a 500), so it is answered 413; one that leaves room for them is queued.
   */
  @Test
  void aMessageWhoseAttributesTakeItPastTheLimit_isAnswered413_notSentForSqsToRefuse() {
    int oneMiB = MessageSize.MAX_BYTES;
    String queueUrl = queue("");
    String request = Events.validCreate("r-3");
    String atLimit = request.replace("JWJYY", "x".repeat(oneMiB - request.length() + 5));
    String roomForAttributes =
        request.replace("JWJYY", "x".repeat(oneMiB - request.length() - 300));
    assertThat(atLimit.length()).isEqualTo(oneMiB);

    assertThat(Invocation.of(handler(queueUrl, true, oneMiB), atLimit).status()).isEqualTo(413);
    assertThat(Invocation.of(handler(queueUrl, true, oneMiB), roomForAttributes).status())
        .isEqualTo(202);
    assertThat(receive(queueUrl))
        .singleElement()
        .extracting(Message::body)
        .isEqualTo(roomForAttributes);
  }
}
