package dev.widgetrequests.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import java.io.IOException;
import java.io.StringWriter;
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
    return written(json -> write(json, widget));
  }

  /** Writes {@link #toJson(Widget)} into a document being written, e.g. as a field's value. */
  public static void write(JsonGenerator json, Widget widget) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", widget.id());
    json.writeStringField("owner", widget.owner());
    writeFields(json, widget.label(), widget.description(), widget.otherAttributes());
    json.writeEndObject();
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
    return written(json -> write(json, request));
  }

  /** Writes {@link #toJson(WidgetRequest)} into a document being written. */
  public static void write(JsonGenerator json, WidgetRequest request) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", request.type());
    json.writeStringField("requestId", request.requestId());
    json.writeStringField("widgetId", request.widgetId());
    json.writeStringField("owner", request.owner());
    switch (request) {
      case CreateWidget c -> writeFields(json, c.label(), c.description(), c.otherAttributes());
      case UpdateWidget u -> writeFields(json, u.label(), u.description(), u.otherAttributes());
      case DeleteWidget d -> {}
    }
    json.writeEndObject();
  }

  /** What one write into a generator gives, written straight to text (no tree in between). */
  public interface Writing {
    void writeTo(JsonGenerator json) throws IOException;
  }

  /** The text that {@code writing} writes. */
  public static String written(Writing writing) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(text)) {
      writing.writeTo(json);
    } catch (IOException e) {
      // Strings into a StringWriter cannot fail; this would be a Jackson defect.
      throw new IllegalStateException(e);
    }
    return text.toString();
  }

  private static void writeFields(
      JsonGenerator json, String label, String description, List<Attribute> attributes)
      throws IOException {
    if (label != null) {
      json.writeStringField("label", label);
    }
    if (description != null) {
      json.writeStringField("description", description);
    }
    if (!attributes.isEmpty()) {
      json.writeArrayFieldStart("otherAttributes");
      for (Attribute attribute : attributes) {
        json.writeStartObject();
        json.writeStringField("name", attribute.name());
        json.writeStringField("value", attribute.value());
        json.writeEndObject();
      }
      json.writeEndArray();
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
}
