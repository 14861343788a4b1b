package dev.widgetrequests.model.fold;

import static dev.widgetrequests.model.fold.Streams.JOHN;
import static dev.widgetrequests.model.fold.Streams.SUE;
import static dev.widgetrequests.model.fold.Streams.create;
import static dev.widgetrequests.model.fold.Streams.delete;
import static dev.widgetrequests.model.fold.Streams.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.json.WidgetJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredHistoryTest {

  private static Folded foldAll(WidgetFold.Limits limits, KeyedRequest... requests) {
    WidgetHistory history = WidgetHistory.EMPTY;
    Folded folded = null;
    for (KeyedRequest request : requests) {
      folded = WidgetFold.fold(history, request, limits);
      history = folded.history();
    }
    return folded;
  }

  @Test
  void history_readsBackAgainstItsWidget() {
    Folded folded =
        foldAll(
            WidgetFold.Limits.DEFAULT,
            create("1", "a", SUE, "L"),
            update("2", "a", SUE, "M", "red"),
            update("3", "a", JOHN, "no", "black"));

    byte[] stored = StoredHistory.encode(folded.history(), folded.widget());

    assertThat(StoredHistory.decode(stored, folded.widget())).isEqualTo(folded.history());
  }

  @Test
  void aTombstonesHistory_readsBackWithoutAWidget() {
    Folded folded =
        foldAll(
            new WidgetFold.Limits(1, 1 << 30),
            create("1", "a", SUE, "L"),
            update("2", "a", SUE, "M", "red"),
            delete("3", "a", SUE));
    assertThat(folded.widget()).isNull();

    byte[] stored = StoredHistory.encode(folded.history(), null);

    assertThat(StoredHistory.decode(stored, null)).isEqualTo(folded.history());
  }

  @Test
  void aBaseThatIsTheWidget_isNotStoredAgain_evenForTheLargestWidget() {
    List<Attribute> attributes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      attributes.add(new Attribute(("n" + i + "-").repeat(90).substring(0, 255), "v".repeat(800)));
    }
    KeyedRequest big = new KeyedRequest("1", new CreateWidget("r", "a", SUE, "L", "D", attributes));
    Folded folded = foldAll(WidgetFold.Limits.DEFAULT, big);
    int widgetBytes = WidgetJson.toJson(folded.widget()).getBytes(StandardCharsets.UTF_8).length;
    assertThat(folded.history().base()).isEqualTo(folded.widget());

    byte[] stored = StoredHistory.encode(folded.history(), folded.widget());

    assertThat(widgetBytes).isGreaterThan(200_000);
    assertThat(stored.length).isLessThan(200);
    assertThat(StoredHistory.decode(stored, folded.widget())).isEqualTo(folded.history());
  }

  @Test
  void aCreateKeptInTheHistory_costsFarLessThanASecondCopyOfTheWidget() {
    List<Attribute> attributes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      attributes.add(new Attribute("attribute-" + i, "a value of some length " + i));
    }
    Folded folded =
        foldAll(
            WidgetFold.Limits.DEFAULT,
            new KeyedRequest(
                "1615728964574-0000-0a1b2c3d",
                new CreateWidget(
                    "8123f304-f23f-440b-a6d3-80e979fa4cd6",
                    "8123f304-f23f-440b-a6d3-80e979fa4cd6",
                    "Mary Matthews",
                    "JWJYY",
                    "THBRNVNQPYAWNHGRGUKIOWCKXIVNDLWOIQTADHVEVMUAJWDONEJUGWTPODXIZUHSI",
                    attributes)));
    int plain = HistoryJson.toJson(folded.history()).getBytes(StandardCharsets.UTF_8).length;
    int widget = WidgetJson.toJson(folded.widget()).getBytes(StandardCharsets.UTF_8).length;

    byte[] stored = StoredHistory.encode(folded.history(), folded.widget());

    assertThat(stored.length).isLessThan(widget / 3).isLessThan(plain / 4);
  }

  @Test
  void aHistoryReadAgainstAnotherWidget_failsLoudly() {
    Folded folded = foldAll(WidgetFold.Limits.DEFAULT, create("1", "a", SUE, "L"));
    byte[] stored = StoredHistory.encode(folded.history(), folded.widget());
    Widget other = new Widget("a", SUE, "other", null, List.of());

    assertThatThrownBy(() -> StoredHistory.decode(stored, other))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
