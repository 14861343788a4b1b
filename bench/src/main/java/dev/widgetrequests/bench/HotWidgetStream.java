package dev.widgetrequests.bench;

import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.producer.key.RequestKeys;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The hot-widget path's two request streams, the harness of docs/design/consumer.md E1 and E5: one
 * widget's create and {@value #HOT_UPDATES} updates with {@value #OTHERS} other widgets' creates
 * among them, and as many creates of distinct widgets.
 */
final class HotWidgetStream {
  static final int HOT_UPDATES = 600;
  static final int OTHERS = 60;

  /** Requests in each stream: the hot widget's create, its updates and the others' creates. */
  static final int SIZE = 1 + HOT_UPDATES + OTHERS;

  /** The runs' names in the table. */
  static final String HOT_RUN = "600 updates of one widget + 60 others";

  static final String DISTINCT_RUN = "661 distinct creates";

  static final String HOT_ID = "hot";
  static final String OTHER_PREFIX = "other-";
  private static final String OWNER = "Sue Smith";

  /** Marks the keys as this stream's (the producer draws this part at random). */
  private static final String KEY_PART = "0000b07e";

  private HotWidgetStream() {}

  /**
   * The hot widget's create, then its updates labelled 1 to {@value #HOT_UPDATES}, another widget's
   * create after every tenth ({@code other-10}, {@code other-20}, …).
   */
  static List<WidgetRequest> hotWidget() {
    List<WidgetRequest> requests = new ArrayList<>(SIZE);
    requests.add(create(HOT_ID, "0"));
    int every = HOT_UPDATES / OTHERS;
    for (int i = 1; i <= HOT_UPDATES; i++) {
      requests.add(
          new UpdateWidget(HOT_ID + "-" + i, HOT_ID, OWNER, Integer.toString(i), null, null));
      if (i % every == 0) {
        requests.add(create(OTHER_PREFIX + i, "x"));
      }
    }
    return requests;
  }

  /** {@value #SIZE} creates of distinct widgets, {@code distinct-0} on. */
  static List<WidgetRequest> distinctWidgets() {
    return IntStream.range(0, SIZE)
        .mapToObj(i -> (WidgetRequest) create("distinct-" + i, "x"))
        .toList();
  }

  /** The ids of the other widgets of {@link #hotWidget()}. */
  static List<String> otherIds(List<WidgetRequest> requests) {
    return requests.stream()
        .map(WidgetRequest::widgetId)
        .filter(id -> id.startsWith(OTHER_PREFIX))
        .toList();
  }

  /**
   * The requests as the producer sends them, with order keys of {@code clock}'s time that sort in
   * the stream's order, so the consumer applies each widget's requests as listed.
   */
  static List<OutgoingRequest> keyed(List<WidgetRequest> requests, Clock clock) {
    RequestKeys keys = new RequestKeys(clock, KEY_PART);
    return requests.stream()
        .map(request -> new OutgoingRequest(keys.next(), request, WidgetJson.toJson(request)))
        .toList();
  }

  private static CreateWidget create(String widgetId, String label) {
    return new CreateWidget(widgetId + "-create", widgetId, OWNER, label, null, null);
  }
}
