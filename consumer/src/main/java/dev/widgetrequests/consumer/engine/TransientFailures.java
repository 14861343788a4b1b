package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.store.StoreConflictException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Tells failures worth retrying (throttling, 5xx, connection trouble) from failures retrying cannot
 * fix because the store refuses the request itself (an item over 400 KB, a value DynamoDB or S3
 * will not take), and from the rest (a missing table, denied access: the deployment's problem).
 */
final class TransientFailures {

  /** What trying again can do about a failure. */
  enum Kind {
    /** Throttling, 5xx, connection refused, timeouts: try again after a while. */
    TRANSIENT,
    /** The store refuses this request and always will: dead-letter it with the reason. */
    REFUSED,
    /** Anything else: leave the request in its source (its redrive policy decides). */
    OTHER
  }

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

  private static final int MAX_CAUSES = 10;

  private TransientFailures() {}

  static Kind classify(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if (cause instanceof StoreConflictException) {
        return Kind.TRANSIENT; // other consumers kept winning the race for this widget
      }
      if (cause instanceof SdkClientException) {
        return Kind.TRANSIENT; // connection refused, timeouts, interrupted reads
      }
      if (cause instanceof AwsServiceException service) {
        if (service.isThrottlingException()
            || service.statusCode() >= 500
            || service.statusCode() == 429) {
          return Kind.TRANSIENT;
        }
        String code =
            service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return code != null && REFUSALS.contains(code) ? Kind.REFUSED : Kind.OTHER;
      }
    }
    return Kind.OTHER;
  }

  static boolean isTransient(Throwable failure) {
    return classify(failure) == Kind.TRANSIENT;
  }

  /** True when the store refuses the request itself: dead-letter it, never retry it. */
  static boolean isRefused(Throwable failure) {
    return classify(failure) == Kind.REFUSED;
  }

  /** One line for logs: the exception's class and message, no stack trace. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
