package dev.widgetrequests.local;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the stack's servers: one region, made-up credentials, path-style S3. */
final class StackClients implements AutoCloseable {
  private static final Region REGION = Region.of(LocalStack.REGION);

  private final SdkHttpClient http;
  private final S3Client s3;
  private final SqsClient sqs;
  private final DynamoDbClient dynamoDb;

  StackClients(URI s3Endpoint, URI sqsEndpoint, URI dynamoDbEndpoint) {
    http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build();
    var credentials =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY));
    s3 =
        S3Client.builder()
            .region(REGION)
            .credentialsProvider(credentials)
            .httpClient(http)
            .endpointOverride(s3Endpoint)
            .forcePathStyle(true)
            .build();
    sqs =
        SqsClient.builder()
            .region(REGION)
            .credentialsProvider(credentials)
            .httpClient(http)
            .endpointOverride(sqsEndpoint)
            .build();
    dynamoDb =
        DynamoDbClient.builder()
            .region(REGION)
            .credentialsProvider(credentials)
            .httpClient(http)
            .endpointOverride(dynamoDbEndpoint)
            .build();
  }

  S3Client s3() {
    return s3;
  }

  SqsClient sqs() {
    return sqs;
  }

  DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  @Override
  public void close() {
    s3.close();
    sqs.close();
    dynamoDb.close();
    http.close();
  }
}
