package dev.widgetrequests.lambda.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * A request body with a request id filled in when the sender left it out, so callers can always
 * correlate their request; plus what the body says about itself, for the log.
 */
record StampedBody(String json, String requestId, String widgetId, String type) {
  private static final String REQUEST_ID = "requestId";

  /** Strict where lenient reading would let a re-write change what the body means. */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Numbers in fields we don't read stay exactly as sent when the body is re-written.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /**
   * Stamps {@code body} when it is a JSON object whose {@code requestId} is absent, null or empty.
   * Anything else (not JSON, not an object, duplicate keys, a non-text id) is left exactly as sent
   * for the parser to judge, so a rewrite can never turn a bad body into a good one.
   */
  static StampedBody of(String body, Supplier<String> requestIds) {
    ObjectNode object = readObject(body);
    if (object == null) {
      return new StampedBody(body, null, null, null);
    }
    String json = body;
    if (lacksRequestId(object)) {
      object.put(REQUEST_ID, requestIds.get());
      json = object.toString();
    }
    return new StampedBody(
        json, text(object, REQUEST_ID), text(object, "widgetId"), text(object, "type"));
  }

  private static boolean lacksRequestId(ObjectNode object) {
    JsonNode requestId = object.get(REQUEST_ID);
    return requestId == null
        || requestId.isNull()
        || (requestId.isTextual() && requestId.asText().isEmpty());
  }

  private static ObjectNode readObject(String body) {
    try {
      return STRICT.readTree(body) instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(ObjectNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
