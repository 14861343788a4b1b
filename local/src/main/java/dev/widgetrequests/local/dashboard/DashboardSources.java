package dev.widgetrequests.local.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the dashboard watches.
 *
 * @param queueUrl the request queue
 * @param deadLetterQueueUrl its dead-letter queue
 * @param requestBucket the bucket whose {@code rejected/} objects are rejected requests
 * @param widgetBucket the S3 store's bucket ({@code widgets/} objects)
 * @param widgetTable the DynamoDB store's table
 * @param consumerMetrics Prometheus endpoints of consumers ({@code --metrics-port})
 * @param callCounts calls per service seen by the stack
 * @param interval how often the stack is read
 */
public record DashboardSources(
    SqsClient sqs,
    S3Client s3,
    DynamoDbClient dynamoDb,
    String queueUrl,
    String deadLetterQueueUrl,
    String requestBucket,
    String widgetBucket,
    String widgetTable,
    List<URI> consumerMetrics,
    CallCounts callCounts,
    Duration interval) {
  public DashboardSources {
    consumerMetrics = List.copyOf(consumerMetrics);
  }
}
