package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.engine.TransientFailures.Kind;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class TransientFailuresTest {

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

  @ParameterizedTest
  @CsvSource({
    "400, ValidationException, REFUSED",
    "400, ThrottlingException, TRANSIENT",
    "400, ProvisionedThroughputExceededException, TRANSIENT",
    "500, InternalServerError, TRANSIENT",
    "503, ServiceUnavailable, TRANSIENT",
    "400, ResourceNotFoundException, OTHER",
    "400, AccessDeniedException, OTHER",
    "400, ConditionalCheckFailedException, OTHER"
  })
  void dynamoDbFailures(int status, String code, Kind kind) {
    assertThat(TransientFailures.classify(dynamoDb(status, code))).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({
    "400, EntityTooLarge, REFUSED",
    "400, KeyTooLongError, REFUSED",
    "400, MetadataTooLarge, REFUSED",
    "400, InvalidArgument, REFUSED",
    "503, SlowDown, TRANSIENT",
    "403, AccessDenied, OTHER",
    "404, NoSuchBucket, OTHER",
    "412, PreconditionFailed, OTHER"
  })
  void s3Failures(int status, String code, Kind kind) {
    assertThat(TransientFailures.classify(s3(status, code))).isEqualTo(kind);
  }

  @Test
  void connectionTrouble_isTransient() {
    assertThat(TransientFailures.isTransient(SdkClientException.create("Connection refused")))
        .isTrue();
  }

  @Test
  void aWrappedRefusal_isStillARefusal() {
    var wrapped = new RuntimeException("put failed", dynamoDb(400, "ValidationException"));

    assertThat(TransientFailures.isRefused(wrapped)).isTrue();
    assertThat(TransientFailures.isTransient(wrapped)).isFalse();
  }

  @Test
  void failuresOutsideTheSdk_areOther() {
    assertThat(TransientFailures.classify(new IllegalStateException("bug"))).isEqualTo(Kind.OTHER);
    assertThat(TransientFailures.classify(new UncheckedIOException("x", new java.io.IOException())))
        .isEqualTo(Kind.OTHER);
  }
}
