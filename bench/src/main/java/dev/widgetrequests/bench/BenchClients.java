package dev.widgetrequests.bench;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.AwsSettings;
import dev.widgetrequests.local.LocalStack;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The bench's own clients for the in-process drainers, built by the project's client factory. */
final class BenchClients implements AutoCloseable {
  private final AwsClients clients;

  BenchClients(LocalStack stack) {
    this(stack.s3Endpoint(), stack.sqsEndpoint(), stack.dynamoDbEndpoint());
  }

  /** Clients for a stack this process did not start (a drainer in a process of its own). */
  BenchClients(URI s3, URI sqs, URI dynamoDb) {
    this.clients =
        new AwsClients(new AwsSettings(LocalStack.REGION, null, null, s3, sqs, dynamoDb));
  }

  S3Client s3() {
    return clients.s3();
  }

  SqsClient sqs() {
    return clients.sqs();
  }

  DynamoDbClient dynamoDb() {
    return clients.dynamoDb();
  }

  @Override
  public void close() {
    clients.close();
  }
}
