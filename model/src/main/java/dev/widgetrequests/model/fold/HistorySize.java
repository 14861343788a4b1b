package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import java.util.List;

/** About how many characters of JSON a history entry takes, cheaply (within a tenth or so). */
final class HistorySize {
  private static final int FIELD_OVERHEAD = 16;

  private HistorySize() {}

  static long of(WidgetHistory history) {
    return of(history.base()) + history.requests().stream().mapToLong(HistorySize::of).sum();
  }

  static long of(KeyedRequest keyed) {
    long common =
        FIELD_OVERHEAD * 5L
            + keyed.orderKey().length()
            + keyed.request().requestId().length()
            + keyed.request().widgetId().length()
            + keyed.request().owner().length();
    return common
        + switch (keyed.request()) {
          case CreateWidget c -> fields(c.label(), c.description(), c.otherAttributes());
          case UpdateWidget u -> fields(u.label(), u.description(), u.otherAttributes());
          case DeleteWidget d -> 0;
        };
  }

  static long of(Widget widget) {
    if (widget == null) {
      return 0;
    }
    return FIELD_OVERHEAD * 2L
        + widget.id().length()
        + widget.owner().length()
        + fields(widget.label(), widget.description(), widget.otherAttributes());
  }

  private static long fields(String label, String description, List<Attribute> attributes) {
    long size = length(label) + length(description);
    for (Attribute attribute : attributes) {
      size += FIELD_OVERHEAD + attribute.name().length() + attribute.value().length();
    }
    return size;
  }

  private static long length(String text) {
    return text == null ? 0 : FIELD_OVERHEAD + text.length();
  }
}
