package dev.widgetrequests.cli.bench;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.AwsSettings;
import dev.widgetrequests.local.LocalStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The bench's own clients for the in-process drainers, built by the project's client factory. */
final class BenchClients implements AutoCloseable {
  private final AwsClients clients;

  BenchClients(LocalStack stack) {
    this.clients =
        new AwsClients(
            new AwsSettings(
                LocalStack.REGION,
                null,
                null,
                stack.s3Endpoint(),
                stack.sqsEndpoint(),
                stack.dynamoDbEndpoint()));
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
