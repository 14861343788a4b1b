package dev.widgetrequests.model.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/**
 * Turns the validator's messages into violations a person can read: the field as a path into the
 * request ({@code otherAttributes[2].name}) and the field's rule, which is the {@code description}
 * of that field in the schema, followed by the value it got. Several broken keywords of one field
 * (say {@code pattern} and {@code maxLength}) thus read the same and collapse into one violation.
 */
final class SchemaViolations {

  private static final int SHOWN_CHARACTERS = 40;

  private final JsonNode schema;

  SchemaViolations(JsonNode schema) {
    this.schema = schema;
  }

  Violation toViolation(ValidationMessage message, JsonNode request) {
    JsonNodePath at = message.getInstanceLocation();
    if ("required".equals(message.getType())) {
      return new Violation(join(field(at), message.getProperty()), "is required");
    }
    String rule = ruleAt(at);
    String text = rule == null ? message.getMessage() : rule;
    String field = at.getNameCount() == 0 ? "body" : field(at);
    return new Violation(field, text + " (got " + shown(valueAt(request, at)) + ")");
  }

  /** The {@code description} of the schema that applies at this instance location. */
  private String ruleAt(JsonNodePath at) {
    if (at.getNameCount() == 0) {
      return null; // the root's description documents the schema; it is no rule
    }
    JsonNode node = schema;
    for (int i = 0; i < at.getNameCount(); i++) {
      node =
          at.getElement(i) instanceof Integer
              ? node.path("items")
              : node.path("properties").path(at.getName(i));
    }
    JsonNode description = node.path("description");
    return description.isTextual() ? description.asText() : null;
  }

  private static JsonNode valueAt(JsonNode request, JsonNodePath at) {
    JsonNode node = request;
    for (int i = 0; i < at.getNameCount(); i++) {
      node =
          at.getElement(i) instanceof Integer index ? node.path(index) : node.path(at.getName(i));
    }
    return node;
  }

  /** The value as JSON text, cut short (with its length) when it is long. */
  static String shown(JsonNode value) {
    if (value.isMissingNode()) {
      return "nothing";
    }
    if (value.isTextual() && value.asText().length() > SHOWN_CHARACTERS) {
      String text = value.asText();
      String head = new TextNode(text.substring(0, SHOWN_CHARACTERS)).toString();
      return head.substring(0, head.length() - 1) + "...\" (" + text.length() + " characters)";
    }
    String json = value.toString();
    return json.length() > SHOWN_CHARACTERS ? json.substring(0, SHOWN_CHARACTERS) + "..." : json;
  }

  /** {@code $.otherAttributes[2].name} becomes {@code otherAttributes[2].name}; the root is "". */
  static String field(JsonNodePath at) {
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < at.getNameCount(); i++) {
      if (at.getElement(i) instanceof Integer index) {
        field.append('[').append(index).append(']');
      } else {
        field.append(field.isEmpty() ? "" : ".").append(at.getName(i));
      }
    }
    return field.toString();
  }

  private static String join(String parent, String property) {
    return parent.isEmpty() ? property : parent + "." + property;
  }
}
