package dev.widgetrequests.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.failure.InfrastructureFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.SqsException;

class AwsFailuresTest {

  private static DynamoDbException dynamoDb(int status, String code) {
    return (DynamoDbException)
        DynamoDbException.builder()
            .statusCode(status)
            .message(code)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
            .build();
  }

  private static S3Exception s3(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }

  private static String kind(RuntimeException failure) {
    return failure.getClass().getSimpleName();
  }

  @ParameterizedTest
  @CsvSource({
    "400, ValidationException, Refused",
    "400, ThrottlingException, Throttled",
    "400, ProvisionedThroughputExceededException, Throttled",
    "400, RequestLimitExceeded, Throttled",
    "500, InternalServerError, Transient",
    "503, ServiceUnavailable, Transient",
    "400, ResourceNotFoundException, Fatal",
    "400, AccessDeniedException, Fatal",
    "400, UnrecognizedClientException, Fatal",
    "400, SomethingNew, Transient"
  })
  void dynamoDbFailures(int status, String code, String expected) {
    assertThat(kind(AwsFailures.translate(dynamoDb(status, code)))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "400, EntityTooLarge, Refused",
    "400, KeyTooLongError, Refused",
    "400, MetadataTooLarge, Refused",
    "400, InvalidArgument, Refused",
    "503, SlowDown, Throttled",
    "503, ServiceUnavailable, Transient",
    "403, AccessDenied, Fatal",
    "404, NoSuchBucket, Fatal",
    "412, PreconditionFailed, Transient"
  })
  void s3Failures(int status, String code, String expected) {
    assertThat(kind(AwsFailures.translate(s3(status, code)))).isEqualTo(expected);
  }

  @Test
  void aQueueThatIsGone_isFatal() {
    var gone =
        SqsException.builder()
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("AWS.SimpleQueueService.NonExistentQueue")
                    .build())
            .build();

    assertThat(AwsFailures.translate(gone)).isInstanceOf(InfrastructureFailure.Fatal.class);
  }

  @Test
  void connectionTrouble_isTransient_andKeepsTheSdkExceptionAsItsCause() {
    var refused = SdkClientException.create("Connection refused");

    InfrastructureFailure failure = AwsFailures.translate(refused);

    assertThat(failure).isInstanceOf(InfrastructureFailure.Transient.class).hasCause(refused);
    assertThat(failure.describe()).isEqualTo("transient: SdkClientException: Connection refused");
  }
}
