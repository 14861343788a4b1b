package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.apply.Replay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Request streams for fold tests, and the two ways of ending them: folded and replayed. */
final class Streams {
  static final String SUE = "Sue Smith";
  static final String JOHN = "John Jones";

  private Streams() {}

  static KeyedRequest create(String key, String id, String owner, String label) {
    return new KeyedRequest(
        key,
        new CreateWidget(
            "r" + key, id, owner, label, "d" + key, List.of(new Attribute("size", key))));
  }

  static KeyedRequest update(String key, String id, String owner, String label, String colour) {
    List<Attribute> attributes =
        colour == null ? List.of() : List.of(new Attribute("colour", colour));
    return new KeyedRequest(key, new UpdateWidget("r" + key, id, owner, label, null, attributes));
  }

  static KeyedRequest delete(String key, String id, String owner) {
    return new KeyedRequest(key, new DeleteWidget("r" + key, id, owner));
  }

  /** Folds the arrivals one by one, each widget into its own history; the live widgets by id. */
  static SortedMap<String, Widget> folded(List<KeyedRequest> arrivals, WidgetFold.Limits limits) {
    Map<String, WidgetHistory> histories = new HashMap<>();
    SortedMap<String, Widget> widgets = new TreeMap<>();
    for (KeyedRequest arrival : arrivals) {
      String id = arrival.request().widgetId();
      Folded folded =
          WidgetFold.fold(histories.getOrDefault(id, WidgetHistory.EMPTY), arrival, limits);
      histories.put(id, folded.history());
      folded.state().ifPresentOrElse(w -> widgets.put(id, w), () -> widgets.remove(id));
    }
    return widgets;
  }

  /** The in-order result: the distinct requests (key and content) replayed in position order. */
  static SortedMap<String, Widget> inOrder(List<KeyedRequest> arrivals) {
    Map<String, WidgetRequest> distinct = new LinkedHashMap<>();
    arrivals.stream()
        .sorted(Comparator.comparing(KeyedRequest::position))
        .forEach(
            k -> distinct.putIfAbsent(k.request().widgetId() + " " + k.position(), k.request()));
    return Replay.of(distinct.values());
  }

  /** A random stream over a few widget ids and two owners, keys in sending order. */
  static List<KeyedRequest> random(Random random, int length) {
    List<KeyedRequest> stream = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      String key = "%04d".formatted(i);
      String id = "w" + random.nextInt(3);
      String owner = random.nextInt(5) == 0 ? JOHN : SUE;
      stream.add(
          switch (random.nextInt(6)) {
            case 0, 1 -> create(key, id, owner, random.nextBoolean() ? "" : "L" + i);
            case 2, 3 ->
                update(
                    key,
                    id,
                    owner,
                    random.nextInt(3) == 0 ? null : random.nextBoolean() ? "" : "U" + i,
                    random.nextInt(3) == 0 ? null : random.nextBoolean() ? "" : "c" + i);
            default -> delete(key, id, owner);
          });
    }
    return stream;
  }
}
