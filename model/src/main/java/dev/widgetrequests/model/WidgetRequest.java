package dev.widgetrequests.model;

/**
 * A validated widget request. Request ids are not unique: two requests with the same {@code
 * requestId} are still two requests.
 */
public sealed interface WidgetRequest permits CreateWidget, UpdateWidget, DeleteWidget {
  String requestId();

  String widgetId();

  String owner();

  /** The wire name of the request type: {@code create}, {@code update} or {@code delete}. */
  default String type() {
    return switch (this) {
      case CreateWidget c -> "create";
      case UpdateWidget u -> "update";
      case DeleteWidget d -> "delete";
    };
  }
}
