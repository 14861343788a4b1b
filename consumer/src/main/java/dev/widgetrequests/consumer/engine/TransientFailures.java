package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.store.StoreConflictException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Tells failures worth retrying (throttling, 5xx, connection trouble) from the rest. */
final class TransientFailures {
  private TransientFailures() {}

  static boolean isTransient(Throwable failure) {
    if (failure instanceof StoreConflictException) {
      return true; // other consumers kept winning the race for this widget
    }
    if (failure instanceof SdkClientException) {
      return true; // connection refused, timeouts, interrupted reads
    }
    if (failure instanceof AwsServiceException service) {
      return service.isThrottlingException()
          || service.statusCode() >= 500
          || service.statusCode() == 429;
    }
    return false;
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
