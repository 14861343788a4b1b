package dev.widgetrequests.model.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute-name rules a schema cannot state: names are unique within a request, and none is a
 * name the widget or the store already uses for itself.
 */
final class AttributeNames {

  /**
   * Names an attribute may not have. DynamoDB flattens every attribute to a top-level attribute of
   * the item, so one of these would overwrite the key (either key name the stores use), the owner
   * or the bookkeeping.
   */
  static final Set<String> RESERVED =
      Set.of(
          "id",
          "widget_id",
          "owner",
          "label",
          "description",
          "otherAttributes",
          "last_modified_on",
          "last_request_id",
          "attribute_order");

  /** Names starting with this are the DynamoDB store's bookkeeping ({@code wr_version}, ...). */
  static final String RESERVED_PREFIX = "wr_";

  private AttributeNames() {}

  /** Violations of the name rules; entries whose name is not a string are the schema's concern. */
  static List<Violation> check(JsonNode attributes) {
    List<Violation> violations = new ArrayList<>();
    if (!attributes.isArray()) {
      return violations;
    }
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < attributes.size(); i++) {
      JsonNode name = attributes.get(i).path("name");
      if (!name.isTextual()) {
        continue;
      }
      String field = "otherAttributes[" + i + "].name";
      if (RESERVED.contains(name.asText()) || name.asText().startsWith(RESERVED_PREFIX)) {
        violations.add(
            new Violation(
                field,
                name + " is reserved: the widget's own fields and the store's bookkeeping use it"));
      }
      Integer first = firstIndex.putIfAbsent(name.asText(), i);
      if (first != null) {
        violations.add(
            new Violation(
                field,
                "duplicate attribute name " + name + " (first at otherAttributes[" + first + "])"));
      }
    }
    return violations;
  }
}
