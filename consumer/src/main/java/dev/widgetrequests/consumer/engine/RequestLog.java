package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.source.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per request with its outcome, request id, widget id and type. */
final class RequestLog {
  private static final Logger log = LoggerFactory.getLogger("dev.widgetrequests.consumer.requests");

  private RequestLog() {}

  static void record(Delivery delivery, ParseResult parsed, Outcome outcome) {
    if (!log.isWarnEnabled()) {
      return; // every line is a warning or less
    }
    String what = describe(delivery, parsed);
    delivery.keyWarning().ifPresent(warning -> log.warn("ordered  {}: {}", what, warning));
    switch (outcome) {
      case Outcome.Applied a -> log.info("applied  {}", what);
      case Outcome.Warned w -> log.warn("warning  {}: {}", what, w.warning());
      case Outcome.Duplicate d -> log.info("repeated {}: {}", what, d.note());
      case Outcome.Rejected r -> log.warn("rejected {}: {}", what, r.reason());
      case Outcome.TooLate t -> log.warn("too late {}: {}; dead-lettered", what, t.reason());
      case Outcome.Released r -> log.warn("retried  {}: {}; left in the source", what, r.error());
      case Outcome.Gone g -> log.info("gone     {}: {}", what, g.why());
    }
  }

  private static String describe(Delivery delivery, ParseResult parsed) {
    if (parsed instanceof ParseResult.Valid(WidgetRequest request)) {
      return request.type()
          + " requestId="
          + request.requestId()
          + " widgetId="
          + request.widgetId()
          + " from "
          + delivery.position();
    }
    return "request from " + delivery.position();
  }
}
