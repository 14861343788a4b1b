package dev.widgetrequests.model.json;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;

/**
 * The JSON forms of widgets and requests. A widget is {@code
 * {"id","owner","label","description","otherAttributes":[{"name","value"}]}} with absent fields
 * omitted; a request is the wire format producers send.
 */
public final class WidgetJson {
  private WidgetJson() {}

  public static String toJson(Widget widget) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static Widget widgetFromJson(String json) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static String toJson(WidgetRequest request) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
