package dev.widgetrequests.model.fold;

import static dev.widgetrequests.model.fold.Streams.JOHN;
import static dev.widgetrequests.model.fold.Streams.SUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {

  @Test
  void roundTrip_keepsBaseNullsEmptiesAndOrder() {
    WidgetHistory history =
        new WidgetHistory(
            "0001",
            new Widget(
                "a", SUE, "", null, List.of(new Attribute("b", "2"), new Attribute("a", "1"))),
            List.of(
                new KeyedRequest(
                    "0002",
                    new UpdateWidget("r2", "a", SUE, null, "", List.of(new Attribute("a", "")))),
                Streams.delete("0003", "a", JOHN),
                Streams.create("0004", "a", SUE, "")));

    assertThat(HistoryJson.fromJson(HistoryJson.toJson(history))).isEqualTo(history);
  }

  @Test
  void roundTrip_ofEmptyAndRandomHistories() {
    assertThat(HistoryJson.fromJson(HistoryJson.toJson(WidgetHistory.EMPTY)))
        .isEqualTo(WidgetHistory.EMPTY);
    Random random = new Random(3L);
    for (int run = 0; run < 200; run++) {
      WidgetHistory history = WidgetHistory.EMPTY;
      for (KeyedRequest r : Streams.random(random, 10)) {
        if (r.request().widgetId().equals("w0")) {
          history = WidgetFold.fold(history, r, new WidgetFold.Limits(4, 1 << 20)).history();
        }
      }
      assertThat(HistoryJson.fromJson(HistoryJson.toJson(history))).isEqualTo(history);
    }
  }

  @Test
  void fromJson_ofSomethingElse_isRefused() {
    assertThatThrownBy(() -> HistoryJson.fromJson("{\"requests\":[{\"key\":1}]}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HistoryJson.fromJson("nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
