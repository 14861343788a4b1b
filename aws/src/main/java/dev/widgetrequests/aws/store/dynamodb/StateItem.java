package dev.widgetrequests.aws.store.dynamodb;

import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.EXPIRES_AT;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.HISTORY;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.OWNER;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.REQUEST_KEY;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.TOMBSTONE;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.VERSION;

import dev.widgetrequests.aws.store.conditional.ConditionalWidgetStore;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.fold.HistoryJson;
import dev.widgetrequests.model.fold.StoredHistory;
import dev.widgetrequests.model.fold.WidgetHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A widget's whole item: the flat widget of {@link WidgetItem} when it is live, else a tombstone
 * (no {@code owner}, so the owner index skips it, and a TTL), plus the history and its version.
 */
final class StateItem {
  /** How long a tombstone is kept for late requests before DynamoDB's TTL removes it. */
  static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(7);

  /** A widget's history as stored, with the version a conditional write must find. */
  record Known(WidgetHistory history, long version) implements ConditionalWidgetStore.Stored {
    static final Known NONE = new Known(WidgetHistory.EMPTY, 0);
  }

  private final WidgetItem widgets;

  StateItem(WidgetItem widgets) {
    this.widgets = widgets;
  }

  Map<String, AttributeValue> toItem(
      String widgetId, Folded folded, long version, String requestId, Instant now) {
    WidgetHistory history = folded.history();
    String latestKey = history.latestKey().orElseThrow();
    Map<String, AttributeValue> item = new HashMap<>();
    Widget stored = null;
    if (folded.widget() != null) {
      item.putAll(widgets.toItem(folded.widget(), requestId, now));
      // As a reader will see it: the history is read against the widget the item gives.
      stored = widgets.fromItem(item);
    } else {
      item.putAll(widgets.key(widgetId));
      item.put(TOMBSTONE, AttributeValue.fromS(latestKey));
      item.put(
          EXPIRES_AT,
          AttributeValue.fromN(Long.toString(now.plus(TOMBSTONE_LIFETIME).getEpochSecond())));
    }
    item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
    item.put(
        HISTORY,
        AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(StoredHistory.encode(history, stored))));
    item.put(REQUEST_KEY, AttributeValue.fromS(latestKey));
    return item;
  }

  /**
   * The stored history; an item written without one (by an older consumer or another tool) is its
   * widget as a base that every request comes after.
   */
  Known fromItem(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty()) {
      return Known.NONE;
    }
    AttributeValue version = item.get(VERSION);
    AttributeValue history = item.get(HISTORY);
    if (version != null && history != null) {
      return new Known(historyOf(item, history), Long.parseLong(version.n()));
    }
    WidgetHistory base =
        item.containsKey(OWNER)
            ? new WidgetHistory(null, widgets.fromItem(item), List.of())
            : WidgetHistory.EMPTY;
    return new Known(base, 0);
  }

  /** Compressed against the item's widget; an item of an older consumer holds plain JSON. */
  private WidgetHistory historyOf(Map<String, AttributeValue> item, AttributeValue history) {
    if (history.b() == null) {
      return HistoryJson.fromJson(history.s());
    }
    Widget stored = isLive(item) ? widgets.fromItem(item) : null;
    return StoredHistory.decode(history.b().asByteArrayUnsafe(), stored);
  }

  /** Whether the item is a live widget (not a tombstone). */
  static boolean isLive(Map<String, AttributeValue> item) {
    return item != null && item.containsKey(OWNER) && !item.containsKey(TOMBSTONE);
  }
}
