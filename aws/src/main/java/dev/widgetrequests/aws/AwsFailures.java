package dev.widgetrequests.aws;

import dev.widgetrequests.model.failure.InfrastructureFailure;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates the AWS SDK's exceptions into the model's failure vocabulary, so that what a failure
 * means is decided once, here, and nothing beyond the adapters imports an SDK type
 * (docs/design/consumer.md, "Failures"). The SDK has already retried the call by then (standard
 * retry mode): a translated failure is the call's last word.
 */
public final class AwsFailures {

  /**
   * Error codes by which DynamoDB and S3 refuse what a request asks them to store, whatever the
   * number of tries. DynamoDB's {@code ValidationException} covers an item over 400 KB, an empty
   * key and attribute values it cannot take.
   */
  private static final Set<String> REFUSALS =
      Set.of(
          "ValidationException",
          "EntityTooLarge",
          "KeyTooLongError",
          "MetadataTooLarge",
          "InvalidArgument");

  /** Error codes that say the deployment is broken: nothing any request does can succeed. */
  private static final Set<String> FATAL =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "InvalidClientTokenId",
          "ExpiredToken",
          "ExpiredTokenException",
          "ResourceNotFoundException",
          "NoSuchBucket",
          "AWS.SimpleQueueService.NonExistentQueue",
          "QueueDoesNotExist");

  private AwsFailures() {}

  /** The failure in the model's words, with the SDK's exception as its cause. */
  public static InfrastructureFailure translate(SdkException failure) {
    String message = oneLine(failure);
    if (failure instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      if (service.isThrottlingException()
          || service.statusCode() == 429
          || "SlowDown".equals(code)) {
        return new InfrastructureFailure.Throttled(message, failure);
      }
      if (service.statusCode() >= 500) {
        return new InfrastructureFailure.Transient(message, failure);
      }
      if (code != null && REFUSALS.contains(code)) {
        return new InfrastructureFailure.Refused(message, failure);
      }
      if ((code != null && FATAL.contains(code)) || service.statusCode() == 403) {
        return new InfrastructureFailure.Fatal(message, failure);
      }
      // Any other answer: left for the source's redelivery, whose redrive policy has the last say.
      return new InfrastructureFailure.Transient(message, failure);
    }
    if (failure instanceof SdkClientException) {
      return new InfrastructureFailure.Transient(message, failure); // refused, timed out, reset
    }
    return new InfrastructureFailure.Transient(message, failure);
  }

  private static String oneLine(SdkException failure) {
    String message = failure.getMessage();
    if (message == null) {
      return failure.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return failure.getClass().getSimpleName()
        + ": "
        + (newline < 0 ? message : message.substring(0, newline));
  }
}
