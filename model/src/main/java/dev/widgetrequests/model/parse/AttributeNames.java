package dev.widgetrequests.model.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute-name rules a schema cannot state: names are unique within a request, none is a name
 * the widget or the store already uses for itself (nor starts with the stores' bookkeeping prefix
 * {@value #BOOKKEEPING_PREFIX}), and every name is at most {@value #MAX_NAME_CHARACTERS} characters
 * of printable text.
 *
 * <p>The character rule: DynamoDB takes any UTF-8 name, and the stores always pass names through
 * expression attribute names, so dots, spaces, {@code #}, {@code :} and non-ASCII letters are kept
 * (the course's samples use such names). Control and other invisible format characters, and text
 * that is not valid Unicode, are refused: they cannot be typed or shown, break shell queries, and
 * let two names that look the same differ.
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

  /** Names the stores use for their own bookkeeping attributes start with this. */
  static final String BOOKKEEPING_PREFIX = "wr_";

  /** DynamoDB allows 255 bytes for a name that is part of an index key; we keep to that. */
  static final int MAX_NAME_CHARACTERS = 255;

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
      String text = name.asText();
      if (RESERVED.contains(text)) {
        violations.add(
            new Violation(
                field,
                name + " is reserved: the widget's own fields and the store's bookkeeping use it"));
      } else if (text.startsWith(BOOKKEEPING_PREFIX)) {
        violations.add(
            new Violation(
                field,
                SchemaViolations.shown(name)
                    + " is reserved: names starting "
                    + BOOKKEEPING_PREFIX
                    + " are the store's bookkeeping"));
      }
      if (text.length() > MAX_NAME_CHARACTERS) {
        violations.add(
            new Violation(
                field,
                "must be at most "
                    + MAX_NAME_CHARACTERS
                    + " characters (got "
                    + text.length()
                    + ")"));
      }
      if (!Text.isPrintable(text)) {
        violations.add(
            new Violation(
                field,
                "must not hold control or format characters, nor be invalid Unicode (got "
                    + SchemaViolations.shown(name)
                    + ")"));
      }
      Integer first = firstIndex.putIfAbsent(name.asText(), i);
      if (first != null) {
        violations.add(
            new Violation(
                field,
                "duplicate attribute name "
                    + SchemaViolations.shown(name)
                    + " (first at otherAttributes["
                    + first
                    + "])"));
      }
    }
    return violations;
  }
}
