package dev.widgetrequests.aws.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.Widget;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class WidgetItemTest {
  private static final Instant NOW = Instant.parse("2021-02-02T22:52:48.338Z");
  private final WidgetItem items = new WidgetItem("id");

  @Test
  void toItem_flattensEveryFieldToATopLevelString() {
    Widget widget =
        new Widget(
            "w1",
            "Mary Matthews",
            "JWJYY",
            "",
            List.of(new Attribute("width-unit", "cm"), new Attribute("rating", "2.5")));

    assertThat(items.toItem(widget, "r1", NOW))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "id", fromS("w1"),
                "owner", fromS("Mary Matthews"),
                "label", fromS("JWJYY"),
                "description", fromS(""),
                "width-unit", fromS("cm"),
                "rating", fromS("2.5"),
                "last_modified_on", fromS("2021-02-02T22:52:48.338Z"),
                "last_request_id", fromS("r1"),
                "attribute_order", fromL(List.of(fromS("width-unit"), fromS("rating")))));
  }

  @Test
  void toItem_absentFields_areNotWritten() {
    Widget widget = new Widget("w1", "Sue Smith", null, null, List.of());

    assertThat(items.toItem(widget, null, NOW))
        .containsOnlyKeys("id", "owner", "last_modified_on", "attribute_order");
  }

  @Test
  void toItem_timeWithoutMilliseconds_stillHasThreeFractionDigits() {
    Widget widget = new Widget("w1", "Sue Smith", null, null, List.of());

    assertThat(items.toItem(widget, "r", Instant.parse("2021-02-02T22:52:48Z")))
        .containsEntry("last_modified_on", fromS("2021-02-02T22:52:48.000Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "owner",
        "label",
        "description",
        "last_modified_on",
        "last_request_id",
        "attribute_order"
      })
  void toItem_attributeNamedLikeKeyFieldOrBookkeeping_isRefused(String name) {
    Widget widget = new Widget("w1", "Sue Smith", null, null, List.of(new Attribute(name, "x")));

    assertThatThrownBy(() -> items.toItem(widget, "r", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }

  @Test
  void toItem_customKeyAttribute_isRefusedAsAttributeNameButIdIsNot() {
    WidgetItem custom = new WidgetItem("widget_id");
    Widget clashing =
        new Widget("w1", "Sue Smith", null, null, List.of(new Attribute("widget_id", "x")));
    Widget withId = new Widget("w1", "Sue Smith", null, null, List.of(new Attribute("id", "x")));

    assertThatThrownBy(() -> custom.toItem(clashing, "r", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(custom.toItem(withId, "r", NOW))
        .containsEntry("widget_id", fromS("w1"))
        .containsEntry("id", fromS("x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "owner", "last_modified_on", "attribute_order"})
  void keyAttribute_namedLikeAFieldOrBookkeeping_isRefused(String keyAttribute) {
    assertThatThrownBy(() -> new WidgetItem(keyAttribute))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromItem_ofToItem_givesTheWidgetBackInOrder() {
    Widget widget =
        new Widget(
            "w1",
            "Mary Matthews",
            "",
            null,
            List.of(
                new Attribute("zeta", "1"), new Attribute("alpha", ""), new Attribute("m", "3")));

    assertThat(items.fromItem(items.toItem(widget, "r", NOW))).isEqualTo(widget);
  }

  @Test
  void fromItem_attributesMissingFromOrder_areAppendedByName() {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", fromS("w1"));
    item.put("owner", fromS("Sue Smith"));
    item.put("zeta", fromS("z"));
    item.put("beta", fromS("b"));
    item.put("alpha", fromS("a"));
    item.put("attribute_order", fromL(List.of(fromS("zeta"), fromS("gone"))));

    assertThat(items.fromItem(item).otherAttributes())
        .containsExactly(
            new Attribute("zeta", "z"), new Attribute("alpha", "a"), new Attribute("beta", "b"));
  }

  @Test
  void fromItem_writtenByAnotherTool_readsNumbersAndBooleansAsText() {
    Map<String, AttributeValue> item =
        Map.of(
            "id", fromS("w1"),
            "owner", fromS("Sue Smith"),
            "size", fromN("926"),
            "fragile", fromBool(true),
            "tags", fromL(List.of(fromS("x"))),
            "last_modified_on", fromS("2021-02-02T22:52:48.338Z"));

    Widget widget = items.fromItem(item);

    assertThat(widget.label()).isNull();
    assertThat(widget.otherAttributes())
        .containsExactly(new Attribute("fragile", "true"), new Attribute("size", "926"));
  }
}
