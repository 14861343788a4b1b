package dev.widgetrequests.model.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.WidgetRequest;
import java.util.ArrayList;
import java.util.List;

/** Builds the request from a body that has passed every rule. */
final class RequestReader {

  private RequestReader() {}

  static WidgetRequest read(JsonNode body) {
    String type = body.get("type").asText();
    String requestId = body.get("requestId").asText();
    String widgetId = body.get("widgetId").asText();
    String owner = body.get("owner").asText();
    return switch (type) {
      case "create", "WidgetCreateRequest" ->
          new CreateWidget(
              requestId,
              widgetId,
              owner,
              optionalText(body, "label"),
              optionalText(body, "description"),
              attributes(body));
      case "update", "WidgetUpdateRequest" ->
          new UpdateWidget(
              requestId,
              widgetId,
              owner,
              optionalText(body, "label"),
              optionalText(body, "description"),
              attributes(body));
      case "delete", "WidgetDeleteRequest" -> new DeleteWidget(requestId, widgetId, owner);
      default -> throw new IllegalStateException("type passed validation but is unknown: " + type);
    };
  }

  /** Absent and {@code null} both read as {@code null}; {@code ""} stays {@code ""}. */
  private static String optionalText(JsonNode body, String field) {
    JsonNode value = body.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static List<Attribute> attributes(JsonNode body) {
    List<Attribute> attributes = new ArrayList<>();
    for (JsonNode entry : body.path("otherAttributes")) {
      attributes.add(new Attribute(entry.get("name").asText(), entry.get("value").asText()));
    }
    return attributes;
  }
}
