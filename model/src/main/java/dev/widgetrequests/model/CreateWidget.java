package dev.widgetrequests.model;

import java.util.List;

/** Store a widget with exactly this data, replacing any widget with the same id and owner. */
public record CreateWidget(
    String requestId,
    String widgetId,
    String owner,
    String label,
    String description,
    List<Attribute> otherAttributes)
    implements WidgetRequest {
  public CreateWidget {
    otherAttributes = otherAttributes == null ? List.of() : List.copyOf(otherAttributes);
  }
}
