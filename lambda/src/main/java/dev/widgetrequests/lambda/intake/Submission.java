package dev.widgetrequests.lambda.intake;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.Violation;
import java.util.List;

/** What became of one submitted request body. */
public sealed interface Submission {

  /** The request is valid and on the queue. */
  record Accepted(WidgetRequest request, String messageId) implements Submission {}

  /**
   * The body is not a valid request. The other fields are what the body claims, unchecked, for the
   * log and the answer; each may be {@code null}.
   */
  record Rejected(String requestId, String widgetId, String type, List<Violation> violations)
      implements Submission {
    public Rejected {
      violations = List.copyOf(violations);
    }
  }

  /** The body is over the size limit and was not read. */
  record TooLarge(int bodyBytes, int limitBytes) implements Submission {}

  /** The request is valid but the queue did not take it this time (throttled, unreachable). */
  record QueueUnavailable(WidgetRequest request, String cause) implements Submission {}

  /**
   * The request is valid but the queue refused it in a way retrying cannot fix (no such queue,
   * access denied): the deployment is broken.
   */
  record QueueRefused(WidgetRequest request, String cause) implements Submission {}
}
