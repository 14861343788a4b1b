package dev.widgetrequests.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON forms of widgets and requests. A widget is {@code
 * {"id","owner","label","description","otherAttributes":[{"name","value"}]}} with absent fields
 * omitted; a request is the wire format producers send.
 */
public final class WidgetJson {

  // Thread safe once configured; never reconfigured after this line.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private WidgetJson() {}

  /** The widget in field order, without absent fields or an empty attribute list. */
  public static String toJson(Widget widget) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", widget.id());
    json.put("owner", widget.owner());
    putFields(json, widget.label(), widget.description(), widget.otherAttributes());
    return write(json);
  }

  /**
   * Reads a widget written by {@link #toJson(Widget)}.
   *
   * @throws IllegalArgumentException if the text is not such a widget
   */
  public static Widget widgetFromJson(String json) {
    return widgetFrom(read(json));
  }

  /**
   * Reads a JSON array of widgets, each in the form of {@link #toJson(Widget)}.
   *
   * @throws IllegalArgumentException if the text is not such an array
   */
  public static List<Widget> widgetsFromJson(String json) {
    JsonNode array = read(json);
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of widgets");
    }
    List<Widget> widgets = new ArrayList<>();
    array.forEach(element -> widgets.add(widgetFrom(element)));
    return widgets;
  }

  /** The request as producers send it: absent fields omitted, a delete has only ids and owner. */
  public static String toJson(WidgetRequest request) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("type", request.type());
    json.put("requestId", request.requestId());
    json.put("widgetId", request.widgetId());
    json.put("owner", request.owner());
    switch (request) {
      case CreateWidget c -> putFields(json, c.label(), c.description(), c.otherAttributes());
      case UpdateWidget u -> putFields(json, u.label(), u.description(), u.otherAttributes());
      case DeleteWidget d -> {}
    }
    return write(json);
  }

  private static void putFields(
      ObjectNode json, String label, String description, List<Attribute> attributes) {
    if (label != null) {
      json.put("label", label);
    }
    if (description != null) {
      json.put("description", description);
    }
    if (!attributes.isEmpty()) {
      ArrayNode array = json.putArray("otherAttributes");
      attributes.forEach(a -> array.addObject().put("name", a.name()).put("value", a.value()));
    }
  }

  private static Widget widgetFrom(JsonNode json) {
    List<Attribute> attributes = new ArrayList<>();
    for (JsonNode entry : json.path("otherAttributes")) {
      attributes.add(new Attribute(text(entry, "name"), text(entry, "value")));
    }
    return new Widget(
        text(json, "id"),
        text(json, "owner"),
        optionalText(json, "label"),
        optionalText(json, "description"),
        attributes);
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("widget JSON needs a string \"" + field + "\"");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode json, String field) {
    return json.hasNonNull(field) ? text(json, field) : null;
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(JsonNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      // A tree of strings always serializes; this would be a Jackson defect.
      throw new IllegalStateException(e);
    }
  }
}
