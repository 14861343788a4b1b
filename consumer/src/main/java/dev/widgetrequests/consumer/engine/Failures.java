package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.failure.InfrastructureFailure;

/** How the engine writes a failure in its logs and outcomes: one line, no stack trace. */
final class Failures {
  private Failures() {}

  static String describe(Throwable failure) {
    if (failure instanceof InfrastructureFailure known) {
      return known.describe();
    }
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
