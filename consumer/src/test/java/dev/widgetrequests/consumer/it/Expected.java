package dev.widgetrequests.consumer.it;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.apply.Replay;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The state a stream of request bodies must leave: the valid ones replayed in memory. */
final class Expected {
  private Expected() {}

  static Map<String, Widget> finalWidgets(Iterable<String> bodiesInOrder) {
    RequestParser parser = new RequestParser();
    List<WidgetRequest> valid = new ArrayList<>();
    for (String body : bodiesInOrder) {
      if (parser.parse(body) instanceof ParseResult.Valid(var request)) {
        valid.add(request);
      }
    }
    return Replay.of(valid);
  }
}
