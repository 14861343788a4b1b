package dev.widgetrequests.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WidgetJsonTest {

  private static final Widget SMALL =
      new Widget("w-1", "Mary Matthews", "L", "D", List.of(new Attribute("color", "blue")));

  @Test
  void widget_toJson_writesFieldsInOrder() {
    assertThat(WidgetJson.toJson(SMALL))
        .isEqualTo(
            "{\"id\":\"w-1\",\"owner\":\"Mary Matthews\",\"label\":\"L\",\"description\":\"D\","
                + "\"otherAttributes\":[{\"name\":\"color\",\"value\":\"blue\"}]}");
  }

  @Test
  void widget_toJson_omitsAbsentFieldsAndEmptyAttributes() {
    Widget widget = new Widget("w-1", "Sue", null, null, List.of());
    assertThat(WidgetJson.toJson(widget)).isEqualTo("{\"id\":\"w-1\",\"owner\":\"Sue\"}");
  }

  @Test
  void widget_toJson_keepsEmptyStrings() {
    Widget widget = new Widget("w-1", "Sue", "", "", List.of(new Attribute("note", "")));
    assertThat(WidgetJson.toJson(widget))
        .isEqualTo(
            "{\"id\":\"w-1\",\"owner\":\"Sue\",\"label\":\"\",\"description\":\"\","
                + "\"otherAttributes\":[{\"name\":\"note\",\"value\":\"\"}]}");
  }

  @Test
  void widget_toJson_escapesText() {
    Widget widget = new Widget("w-1", "Sue", "say \"hi\"\n", null, List.of());
    assertThat(WidgetJson.toJson(widget)).contains("\"label\":\"say \\\"hi\\\"\\n\"");
  }

  static Stream<Widget> widgets() {
    return Stream.of(
        SMALL,
        new Widget("w-2", "Sue", null, "", List.of()),
        new Widget(
            "w-3", "Sue", "", null, List.of(new Attribute("a", ""), new Attribute("b", "é"))));
  }

  @ParameterizedTest
  @MethodSource("widgets")
  void widget_roundTrips(Widget widget) {
    assertThat(WidgetJson.widgetFromJson(WidgetJson.toJson(widget))).isEqualTo(widget);
  }

  @Test
  void widgetFromJson_readsNullFieldsAsAbsent() {
    assertThat(WidgetJson.widgetFromJson("{\"id\":\"w\",\"owner\":\"S\",\"label\":null}"))
        .isEqualTo(new Widget("w", "S", null, null, null));
  }

  @Test
  void widgetFromJson_withoutOwner_isRejected() {
    assertThatThrownBy(() -> WidgetJson.widgetFromJson("{\"id\":\"w\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner");
  }

  @Test
  void widgetFromJson_ofNonJson_isRejected() {
    assertThatThrownBy(() -> WidgetJson.widgetFromJson("nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void widgetsFromJson_readsAnArrayInOrder() {
    String json = "[" + WidgetJson.toJson(SMALL) + ",{\"id\":\"w-0\",\"owner\":\"Sue\"}]";
    assertThat(WidgetJson.widgetsFromJson(json))
        .containsExactly(SMALL, new Widget("w-0", "Sue", null, null, null));
  }

  @Test
  void createRequest_toJson_writesWireForm() {
    CreateWidget create =
        new CreateWidget("r-1", "w-1", "Sue", "L", "", List.of(new Attribute("color", "red")));
    assertThat(WidgetJson.toJson(create))
        .isEqualTo(
            "{\"type\":\"create\",\"requestId\":\"r-1\",\"widgetId\":\"w-1\",\"owner\":\"Sue\","
                + "\"label\":\"L\",\"description\":\"\","
                + "\"otherAttributes\":[{\"name\":\"color\",\"value\":\"red\"}]}");
  }

  @Test
  void updateRequest_toJson_omitsNullFields() {
    UpdateWidget update = new UpdateWidget("r-1", "w-1", "Sue", null, "D", List.of());
    assertThat(WidgetJson.toJson(update))
        .isEqualTo(
            "{\"type\":\"update\",\"requestId\":\"r-1\",\"widgetId\":\"w-1\",\"owner\":\"Sue\","
                + "\"description\":\"D\"}");
  }

  @Test
  void deleteRequest_toJson_hasOnlyTypeIdsAndOwner() {
    assertThat(WidgetJson.toJson(new DeleteWidget("r-1", "w-1", "Sue")))
        .isEqualTo(
            "{\"type\":\"delete\",\"requestId\":\"r-1\",\"widgetId\":\"w-1\",\"owner\":\"Sue\"}");
  }

  static Stream<WidgetRequest> requests() {
    List<Attribute> attributes = List.of(new Attribute("size", "3"), new Attribute("note", ""));
    return Stream.of(
        new CreateWidget("r-1", "w-1", "Sue Smith", "L", "D", attributes),
        new CreateWidget("r-1", "w-1", "Sue Smith", "", null, List.of()),
        new UpdateWidget("r-2", "w-1", "Sue Smith", null, "", attributes),
        new UpdateWidget("r-2", "w-1", "Sue Smith", null, null, List.of()),
        new DeleteWidget("r-3", "w-1", "Sue Smith"));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void request_toJson_parsesBackToAnEqualRequest(WidgetRequest request) {
    ParseResult parsed = new RequestParser().parse(WidgetJson.toJson(request));
    assertThat(parsed).isEqualTo(new ParseResult.Valid(request));
  }
}
