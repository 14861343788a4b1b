package dev.widgetrequests.producer.generate;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import java.util.Locale;
import java.util.Map;

/**
 * How a request's {@code type} is spelled on the wire: the course producer's {@code
 * create|update|delete}, or the course schema's {@code WidgetCreateRequest|…}, which later course
 * years send. Both mean the same (docs/design/request-format.md).
 */
public enum TypeNames {
  /** {@code create}, {@code update}, {@code delete}. */
  SHORT,
  /** {@code WidgetCreateRequest}, {@code WidgetUpdateRequest}, {@code WidgetDeleteRequest}. */
  LONG;

  private static final Map<String, String> LONG_NAMES =
      Map.of(
          "create", "WidgetCreateRequest",
          "update", "WidgetUpdateRequest",
          "delete", "WidgetDeleteRequest");

  /** The request as JSON, its type spelled this way. */
  public String json(WidgetRequest request) {
    String json = WidgetJson.toJson(request);
    if (this == SHORT) {
      return json;
    }
    String type = "{\"type\":\"" + request.type() + "\"";
    if (!json.startsWith(type)) {
      throw new IllegalStateException("a request's JSON does not start with its type: " + json);
    }
    return "{\"type\":\"" + LONG_NAMES.get(request.type()) + "\"" + json.substring(type.length());
  }

  /**
   * @return the spelling {@code name} ({@code short} or {@code long}, any case) names
   * @throws IllegalArgumentException for any other name
   */
  public static TypeNames named(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "short" -> SHORT;
      case "long" -> LONG;
      default -> throw new IllegalArgumentException(name);
    };
  }
}
