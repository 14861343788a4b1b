package dev.widgetrequests.lambda.intake;

import dev.widgetrequests.lambda.queue.QueueSendException;
import dev.widgetrequests.lambda.queue.RequestQueue;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Takes one request body: checks its size, gives it a request id if it has none, validates it and
 * puts it on the request queue. Thread safe.
 */
public final class RequestIntake {
  private final RequestParser parser;
  private final RequestQueue queue;
  private final Supplier<String> requestIds;

  public RequestIntake(RequestParser parser, RequestQueue queue, Supplier<String> requestIds) {
    this.parser = parser;
    this.queue = queue;
    this.requestIds = requestIds;
  }

  public Submission submit(String body) {
    int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
    if (bodyBytes > RequestParser.MAX_BODY_BYTES) {
      return new Submission.TooLarge(bodyBytes, RequestParser.MAX_BODY_BYTES);
    }
    StampedBody stamped = StampedBody.of(body, requestIds);
    return switch (parser.parse(stamped.json())) {
      case ParseResult.Valid valid -> send(valid.request(), stamped.json());
      case ParseResult.Invalid invalid ->
          new Submission.Rejected(
              stamped.requestId(), stamped.widgetId(), stamped.type(), invalid.violations());
    };
  }

  private Submission send(WidgetRequest request, String json) {
    try {
      return new Submission.Accepted(request, queue.send(json, request.widgetId()));
    } catch (QueueSendException e) {
      return new Submission.QueueUnavailable(request, e.getMessage());
    }
  }
}
