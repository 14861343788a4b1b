package dev.widgetrequests.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {
  private static final URI EVERYWHERE = URI.create("http://127.0.0.1:4566");
  private static final URI S3 = URI.create("http://127.0.0.1:9000");
  private static final URI SQS = URI.create("http://127.0.0.1:9324");
  private static final URI DYNAMODB = URI.create("http://127.0.0.1:8000");

  @Test
  void fromEnvironment_withoutEndpointVariables_pointsAtAws() {
    AwsSettings settings = AwsSettings.fromEnvironment(Map.of(), null, null, null);

    assertThat(settings.hasEndpointOverride()).isFalse();
    assertThat(settings.s3()).isNull();
    assertThat(settings.sqs()).isNull();
    assertThat(settings.dynamoDb()).isNull();
    assertThat(settings.region()).isEqualTo("us-east-1");
  }

  @Test
  void fromEnvironment_readsOneEndpointPerService() {
    AwsSettings settings =
        AwsSettings.fromEnvironment(
            Map.of(
                "AWS_ENDPOINT_URL_S3", S3.toString(),
                "AWS_ENDPOINT_URL_SQS", SQS.toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.toString()),
            "eu-west-1",
            null,
            null);

    assertThat(settings.s3()).isEqualTo(S3);
    assertThat(settings.sqs()).isEqualTo(SQS);
    assertThat(settings.dynamoDb()).isEqualTo(DYNAMODB);
    assertThat(settings.region()).isEqualTo("eu-west-1");
    assertThat(settings.hasEndpointOverride()).isTrue();
  }

  @Test
  void fromEnvironment_commonEndpoint_appliesToEveryService() {
    AwsSettings settings =
        AwsSettings.fromEnvironment(
            Map.of("AWS_ENDPOINT_URL", EVERYWHERE.toString()), null, null, null);

    assertThat(settings.s3()).isEqualTo(EVERYWHERE);
    assertThat(settings.sqs()).isEqualTo(EVERYWHERE);
    assertThat(settings.dynamoDb()).isEqualTo(EVERYWHERE);
  }

  @Test
  void fromEnvironment_serviceEndpoint_winsOverCommonOne() {
    AwsSettings settings =
        AwsSettings.fromEnvironment(
            Map.of(
                "AWS_ENDPOINT_URL", EVERYWHERE.toString(), "AWS_ENDPOINT_URL_SQS", SQS.toString()),
            null,
            null,
            null);

    assertThat(settings.sqs()).isEqualTo(SQS);
    assertThat(settings.s3()).isEqualTo(EVERYWHERE);
    assertThat(settings.dynamoDb()).isEqualTo(EVERYWHERE);
  }

  @Test
  void fromEnvironment_explicitEndpoint_winsOverCommonVariable() {
    AwsSettings settings =
        AwsSettings.fromEnvironment(
            Map.of("AWS_ENDPOINT_URL", EVERYWHERE.toString()), null, "dev", S3);

    assertThat(settings.endpoint()).isEqualTo(S3);
    assertThat(settings.sqs()).isEqualTo(S3);
    assertThat(settings.profile()).isEqualTo("dev");
  }

  @Test
  void fromEnvironment_explicitEndpoint_winsOverServiceVariables() {
    AwsSettings settings =
        AwsSettings.fromEnvironment(
            Map.of("AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.toString()), null, null, EVERYWHERE);

    assertThat(settings.dynamoDb()).isEqualTo(EVERYWHERE);
    assertThat(settings.s3()).isEqualTo(EVERYWHERE);
  }

  @Test
  void fromEnvironment_blankVariables_areIgnoredAndValuesTrimmed() {
    AwsSettings settings =
        AwsSettings.fromEnvironment(
            Map.of("AWS_ENDPOINT_URL", "  ", "AWS_ENDPOINT_URL_S3", " " + S3 + " "),
            " ",
            null,
            null);

    assertThat(settings.endpoint()).isNull();
    assertThat(settings.s3()).isEqualTo(S3);
    assertThat(settings.sqs()).isNull();
    assertThat(settings.region()).isEqualTo("us-east-1");
  }

  @Test
  void at_pointsEveryServiceAtOneEndpoint() {
    AwsSettings settings = AwsSettings.at(EVERYWHERE);

    assertThat(settings.s3()).isEqualTo(EVERYWHERE);
    assertThat(settings.sqs()).isEqualTo(EVERYWHERE);
    assertThat(settings.dynamoDb()).isEqualTo(EVERYWHERE);
    assertThat(settings.hasEndpointOverride()).isTrue();
  }

  @Test
  void defaults_isAwsItselfInUsEast1() {
    assertThat(AwsSettings.defaults())
        .isEqualTo(new AwsSettings("us-east-1", null, null, null, null, null));
    assertThat(AwsSettings.defaults().hasEndpointOverride()).isFalse();
  }

  @Test
  void withServiceEndpoints_givenOnesWin_missingOnesKeepWhatThereIs() {
    AwsSettings settings =
        AwsSettings.fromEnvironment(
                Map.of("AWS_ENDPOINT_URL_SQS", SQS.toString()), "eu-west-1", "p", null)
            .withServiceEndpoints(S3, null, null);

    assertThat(settings.s3()).isEqualTo(S3);
    assertThat(settings.sqs()).isEqualTo(SQS);
    assertThat(settings.dynamoDb()).isNull();
    assertThat(settings.region()).isEqualTo("eu-west-1");
    assertThat(settings.profile()).isEqualTo("p");
  }
}
