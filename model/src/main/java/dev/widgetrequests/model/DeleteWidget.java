package dev.widgetrequests.model;

/** Remove a widget; only its owner may. */
public record DeleteWidget(String requestId, String widgetId, String owner)
    implements WidgetRequest {}
