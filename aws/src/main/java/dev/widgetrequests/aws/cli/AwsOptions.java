package dev.widgetrequests.aws.cli;

import dev.widgetrequests.aws.AwsSettings;
import java.net.URI;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to AWS takes: region, named profile and one endpoint for
 * every service ({@code @Mixin AwsOptions aws;}). Per-service endpoints are the command's own, as
 * each needs different services; {@link #settings} merges them.
 */
public final class AwsOptions {
  @Option(
      names = {"-r", "--region"},
      defaultValue = "${env:AWS_REGION:-" + AwsSettings.DEFAULT_REGION + "}",
      description = "AWS region (default: $AWS_REGION, else " + AwsSettings.DEFAULT_REGION + ").")
  String region;

  @Option(
      names = {"-p", "--profile"},
      description = "Named AWS profile for credentials (default: the standard credential chain).")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Send every AWS call here (the local stack, a compatible server). Also read from"
              + " AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_S3, _SQS, _DYNAMODB.")
  URI endpointUrl;

  /** The settings from these options and {@code env}, without per-service overrides. */
  public AwsSettings settings(Map<String, String> env) {
    return AwsSettings.fromEnvironment(env, region, profile, endpointUrl);
  }

  /**
   * The settings with per-service endpoints ({@code null}: none), which win over {@code
   * --endpoint-url} and the environment.
   */
  public AwsSettings settings(Map<String, String> env, URI s3, URI sqs, URI dynamoDb) {
    return settings(env).withServiceEndpoints(s3, sqs, dynamoDb);
  }
}
