package dev.widgetrequests.model.apply;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Applies requests in order to widgets kept in memory: the state every store must end in for the
 * same requests. Used to check stores, never to serve them.
 */
public final class Replay {
  private Replay() {}

  /** The widgets the requests leave, by widget id. */
  public static SortedMap<String, Widget> of(Iterable<? extends WidgetRequest> requests) {
    SortedMap<String, Widget> widgets = new TreeMap<>();
    for (WidgetRequest request : requests) {
      Optional<Widget> current = Optional.ofNullable(widgets.get(request.widgetId()));
      switch (RequestApplier.apply(request, current)) {
        case Change.Put put -> widgets.put(put.widget().id(), put.widget());
        case Change.Remove remove -> widgets.remove(remove.widget().id());
        case Change.Skip skip -> {}
      }
    }
    return widgets;
  }
}
