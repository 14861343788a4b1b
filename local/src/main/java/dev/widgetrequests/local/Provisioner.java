package dev.widgetrequests.local;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates buckets, queues and tables shaped like the ones the course set up on AWS. */
final class Provisioner {
  static final String OWNER_ATTRIBUTE = "owner";
  static final String LAST_MODIFIED_ATTRIBUTE = "last_modified_on";
  static final int MAX_RECEIVE_COUNT = 5;

  private final S3Client s3;
  private final SqsClient sqs;
  private final DynamoDbClient dynamoDb;

  Provisioner(S3Client s3, SqsClient sqs, DynamoDbClient dynamoDb) {
    this.s3 = s3;
    this.sqs = sqs;
    this.dynamoDb = dynamoDb;
  }

  String createBucket(String name) {
    s3.createBucket(request -> request.bucket(name));
    return name;
  }

  String createQueue(String name) {
    return sqs.createQueue(request -> request.queueName(name)).queueUrl();
  }

  QueuePair createQueueWithDeadLetter(String name) {
    return createQueueWithDeadLetter(name, "", Map.of());
  }

  /** A FIFO queue {@code NAME.fifo} with the FIFO dead-letter queue {@code NAME-dlq.fifo}. */
  QueuePair createFifoQueueWithDeadLetter(String name) {
    return createQueueWithDeadLetter(name, ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
  }

  private QueuePair createQueueWithDeadLetter(
      String name, String suffix, Map<QueueAttributeName, String> kind) {
    String deadLetterQueueUrl =
        sqs.createQueue(request -> request.queueName(name + "-dlq" + suffix).attributes(kind))
            .queueUrl();
    String deadLetterArn =
        sqs.getQueueAttributes(
                request ->
                    request
                        .queueUrl(deadLetterQueueUrl)
                        .attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrivePolicy =
        "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
            .formatted(deadLetterArn, MAX_RECEIVE_COUNT);
    Map<QueueAttributeName, String> attributes = new java.util.HashMap<>(kind);
    attributes.put(QueueAttributeName.REDRIVE_POLICY, redrivePolicy);
    String queueUrl =
        sqs.createQueue(request -> request.queueName(name + suffix).attributes(attributes))
            .queueUrl();
    return new QueuePair(queueUrl, deadLetterQueueUrl);
  }

  String createWidgetTable(String name, String keyAttribute) {
    dynamoDb.createTable(
        request ->
            request
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key(keyAttribute, KeyType.HASH))
                .attributeDefinitions(
                    string(keyAttribute), string(OWNER_ATTRIBUTE), string(LAST_MODIFIED_ATTRIBUTE))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName(LocalResources.WIDGET_TABLE_OWNER_INDEX)
                        .keySchema(
                            key(OWNER_ATTRIBUTE, KeyType.HASH),
                            key(LAST_MODIFIED_ATTRIBUTE, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()));
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));
    return name;
  }

  private static KeySchemaElement key(String attribute, KeyType type) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }

  private static AttributeDefinition string(String attribute) {
    return AttributeDefinition.builder()
        .attributeName(attribute)
        .attributeType(ScalarAttributeType.S)
        .build();
  }
}
