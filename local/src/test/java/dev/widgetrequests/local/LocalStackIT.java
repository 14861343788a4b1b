package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalStackExtension.class)
class LocalStackIT {
  /** A stack of this class's own, beside the shared one, holding the fixed-name resources. */
  private static LocalStack own;

  private static LocalResources resources;

  @BeforeAll
  static void startOwnStack() {
    own = LocalStack.startOnRandomPorts();
    resources = own.createDefaultResources();
  }

  @AfterAll
  static void stopOwnStack() {
    own.close();
  }

  @Test
  void secondStack_runsBesideTheSharedOne_onOtherPorts(LocalStack shared) {
    Set<URI> endpoints =
        Set.of(
            shared.s3Endpoint(),
            shared.sqsEndpoint(),
            shared.dynamoDbEndpoint(),
            own.s3Endpoint(),
            own.sqsEndpoint(),
            own.dynamoDbEndpoint());

    assertThat(endpoints)
        .hasSize(6)
        .allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("127.0.0.1"));
    assertThat(shared.s3().listBuckets().buckets())
        .extracting(Bucket::name)
        .doesNotContain(LocalResources.WIDGET_BUCKET);
  }

  @Test
  void defaultResources_includeRequestAndWidgetBuckets() {
    assertThat(own.s3().listBuckets().buckets())
        .extracting(Bucket::name)
        .contains("widget-requests", "widgets", "widget-request-payloads");
    assertThat(resources.payloadBucket()).isEqualTo("widget-request-payloads");
    assertThat(resources.requestBucket()).isEqualTo("widget-requests");
    assertThat(resources.widgetBucket()).isEqualTo("widgets");
  }

  @Test
  void defaultResources_includeRequestQueueThatRedrivesToItsDeadLetterQueue() {
    assertThat(own.sqs().listQueues().queueUrls())
        .contains(resources.requestQueueUrl(), resources.deadLetterQueueUrl());
    assertThat(resources.requestQueueUrl()).endsWith("/widget-requests");
    assertThat(resources.deadLetterQueueUrl()).endsWith("/widget-requests-dlq");

    String redrivePolicy =
        own.sqs()
            .getQueueAttributes(
                request ->
                    request
                        .queueUrl(resources.requestQueueUrl())
                        .attributeNames(QueueAttributeName.REDRIVE_POLICY))
            .attributes()
            .get(QueueAttributeName.REDRIVE_POLICY);
    assertThat(redrivePolicy)
        .contains(":widget-requests-dlq\"")
        .containsPattern("\"maxReceiveCount\"\\s*:\\s*\"?5\"?");
  }

  @Test
  void queueUrls_pointAtTheStacksOwnEndpoint() {
    URI queue = URI.create(resources.requestQueueUrl());

    assertThat(queue.getHost()).isEqualTo("127.0.0.1");
    assertThat(queue.getPort()).isEqualTo(own.sqsEndpoint().getPort());
    own.sqs().sendMessage(request -> request.queueUrl(queue.toString()).messageBody("ping"));
    assertThat(
            own.sqs()
                .receiveMessage(request -> request.queueUrl(queue.toString()).waitTimeSeconds(1))
                .messages())
        .singleElement()
        .satisfies(message -> assertThat(message.body()).isEqualTo("ping"));
  }

  @Test
  void defaultResources_includeWidgetTableWithOwnerIndex() {
    TableDescription table =
        own.dynamoDb().describeTable(request -> request.tableName("widgets")).table();

    assertThat(table.keySchema())
        .containsExactly(
            KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build());
    assertThat(table.globalSecondaryIndexes())
        .singleElement()
        .satisfies(
            index -> {
              assertThat(index.indexName()).isEqualTo("owner-last_modified_on-index");
              assertThat(index.keySchema())
                  .extracting(KeySchemaElement::attributeName, KeySchemaElement::keyType)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("owner", KeyType.HASH),
                      org.assertj.core.groups.Tuple.tuple("last_modified_on", KeyType.RANGE));
              assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
            });
  }

  @Test
  void createWidgetTable_withOtherKeyAttribute_usesIt(LocalStack stack) {
    String table = stack.createWidgetTable(stack.uniqueName("table"), "widget_id");

    assertThat(
            stack.dynamoDb().describeTable(request -> request.tableName(table)).table().keySchema())
        .extracting(KeySchemaElement::attributeName)
        .containsExactly("widget_id");
  }

  @Test
  void start_onTakenPort_failsNamingServiceAndPort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> LocalStack.start(new LocalStackPorts(0, port, 0)))
          .isInstanceOfSatisfying(
              PortInUseException.class,
              e -> {
                assertThat(e.service()).isEqualTo(LocalService.SQS);
                assertThat(e.port()).isEqualTo(port);
              })
          .hasMessageContaining(":" + port);
    }
  }

  @Test
  void close_releasesEveryPort() {
    LocalStack stack = LocalStack.startOnRandomPorts();
    Set<URI> endpoints = Set.of(stack.s3Endpoint(), stack.sqsEndpoint(), stack.dynamoDbEndpoint());

    stack.close();

    assertThat(endpoints).allSatisfy(uri -> assertThat(isFree(uri.getPort())).isTrue());
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
