package dev.widgetrequests.model.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one request may cost, beyond the schema: at most {@value #MAX_ATTRIBUTES} attributes (each
 * is its own top-level DynamoDB attribute, and an item holds at most 400 KB), and text the stores
 * can write (valid Unicode).
 */
final class RequestLimits {
  static final int MAX_ATTRIBUTES = 200;

  private static final List<String> TEXT_FIELDS = List.of("requestId", "label", "description");

  private RequestLimits() {}

  static List<Violation> check(JsonNode request) {
    List<Violation> violations = new ArrayList<>();
    JsonNode attributes = request.path("otherAttributes");
    if (attributes.size() > MAX_ATTRIBUTES) {
      violations.add(
          new Violation(
              "otherAttributes",
              "must have at most "
                  + MAX_ATTRIBUTES
                  + " attributes (got "
                  + attributes.size()
                  + ")"));
    }
    for (String field : TEXT_FIELDS) {
      checkUnicode(request.path(field), field, violations);
    }
    for (int i = 0; i < attributes.size(); i++) {
      checkUnicode(
          attributes.path(i).path("value"), "otherAttributes[" + i + "].value", violations);
    }
    return violations;
  }

  private static void checkUnicode(JsonNode value, String field, List<Violation> violations) {
    if (value.isTextual() && !Text.isValidUnicode(value.asText())) {
      violations.add(
          new Violation(field, "must be valid Unicode text (has an unpaired surrogate)"));
    }
  }
}
