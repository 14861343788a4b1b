package dev.widgetrequests.aws;

import java.net.URI;
import java.util.Map;

/**
 * How to reach AWS: region, optional named profile, and optional endpoint overrides (one for all
 * services, or one per service). Read once at the edge; see {@link #fromEnvironment}.
 *
 * @param profile named profile, or {@code null} for the default credential chain
 * @param endpoint override for every service, or {@code null}
 * @param s3Endpoint override for S3 only (wins over {@code endpoint}), or {@code null}
 * @param sqsEndpoint override for SQS only, or {@code null}
 * @param dynamoDbEndpoint override for DynamoDB only, or {@code null}
 */
public record AwsSettings(
    String region,
    String profile,
    URI endpoint,
    URI s3Endpoint,
    URI sqsEndpoint,
    URI dynamoDbEndpoint) {

  public static final String DEFAULT_REGION = "us-east-1";

  public AwsSettings {
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
  }

  /** Real AWS in the default region with the default credential chain. */
  public static AwsSettings defaults() {
    return new AwsSettings(DEFAULT_REGION, null, null, null, null, null);
  }

  /** Every service at one endpoint (the local stack, or any AWS-compatible server). */
  public static AwsSettings at(URI endpoint) {
    return new AwsSettings(DEFAULT_REGION, null, endpoint, null, null, null);
  }

  /**
   * Settings from command-line values and the environment. An explicit {@code endpoint} sends every
   * service there; without one, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_SQS} and
   * {@code AWS_ENDPOINT_URL_DYNAMODB} apply per service, and {@code AWS_ENDPOINT_URL} to the rest.
   */
  public static AwsSettings fromEnvironment(
      Map<String, String> env, String region, String profile, URI endpoint) {
    if (endpoint != null) {
      return new AwsSettings(region, profile, endpoint, null, null, null);
    }
    return new AwsSettings(
        region,
        profile,
        uri(env.get("AWS_ENDPOINT_URL")),
        uri(env.get("AWS_ENDPOINT_URL_S3")),
        uri(env.get("AWS_ENDPOINT_URL_SQS")),
        uri(env.get("AWS_ENDPOINT_URL_DYNAMODB")));
  }

  /** These settings with per-service endpoints; a {@code null} keeps the one there is. */
  public AwsSettings withServiceEndpoints(URI s3, URI sqs, URI dynamoDb) {
    return new AwsSettings(
        region,
        profile,
        endpoint,
        s3 != null ? s3 : s3Endpoint,
        sqs != null ? sqs : sqsEndpoint,
        dynamoDb != null ? dynamoDb : dynamoDbEndpoint);
  }

  public URI s3() {
    return s3Endpoint != null ? s3Endpoint : endpoint;
  }

  public URI sqs() {
    return sqsEndpoint != null ? sqsEndpoint : endpoint;
  }

  public URI dynamoDb() {
    return dynamoDbEndpoint != null ? dynamoDbEndpoint : endpoint;
  }

  /** True when any service is pointed somewhere other than AWS itself. */
  public boolean hasEndpointOverride() {
    return s3() != null || sqs() != null || dynamoDb() != null;
  }

  private static URI uri(String value) {
    return value == null || value.isBlank() ? null : URI.create(value.trim());
  }
}
