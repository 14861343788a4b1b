package dev.widgetrequests.model.apply;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestApplierTest {

  private static final String ID = "w-1";
  private static final String OWNER = "Mary Matthews";

  private static final Widget STORED =
      new Widget(
          ID,
          OWNER,
          "LABEL",
          "DESCRIPTION",
          List.of(attr("color", "blue"), attr("size", "3"), attr("vendor", "ACME")));

  static Attribute attr(String name, String value) {
    return new Attribute(name, value);
  }

  static UpdateWidget update(String label, String description, Attribute... attributes) {
    return new UpdateWidget("r-2", ID, OWNER, label, description, List.of(attributes));
  }

  static Widget put(WidgetRequest request, Optional<Widget> current) {
    Change change = RequestApplier.apply(request, current);
    assertThat(change).isInstanceOf(Change.Put.class);
    return ((Change.Put) change).widget();
  }

  static String skipped(WidgetRequest request, Optional<Widget> current) {
    Change change = RequestApplier.apply(request, current);
    assertThat(change).isInstanceOf(Change.Skip.class);
    return ((Change.Skip) change).warning();
  }

  @Test
  void create_whenMissing_putsWidgetWithAllRequestData() {
    CreateWidget create =
        new CreateWidget("r-1", ID, OWNER, "L", "D", List.of(attr("color", "red")));
    assertThat(put(create, Optional.empty()))
        .isEqualTo(new Widget(ID, OWNER, "L", "D", List.of(attr("color", "red"))));
  }

  @Test
  void create_withEmptyStrings_storesThemAsGiven() {
    CreateWidget create = new CreateWidget("r-1", ID, OWNER, "", "", List.of(attr("note", "")));
    assertThat(put(create, Optional.empty()))
        .isEqualTo(new Widget(ID, OWNER, "", "", List.of(attr("note", ""))));
  }

  @Test
  void create_withoutLabelOrDescription_leavesThemAbsent() {
    CreateWidget create = new CreateWidget("r-1", ID, OWNER, null, null, null);
    assertThat(put(create, Optional.empty())).isEqualTo(new Widget(ID, OWNER, null, null, null));
  }

  @Test
  void create_whenSameOwnersWidgetExists_replacesIt() {
    CreateWidget create = new CreateWidget("r-1", ID, OWNER, "NEW", null, List.of());
    assertThat(put(create, Optional.of(STORED)))
        .isEqualTo(new Widget(ID, OWNER, "NEW", null, List.of()));
  }

  @Test
  void create_whenAnotherOwnersWidgetExists_changesNothingAndWarns() {
    CreateWidget create = new CreateWidget("r-1", ID, "Sue Smith", "NEW", null, List.of());
    assertThat(skipped(create, Optional.of(STORED)))
        .contains(ID, "belongs to Mary Matthews", "not Sue Smith", "create ignored");
  }

  @Test
  void update_whenMissing_changesNothingAndWarns() {
    assertThat(skipped(update("L", null), Optional.empty()))
        .isEqualTo("widget w-1 does not exist; update ignored");
  }

  @Test
  void update_whenOwnerDiffers_changesNothingAndWarns() {
    UpdateWidget update = new UpdateWidget("r-2", ID, "Sue Smith", "L", null, List.of());
    assertThat(skipped(update, Optional.of(STORED)))
        .isEqualTo(
            "widget w-1 belongs to Mary Matthews, not Sue Smith; update ignored"
                + " (the owner of a widget never changes)");
  }

  @Test
  void update_withNullLabelAndDescription_keepsThem() {
    Widget updated = put(update(null, null), Optional.of(STORED));
    assertThat(updated.label()).isEqualTo("LABEL");
    assertThat(updated.description()).isEqualTo("DESCRIPTION");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",\"label\":null,\"description\":null"})
  void update_parsedWithLabelAbsentOrNull_keepsLabelAndDescription(String fields) {
    String body =
        "{\"type\":\"update\",\"requestId\":\"r-2\",\"widgetId\":\"w-1\","
            + "\"owner\":\"Mary Matthews\""
            + fields
            + "}";
    WidgetRequest update = ((ParseResult.Valid) new RequestParser().parse(body)).request();
    assertThat(put(update, Optional.of(STORED))).isEqualTo(STORED);
  }

  @Test
  void update_withEmptyLabel_removesLabel() {
    assertThat(put(update("", null), Optional.of(STORED)).label()).isNull();
  }

  @Test
  void update_withEmptyDescription_removesDescription() {
    assertThat(put(update(null, ""), Optional.of(STORED)).description()).isNull();
  }

  @Test
  void update_withValues_setsLabelAndDescription() {
    Widget updated = put(update("NEW", "TEXT"), Optional.of(STORED));
    assertThat(updated.label()).isEqualTo("NEW");
    assertThat(updated.description()).isEqualTo("TEXT");
  }

  @Test
  void update_withLabel_setsAbsentLabel() {
    Widget stored = new Widget(ID, OWNER, null, null, List.of());
    assertThat(put(update("NEW", null), Optional.of(stored)).label()).isEqualTo("NEW");
  }

  @Test
  void update_withExistingAttribute_replacesItsValueInPlace() {
    assertThat(put(update(null, null, attr("size", "4")), Optional.of(STORED)).otherAttributes())
        .containsExactly(attr("color", "blue"), attr("size", "4"), attr("vendor", "ACME"));
  }

  @Test
  void update_withNewAttribute_appendsIt() {
    assertThat(put(update(null, null, attr("note", "N")), Optional.of(STORED)).otherAttributes())
        .containsExactly(
            attr("color", "blue"), attr("size", "3"), attr("vendor", "ACME"), attr("note", "N"));
  }

  @Test
  void update_withEmptyAttributeValue_removesThatAttribute() {
    assertThat(put(update(null, null, attr("size", "")), Optional.of(STORED)).otherAttributes())
        .containsExactly(attr("color", "blue"), attr("vendor", "ACME"));
  }

  @Test
  void update_withEmptyValueOfUnknownAttribute_changesNoAttribute() {
    assertThat(put(update(null, null, attr("note", "")), Optional.of(STORED)).otherAttributes())
        .isEqualTo(STORED.otherAttributes());
  }

  @Test
  void update_mergesAttributesInOrder_replacingAppendingAndRemoving() {
    UpdateWidget update =
        update(null, null, attr("note", "N"), attr("vendor", "OTHER"), attr("color", ""));
    assertThat(put(update, Optional.of(STORED)).otherAttributes())
        .containsExactly(attr("size", "3"), attr("vendor", "OTHER"), attr("note", "N"));
  }

  @Test
  void update_withoutAttributes_keepsAllAttributes() {
    assertThat(put(update("NEW", null), Optional.of(STORED)).otherAttributes())
        .isEqualTo(STORED.otherAttributes());
  }

  @Test
  void update_thatChangesNothing_stillPutsTheSameWidget() {
    assertThat(put(update(null, null), Optional.of(STORED))).isEqualTo(STORED);
  }

  @Test
  void delete_whenMissing_changesNothingAndWarns() {
    assertThat(skipped(new DeleteWidget("r-3", ID, OWNER), Optional.empty()))
        .isEqualTo("widget w-1 does not exist; delete ignored");
  }

  @Test
  void delete_whenOwnerDiffers_changesNothingAndWarns() {
    assertThat(skipped(new DeleteWidget("r-3", ID, "Sue Smith"), Optional.of(STORED)))
        .contains(ID, "belongs to Mary Matthews", "not Sue Smith", "delete ignored");
  }

  @Test
  void delete_whenOwnerMatches_removesStoredWidget() {
    assertThat(RequestApplier.apply(new DeleteWidget("r-3", ID, OWNER), Optional.of(STORED)))
        .isEqualTo(new Change.Remove(STORED));
  }

  @Test
  void warnings_areOneLine() {
    assertThat(skipped(new DeleteWidget("r-3", ID, "Sue Smith"), Optional.of(STORED)))
        .doesNotContain("\n");
  }

  @Test
  void apply_withAnotherWidgetAsCurrent_isRejected() {
    Widget other = new Widget("w-2", OWNER, null, null, null);
    assertThatThrownBy(() -> RequestApplier.apply(update(null, null), Optional.of(other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w-2");
  }
}
