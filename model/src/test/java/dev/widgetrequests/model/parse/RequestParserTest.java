package dev.widgetrequests.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.WidgetRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final RequestParser parser = new RequestParser();

  /** A valid create request with every field. */
  static ObjectNode request() {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "create")
        .put("requestId", "e80fab52-71a5-4a76-8c4d-11b66b83ca2a")
        .put("widgetId", "8123f304-f23f-440b-a6d3-80e979fa4cd6")
        .put("owner", "Mary Matthews")
        .put("label", "JWJYY")
        .put("description", "THBRNVNQ");
    ArrayNode attributes = body.putArray("otherAttributes");
    attributes.addObject().put("name", "width-unit").put("value", "cm");
    attributes.addObject().put("name", "rating").put("value", "2.58");
    return body;
  }

  WidgetRequest valid(ObjectNode body) {
    ParseResult result = parser.parse(body.toString());
    assertThat(result).isInstanceOf(ParseResult.Valid.class);
    return ((ParseResult.Valid) result).request();
  }

  List<String> violations(String body) {
    ParseResult result = parser.parse(body);
    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid) result).violations().stream().map(Violation::toString).toList();
  }

  List<String> violations(ObjectNode body) {
    return violations(body.toString());
  }

  @Test
  void create_withAllFields_givesCreateWidget() {
    assertThat(valid(request()))
        .isEqualTo(
            new CreateWidget(
                "e80fab52-71a5-4a76-8c4d-11b66b83ca2a",
                "8123f304-f23f-440b-a6d3-80e979fa4cd6",
                "Mary Matthews",
                "JWJYY",
                "THBRNVNQ",
                List.of(new Attribute("width-unit", "cm"), new Attribute("rating", "2.58"))));
  }

  @Test
  void update_givesUpdateWidget() {
    assertThat(valid(request().put("type", "update"))).isInstanceOf(UpdateWidget.class);
  }

  @Test
  void delete_givesDeleteWidgetWithIdsAndOwner() {
    assertThat(valid(request().put("type", "delete")))
        .isEqualTo(
            new DeleteWidget(
                "e80fab52-71a5-4a76-8c4d-11b66b83ca2a",
                "8123f304-f23f-440b-a6d3-80e979fa4cd6",
                "Mary Matthews"));
  }

  @ParameterizedTest
  @CsvSource({
    "WidgetCreateRequest,create",
    "WidgetUpdateRequest,update",
    "WidgetDeleteRequest,delete"
  })
  void type_courseSchemaAlias_isAccepted(String alias, String type) {
    assertThat(valid(request().put("type", alias)).type()).isEqualTo(type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad", "Create", "CREATE", " create", "create\n", ""})
  void type_otherValue_isRejected(String type) {
    assertThat(violations(request().put("type", type)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("type: must be one of create, update, delete (got ");
  }

  @Test
  void type_bad_namesTheValue() {
    assertThat(violations(request().put("type", "bad")))
        .containsExactly("type: must be one of create, update, delete (got \"bad\")");
  }

  @Test
  void type_number_isRejected() {
    assertThat(violations(request().put("type", 1)))
        .containsExactly("type: must be one of create, update, delete (got 1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"type", "requestId", "widgetId", "owner"})
  void requiredField_missing_isRequired(String field) {
    ObjectNode body = request();
    body.remove(field);
    assertThat(violations(body)).containsExactly(field + ": is required");
  }

  @Test
  void requestId_empty_isRejected() {
    assertThat(violations(request().put("requestId", "")))
        .containsExactly("requestId: must be a non-empty string (got \"\")");
  }

  @Test
  void requestId_number_isRejected() {
    assertThat(violations(request().put("requestId", 42)))
        .containsExactly("requestId: must be a non-empty string (got 42)");
  }

  @Test
  void requestId_null_isRejected() {
    assertThat(violations(request().putNull("requestId")))
        .containsExactly("requestId: must be a non-empty string (got null)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad", "a", "A.b_c:d-e", "_x", ":x", "-x", "0"})
  void widgetId_ofAllowedCharacters_isAccepted(String widgetId) {
    assertThat(valid(request().put("widgetId", widgetId)).widgetId()).isEqualTo(widgetId);
  }

  @Test
  void widgetId_of128Characters_isAccepted() {
    assertThat(valid(request().put("widgetId", "w".repeat(128))).widgetId()).hasSize(128);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".hidden", "..", "a/b", "a b", "a%20", "é", "abc\n", "a\nb"})
  void widgetId_notASafeKeySegment_isRejected(String widgetId) {
    assertThat(violations(request().put("widgetId", widgetId)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith(
            "widgetId: must be 1 to 128 characters of A-Z a-z 0-9 . _ : - and not start with '.'");
  }

  @Test
  void widgetId_startingWithDot_isRejected() {
    assertThat(violations(request().put("widgetId", ".x")))
        .containsExactly(
            "widgetId: must be 1 to 128 characters of A-Z a-z 0-9 . _ : - and not start with '.'"
                + " (got \".x\")");
  }

  @Test
  void widgetId_of129Characters_isRejectedWithItsLength() {
    assertThat(violations(request().put("widgetId", "w".repeat(129))))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .endsWith("...\" (129 characters))");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mary", "Mary Matthews", " Mary ", "x"})
  void owner_ofLettersAndSpaces_isAccepted(String owner) {
    assertThat(valid(request().put("owner", owner)).owner()).isEqualTo(owner);
  }

  @Test
  void owner_of128Letters_isAccepted() {
    assertThat(valid(request().put("owner", "M".repeat(128))).owner()).hasSize(128);
  }

  @Test
  void owner_withDigits_isRejected() {
    assertThat(violations(request().put("owner", "Mary 2")))
        .containsExactly(
            "owner: must be letters and spaces only, with at least one letter, at most 128"
                + " characters (got \"Mary 2\")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "     ", "Mary-Ann", "Mary\tAnn", "Mary\n", "Zoë", "O'Neil"})
  void owner_notLettersAndSpacesWithALetter_isRejected(String owner) {
    assertThat(violations(request().put("owner", owner)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("owner: must be letters and spaces only");
  }

  @Test
  void owner_ofOnlySpaces_isRejected() {
    assertThat(violations(request().put("owner", "   ")))
        .containsExactly(
            "owner: must be letters and spaces only, with at least one letter, at most 128"
                + " characters (got \"   \")");
  }

  @Test
  void owner_of129Letters_isOneViolation() {
    assertThat(violations(request().put("owner", "M".repeat(129))))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("owner: must be letters and spaces only")
        .endsWith("(129 characters))");
  }

  @Test
  void owner_null_isRejected() {
    assertThat(violations(request().putNull("owner")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .endsWith("(got null)");
  }

  @Test
  void optionalFields_null_areAccepted() {
    ObjectNode body = request();
    body.putNull("label").putNull("description").putNull("otherAttributes");
    assertThat(valid(body))
        .isEqualTo(
            new CreateWidget(
                body.get("requestId").asText(),
                body.get("widgetId").asText(),
                "Mary Matthews",
                null,
                null,
                List.of()));
  }

  @Test
  void optionalFields_absent_readAsNull() {
    ObjectNode body = request();
    body.remove(List.of("label", "description", "otherAttributes"));
    CreateWidget create = (CreateWidget) valid(body);
    assertThat(create.label()).isNull();
    assertThat(create.description()).isNull();
    assertThat(create.otherAttributes()).isEmpty();
  }

  @Test
  void optionalFields_emptyStrings_areKept() {
    UpdateWidget update =
        (UpdateWidget)
            valid(request().put("type", "update").put("label", "").put("description", ""));
    assertThat(update.label()).isEmpty();
    assertThat(update.description()).isEmpty();
  }

  @Test
  void label_number_isRejected() {
    assertThat(violations(request().put("label", 5).put("description", true)))
        .containsExactly(
            "label: must be a string or null (got 5)",
            "description: must be a string or null (got true)");
  }

  @Test
  void unknownProperties_areIgnored() {
    ObjectNode body = request().put("extra", "x");
    body.putObject("nested").put("a", 1);
    assertThat(valid(body)).isEqualTo(valid(request()));
  }

  @Test
  void otherAttributes_emptyArray_isAccepted() {
    ObjectNode body = request();
    body.putArray("otherAttributes");
    assertThat(((CreateWidget) valid(body)).otherAttributes()).isEmpty();
  }

  @Test
  void otherAttributes_notAnArray_isRejected() {
    assertThat(violations(request().put("otherAttributes", "color=red")))
        .containsExactly(
            "otherAttributes: must be an array of name/value objects, or null (got \"color=red\")");
  }

  @Test
  void otherAttributes_everyEntryIsChecked() {
    ObjectNode body = request();
    ArrayNode attributes = (ArrayNode) body.get("otherAttributes");
    attributes.add(7);
    attributes.addObject().put("value", "x");
    attributes.addObject().put("name", "").put("value", "x");
    attributes.addObject().put("name", "n").put("value", 3);
    attributes.addObject().put("name", "m");
    assertThat(violations(body))
        .containsExactlyInAnyOrder(
            "otherAttributes[2]: must be an object with a \"name\" and a \"value\" (got 7)",
            "otherAttributes[3].name: is required",
            "otherAttributes[4].name: must be a non-empty string (got \"\")",
            "otherAttributes[5].value: must be a string (got 3)",
            "otherAttributes[6].value: is required");
  }

  @Test
  void otherAttributes_duplicateName_isRejected() {
    ObjectNode body = request();
    ((ArrayNode) body.get("otherAttributes"))
        .addObject()
        .put("name", "width-unit")
        .put("value", "in");
    assertThat(violations(body))
        .containsExactly(
            "otherAttributes[2].name: duplicate attribute name \"width-unit\" (first at"
                + " otherAttributes[0])");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "widget_id",
        "owner",
        "label",
        "description",
        "otherAttributes",
        "last_modified_on",
        "last_request_id",
        "attribute_order"
      })
  void otherAttributes_reservedName_isRejected(String name) {
    ObjectNode body = request();
    ((ArrayNode) body.get("otherAttributes")).addObject().put("name", name).put("value", "x");
    assertThat(RequestParser.RESERVED_ATTRIBUTE_NAMES).contains(name);
    assertThat(violations(body))
        .containsExactly(
            "otherAttributes[2].name: \""
                + name
                + "\" is reserved: the widget's own fields and the store's bookkeeping use it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wr_version", "wr_history", "wr_tombstone", "wr_anything"})
  void otherAttributes_bookkeepingPrefix_isRejected(String name) {
    ObjectNode body = request();
    ((ArrayNode) body.get("otherAttributes")).addObject().put("name", name).put("value", "x");
    assertThat(violations(body))
        .containsExactly(
            "otherAttributes[2].name: \""
                + name
                + "\" is reserved: names starting wr_ are the store's bookkeeping");
  }

  @Test
  void allViolations_areReportedAtOnce() {
    ObjectNode body =
        JSON.createObjectNode().put("type", "bad").put("widgetId", ".x").put("owner", "R2D2");
    ArrayNode attributes = body.putArray("otherAttributes");
    attributes.addObject().put("name", "owner").put("value", "x");
    attributes.addObject().put("name", "color").put("value", "y");
    attributes.addObject().put("name", "color").put("value", "z");
    assertThat(violations(body))
        .hasSize(6)
        .anyMatch(v -> v.startsWith("type: must be one of"))
        .contains("requestId: is required")
        .anyMatch(v -> v.startsWith("widgetId: must be"))
        .anyMatch(v -> v.startsWith("owner: must be letters"))
        .anyMatch(v -> v.startsWith("otherAttributes[0].name: \"owner\" is reserved"))
        .anyMatch(v -> v.startsWith("otherAttributes[2].name: duplicate attribute name"));
  }

  @Test
  void messages_carryNoValidatorNoise() {
    ObjectNode body = request().put("type", 3).put("owner", "");
    ((ArrayNode) body.get("otherAttributes")).add("x");
    assertThat(violations(body)).noneMatch(v -> v.contains("$") || v.contains("#/"));
  }
}
