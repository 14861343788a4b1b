package dev.widgetrequests.bench;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.util.List;

/** Requests as the producer sends them, for the tests of what a store makes of them. */
final class ProducedRequests {
  private ProducedRequests() {}

  /**
   * Widget w1 of Ada Lovelace: created (r1, label LABEL, color red), updated (r2, label NEW, size
   * 9), deleted (r3), in that order.
   */
  static List<OutgoingRequest> createUpdateDelete() {
    return List.of(
        outgoing(
            "1615728964574",
            new CreateWidget(
                "r1", "w1", "Ada Lovelace", "LABEL", null, List.of(new Attribute("color", "red")))),
        outgoing(
            "1615728964575",
            new UpdateWidget(
                "r2", "w1", "Ada Lovelace", "NEW", null, List.of(new Attribute("size", "9")))),
        outgoing("1615728964576", new DeleteWidget("r3", "w1", "Ada Lovelace")));
  }

  static OutgoingRequest outgoing(String key, WidgetRequest request) {
    return new OutgoingRequest(key, request, "{}");
  }
}
