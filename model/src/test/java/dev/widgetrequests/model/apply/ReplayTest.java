package dev.widgetrequests.model.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

  @Test
  void of_appliesRequestsInOrder_andKeepsOnlyWidgetsThatSurvive() {
    var widgets =
        Replay.of(
            List.of(
                new CreateWidget("r1", "a", "Sue Smith", "L", null, List.of()),
                new CreateWidget("r2", "b", "John Jones", null, "D", List.of()),
                new UpdateWidget(
                    "r3", "a", "Sue Smith", "", "new", List.of(new Attribute("color", "red"))),
                new DeleteWidget("r4", "b", "John Jones"),
                new DeleteWidget("r5", "a", "Mary Matthews")));

    assertThat(widgets)
        .containsOnlyKeys("a")
        .containsEntry(
            "a", new Widget("a", "Sue Smith", null, "new", List.of(new Attribute("color", "red"))));
  }

  @Test
  void of_withNoRequests_isEmpty() {
    assertThat(Replay.of(List.of())).isEmpty();
  }
}
