package dev.widgetrequests.model.fold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored JSON form of a {@link WidgetHistory}: {@code {"basePosition","base":{widget},
 * "folded":[position],"requests":[{"key","request":{request as producers send it}}]}}, absent parts
 * omitted. A request keeps {@code null} and {@code ""} apart (an omitted field is {@code null});
 * its content hash is computed again when read, not stored. A history written before positions
 * existed has a {@code "baseKey"}: every request with that key or an earlier one counts as folded
 * in.
 */
public final class HistoryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Sorts after every content hash (hex digits): the whole legacy base key counts as folded. */
  private static final String LEGACY_BASE_HASH = "~";

  private HistoryJson() {}

  public static String toJson(WidgetHistory history) {
    return toJson(history, null);
  }

  /**
   * The JSON, with {@code "baseIsWidget":true} in place of a base that equals {@code widget} (the
   * widget stored beside the history, which then is not stored twice).
   */
  public static String toJson(WidgetHistory history, Widget widget) {
    boolean baseIsWidget = history.base() != null && history.base().equals(widget);
    return WidgetJson.written(
        json -> {
          json.writeStartObject();
          if (history.basePosition() != null) {
            json.writeStringField("basePosition", history.basePosition());
          }
          if (baseIsWidget) {
            json.writeBooleanField("baseIsWidget", true);
          } else if (history.base() != null) {
            json.writeFieldName("base");
            WidgetJson.write(json, history.base());
          }
          if (!history.folded().isEmpty()) {
            json.writeArrayFieldStart("folded");
            for (String position : history.folded()) {
              json.writeString(position);
            }
            json.writeEndArray();
          }
          json.writeArrayFieldStart("requests");
          for (KeyedRequest keyed : history.requests()) {
            json.writeStartObject();
            json.writeStringField("key", keyed.orderKey());
            json.writeFieldName("request");
            WidgetJson.write(json, keyed.request());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /**
   * @throws IllegalArgumentException when the text is not a history written by {@link #toJson}
   */
  public static WidgetHistory fromJson(String text) {
    return fromJson(text, null);
  }

  /**
   * @param widget the widget stored beside the history: its base when it says {@code
   *     "baseIsWidget"}
   * @throws IllegalArgumentException when the text is not a history written by {@link #toJson}
   */
  public static WidgetHistory fromJson(String text, Widget widget) {
    JsonNode json = read(text);
    String legacyBaseKey = optional(json, "baseKey");
    String basePosition =
        legacyBaseKey != null
            ? legacyBaseKey + KeyedRequest.POSITION_SEPARATOR + LEGACY_BASE_HASH
            : optional(json, "basePosition");
    JsonNode base = json.get("base");
    boolean baseIsWidget = json.path("baseIsWidget").asBoolean(false);
    if (baseIsWidget && widget == null) {
      throw new IllegalArgumentException("history's base is its widget, and there is none");
    }
    List<KeyedRequest> requests = new ArrayList<>();
    for (JsonNode entry : json.path("requests")) {
      requests.add(new KeyedRequest(required(entry, "key"), request(entry.path("request"))));
    }
    List<String> folded = new ArrayList<>();
    for (JsonNode position : json.path("folded")) {
      folded.add(position.asText());
    }
    return new WidgetHistory(
        basePosition,
        baseIsWidget
            ? widget
            : base == null || base.isNull() ? null : WidgetJson.widgetFromJson(base.toString()),
        requests,
        folded);
  }

  private static WidgetRequest request(JsonNode json) {
    String type = required(json, "type");
    String requestId = required(json, "requestId");
    String widgetId = required(json, "widgetId");
    String owner = required(json, "owner");
    String label = optional(json, "label");
    String description = optional(json, "description");
    return switch (type) {
      case "create" ->
          new CreateWidget(requestId, widgetId, owner, label, description, attributes(json));
      case "update" ->
          new UpdateWidget(requestId, widgetId, owner, label, description, attributes(json));
      case "delete" -> new DeleteWidget(requestId, widgetId, owner);
      default -> throw new IllegalArgumentException("unknown request type in history: " + type);
    };
  }

  private static List<Attribute> attributes(JsonNode json) {
    List<Attribute> attributes = new ArrayList<>();
    for (JsonNode entry : json.path("otherAttributes")) {
      attributes.add(new Attribute(required(entry, "name"), required(entry, "value")));
    }
    return attributes;
  }

  private static String required(JsonNode json, String field) {
    JsonNode value = json.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("history JSON needs a string \"" + field + "\"");
    }
    return value.asText();
  }

  private static String optional(JsonNode json, String field) {
    return json.hasNonNull(field) ? required(json, field) : null;
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
