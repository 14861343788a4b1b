package dev.widgetrequests.consumer.it;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.apply.Change;
import dev.widgetrequests.model.apply.RequestApplier;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The state a stream of requests must leave, applied in order in memory with the model alone. */
final class Expected {
  private Expected() {}

  static Map<String, Widget> finalWidgets(Iterable<String> bodiesInOrder) {
    RequestParser parser = new RequestParser();
    Map<String, Widget> widgets = new TreeMap<>();
    for (String body : bodiesInOrder) {
      if (parser.parse(body) instanceof ParseResult.Valid(var request)) {
        Change change =
            RequestApplier.apply(request, Optional.ofNullable(widgets.get(request.widgetId())));
        switch (change) {
          case Change.Put put -> widgets.put(put.widget().id(), put.widget());
          case Change.Remove remove -> widgets.remove(remove.widget().id());
          case Change.Skip skip -> {}
        }
      }
    }
    return widgets;
  }
}
