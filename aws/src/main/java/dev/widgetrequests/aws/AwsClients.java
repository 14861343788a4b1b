package dev.widgetrequests.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place AWS clients are built: region, credentials (profile or default chain), endpoint
 * overrides and path-style S3 when an endpoint is set. Clients share one HTTP connection pool and
 * are closed together.
 */
public final class AwsClients implements AutoCloseable {
  /** Credentials used only when an endpoint override is set and no real ones are configured. */
  private static final AwsBasicCredentials LOCAL_CREDENTIALS =
      AwsBasicCredentials.create("widgetslocal", "widgetslocal");

  /**
   * Connections shared by the three clients: a consumer at full concurrency has a call in flight
   * per request, plus its receives, deletes and heartbeats; a missing connection is a wait.
   */
  static final int MAX_CONNECTIONS = 512;

  private final AwsSettings settings;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final List<ExecutionInterceptor> interceptors;
  private S3Client s3;
  private SqsClient sqs;
  private DynamoDbClient dynamoDb;

  public AwsClients(AwsSettings settings) {
    this(settings, List.of());
  }

  /** Clients that also pass every call through {@code interceptors} (timing, counting). */
  public AwsClients(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
    this.settings = settings;
    this.interceptors = List.copyOf(interceptors);
    this.http =
        Apache5HttpClient.builder()
            .maxConnections(MAX_CONNECTIONS)
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build();
    this.credentials = credentials(settings);
  }

  public AwsSettings settings() {
    return settings;
  }

  public synchronized S3Client s3() {
    if (s3 == null) {
      s3 =
          configure(S3Client.builder(), settings.s3())
              .forcePathStyle(settings.s3() != null)
              // Checksums only where S3 requires one, and whole bodies signed at once, not in
              // signed chunks: our objects are small and carry a Content-MD5 (see JsonBody).
              .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
              .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
              .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
              .build();
    }
    return s3;
  }

  public synchronized SqsClient sqs() {
    if (sqs == null) {
      sqs = configure(SqsClient.builder(), settings.sqs()).build();
    }
    return sqs;
  }

  public synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = configure(DynamoDbClient.builder(), settings.dynamoDb()).build();
    }
    return dynamoDb;
  }

  private <
          B extends
              AwsClientBuilder<B, ?>
                  & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
      B configure(B builder, URI endpoint) {
    builder
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .executionInterceptors(interceptors)
                .build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  private static AwsCredentialsProvider credentials(AwsSettings settings) {
    if (!settings.hasEndpointOverride()) {
      return settings.profile() != null
          ? ProfileCredentialsProvider.create(settings.profile())
          : DefaultCredentialsProvider.builder().build();
    }
    // A local or compatible server accepts any credentials, so don't make users invent some, and
    // never ask the instance-metadata address: there is no instance behind a local endpoint.
    AwsCredentialsProvider configured =
        settings.profile() != null
            ? ProfileCredentialsProvider.create(settings.profile())
            : AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                    SystemPropertyCredentialsProvider.create(),
                    EnvironmentVariableCredentialsProvider.create(),
                    ProfileCredentialsProvider.create())
                .build();
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(configured, StaticCredentialsProvider.create(LOCAL_CREDENTIALS))
        .build();
  }

  @Override
  public synchronized void close() {
    if (s3 != null) {
      s3.close();
    }
    if (sqs != null) {
      sqs.close();
    }
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    http.close();
  }
}
