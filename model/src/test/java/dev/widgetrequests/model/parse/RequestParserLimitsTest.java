package dev.widgetrequests.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The limits that keep one hostile request cheap and harmless to the stores. */
class RequestParserLimitsTest {
  private final RequestParser parser = new RequestParser();

  private List<String> violations(String body) {
    ParseResult result = parser.parse(body);
    assertThat(result)
        .as(body.length() > 200 ? body.substring(0, 200) : body)
        .isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid) result).violations().stream().map(Violation::toString).toList();
  }

  private static ObjectNode withAttribute(String name, String value) {
    ObjectNode body = RequestParserTest.request();
    ((ArrayNode) body.get("otherAttributes")).addObject().put("name", name).put("value", value);
    return body;
  }

  @Test
  void nestingDeeperThanTheLimit_isOneViolation_notAStackOverflow() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    assertThat(violations(deep)).containsExactly("body: nested deeper than 32 levels");
  }

  @Test
  void nestingWithinTheLimit_inAnIgnoredField_isFine() {
    ObjectNode body = RequestParserTest.request();
    String json =
        body.toString()
            .replace("{\"type\"", "{\"x\":" + "[".repeat(20) + "]".repeat(20) + ",\"type\"");

    assertThat(parser.parse(json)).isInstanceOf(ParseResult.Valid.class);
  }

  @Test
  void moreThan200Attributes_isRefused() {
    ObjectNode body = RequestParserTest.request();
    ArrayNode attributes = body.putArray("otherAttributes");
    for (int i = 0; i < 2_000; i++) {
      attributes.addObject().put("name", "a" + i).put("value", "v");
    }

    assertThat(violations(body.toString()))
        .containsExactly("otherAttributes: must have at most 200 attributes (got 2000)");
  }

  @Test
  void exactly200Attributes_isFine() {
    ObjectNode body = RequestParserTest.request();
    ArrayNode attributes = body.putArray("otherAttributes");
    for (int i = 0; i < 200; i++) {
      attributes.addObject().put("name", "a" + i).put("value", "v");
    }

    assertThat(parser.parse(body.toString())).isInstanceOf(ParseResult.Valid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wr_version", "wr_history", "wr_tombstone", "wr_anything", "id", "owner"})
  void reservedNames_andTheBookkeepingPrefix_areRefused(String name) {
    assertThat(violations(withAttribute(name, "x").toString()))
        .singleElement()
        .asString()
        .startsWith("otherAttributes[2].name: \"" + name + "\" is reserved");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b",
        "tab\there",
        "new\nline",
        "\u007f",
        "\u0085",
        "zero\u200bwidth",
        "\u202egnp.exe",
        "\ufeffbom",
        "\ud800",
        "x\udc00",
        "\uffff"
      })
  void namesWithControlFormatOrBrokenCharacters_areRefused(String name) {
    assertThat(violations(withAttribute(name, "x").toString()))
        .anyMatch(v -> v.contains("must not hold control or format characters"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a.b", "dimensions.width", "color name", "größe", "#hash", ":colon", "x-y_z"})
  void dottedSpacedAndNonAsciiNames_areKept(String name) {
    assertThat(parser.parse(withAttribute(name, "x").toString()))
        .isInstanceOf(ParseResult.Valid.class);
  }

  @Test
  void overLongNames_areRefused() {
    assertThat(violations(withAttribute("n".repeat(256), "x").toString()))
        .containsExactly("otherAttributes[2].name: must be at most 255 characters (got 256)");
    assertThat(parser.parse(withAttribute("n".repeat(255), "x").toString()))
        .isInstanceOf(ParseResult.Valid.class);
  }

  @Test
  void unpairedSurrogatesInAnyText_areRefused() {
    ObjectNode body = withAttribute("ok", "bad\ud800");
    body.put("label", "\udfff").put("description", "x\ud83d").put("requestId", "\ud800id");

    assertThat(violations(body.toString()))
        .containsExactlyInAnyOrder(
            "requestId: must be valid Unicode text (has an unpaired surrogate)",
            "label: must be valid Unicode text (has an unpaired surrogate)",
            "description: must be valid Unicode text (has an unpaired surrogate)",
            "otherAttributes[2].value: must be valid Unicode text (has an unpaired surrogate)");
  }

  @Test
  void pairedSurrogates_areFine() {
    ObjectNode body = withAttribute("emoji", "\ud83d\ude00");
    body.put("label", "🙂");

    assertThat(parser.parse(body.toString())).isInstanceOf(ParseResult.Valid.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a/b",
        "../victim",
        "..",
        ".hidden",
        "a\u0000",
        "ü",
        "a b",
        "a\nb",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ""
      })
  void widgetIdsThatAreNoSafeKeySegment_areRefused(String widgetId) {
    ObjectNode body = RequestParserTest.request().put("widgetId", widgetId);

    assertThat(violations(body.toString())).anyMatch(v -> v.startsWith("widgetId: "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mary/Matthews",
        "..",
        "Mary\nMatthews",
        "Mary\u0000",
        "Zoë",
        "Mary.M",
        "   ",
        "Mary\n"
      })
  void ownersThatAreNotLettersAndSpaces_areRefused(String owner) {
    ObjectNode body = RequestParserTest.request().put("owner", owner);

    assertThat(violations(body.toString())).anyMatch(v -> v.startsWith("owner: "));
  }
}
