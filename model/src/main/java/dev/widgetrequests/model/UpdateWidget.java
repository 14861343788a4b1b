package dev.widgetrequests.model;

import java.util.List;

/**
 * Change an existing widget. {@code label} / {@code description}: {@code null} leaves the field
 * unchanged, {@code ""} removes it, anything else sets it. An attribute whose value is {@code ""}
 * removes that attribute; any other value sets it in place or appends it.
 */
public record UpdateWidget(
    String requestId,
    String widgetId,
    String owner,
    String label,
    String description,
    List<Attribute> otherAttributes)
    implements WidgetRequest {
  public UpdateWidget {
    otherAttributes = otherAttributes == null ? List.of() : List.copyOf(otherAttributes);
  }
}
