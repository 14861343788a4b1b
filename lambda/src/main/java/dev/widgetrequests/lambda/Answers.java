package dev.widgetrequests.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.widgetrequests.lambda.apigateway.ProxyResponse;
import dev.widgetrequests.lambda.intake.Submission;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.Violation;
import java.util.stream.Collectors;

/**
 * Turns outcomes into HTTP answers and log lines. Responses say what the caller can act on and
 * nothing about the function's insides; the log line carries the detail.
 */
final class Answers {
  private final ObjectMapper mapper;

  Answers(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Answer to(Submission submission) {
    return switch (submission) {
      case Submission.Accepted accepted -> accepted(accepted);
      case Submission.Rejected rejected -> rejected(rejected);
      case Submission.TooLarge tooLarge -> tooLarge(tooLarge);
      case Submission.QueueUnavailable unavailable -> queueUnavailable(unavailable);
      case Submission.QueueRefused refused -> queueRefused(refused);
    };
  }

  Answer badEvent(String reason) {
    ObjectNode body = message("the request could not be read: " + reason);
    return new Answer(
        ProxyResponse.json(400, body.toString()),
        log("bad-event", 400).put("reason", reason).toString());
  }

  Answer unsupportedMediaType(String contentType) {
    ObjectNode body =
        message("Content-Type " + contentType + " is not supported: send application/json");
    return new Answer(
        ProxyResponse.json(415, body.toString()),
        log("unsupported-media-type", 415).put("contentType", contentType).toString());
  }

  Answer methodNotAllowed(String method) {
    ObjectNode body = message("method " + method + " is not allowed: send the request with POST");
    ProxyResponse response = ProxyResponse.json(405, body.toString()).withHeader("Allow", "POST");
    return new Answer(response, log("method-not-allowed", 405).put("method", method).toString());
  }

  private Answer accepted(Submission.Accepted accepted) {
    WidgetRequest request = accepted.request();
    ObjectNode body = mapper.createObjectNode();
    body.put("requestId", request.requestId()).put("messageId", accepted.messageId());
    ObjectNode log = request(log("accepted", 202), request).put("messageId", accepted.messageId());
    return new Answer(ProxyResponse.json(202, body.toString()), log.toString());
  }

  private Answer rejected(Submission.Rejected rejected) {
    ObjectNode body = message("the request is invalid");
    putIfPresent(body, "requestId", rejected.requestId());
    ArrayNode violations = body.putArray("violations");
    rejected
        .violations()
        .forEach(v -> violations.addObject().put("field", v.field()).put("message", v.message()));
    ObjectNode log = log("rejected", 400);
    putIfPresent(log, "requestId", rejected.requestId());
    putIfPresent(log, "widgetId", rejected.widgetId());
    putIfPresent(log, "type", rejected.type());
    String reason =
        rejected.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
    log.put("reason", reason);
    return new Answer(ProxyResponse.json(400, body.toString()), log.toString());
  }

  private Answer tooLarge(Submission.TooLarge tooLarge) {
    ObjectNode body =
        message(
            "the request is larger than "
                + tooLarge.limitBytes()
                + " bytes, the largest message the request queue takes");
    ObjectNode log = log("too-large", 413).put("bodyBytes", tooLarge.bodyBytes());
    return new Answer(ProxyResponse.json(413, body.toString()), log.toString());
  }

  private Answer queueUnavailable(Submission.QueueUnavailable unavailable) {
    ObjectNode body = message("the request could not be queued: try again later");
    ObjectNode log =
        request(log("queue-unavailable", 503), unavailable.request())
            .put("cause", unavailable.cause());
    return new Answer(ProxyResponse.json(503, body.toString()), log.toString());
  }

  private Answer queueRefused(Submission.QueueRefused refused) {
    ObjectNode body = message("the request could not be queued: the service is misconfigured");
    ObjectNode log =
        request(log("queue-refused", 500), refused.request()).put("cause", refused.cause());
    return new Answer(ProxyResponse.json(500, body.toString()), log.toString());
  }

  private ObjectNode message(String text) {
    return mapper.createObjectNode().put("message", text);
  }

  private ObjectNode log(String outcome, int status) {
    return mapper.createObjectNode().put("outcome", outcome).put("status", status);
  }

  private static ObjectNode request(ObjectNode log, WidgetRequest request) {
    return log.put("requestId", request.requestId())
        .put("widgetId", request.widgetId())
        .put("type", request.type());
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
