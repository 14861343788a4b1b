package dev.widgetrequests.producer.run;

import dev.widgetrequests.producer.sink.OutgoingRequest;
import dev.widgetrequests.producer.sink.RequestSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Keeps what it is sent, in memory; notices two batches for one widget in flight together. */
class RecordingSink implements RequestSink {
  private final int maxBatchSize;
  private final Consumer<List<OutgoingRequest>> beforeStore;
  private final List<List<OutgoingRequest>> batches =
      Collections.synchronizedList(new ArrayList<>());
  private final Set<String> widgetsInFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean overlap = new AtomicBoolean();
  private final boolean keepsWidgetOrder;

  RecordingSink(
      int maxBatchSize, Consumer<List<OutgoingRequest>> beforeStore, boolean keepsWidgetOrder) {
    this.maxBatchSize = maxBatchSize;
    this.beforeStore = beforeStore;
    this.keepsWidgetOrder = keepsWidgetOrder;
  }

  RecordingSink(int maxBatchSize, Consumer<List<OutgoingRequest>> beforeStore) {
    this(maxBatchSize, beforeStore, true);
  }

  RecordingSink(int maxBatchSize) {
    this(maxBatchSize, batch -> {});
  }

  @Override
  public void verify() {}

  @Override
  public void send(List<OutgoingRequest> batch) {
    Set<String> widgets = new java.util.HashSet<>();
    batch.forEach(request -> widgets.add(request.request().widgetId()));
    for (String widget : widgets) {
      if (!widgetsInFlight.add(widget)) {
        overlap.set(true);
      }
    }
    try {
      beforeStore.accept(batch);
      batches.add(List.copyOf(batch));
    } finally {
      widgetsInFlight.removeAll(widgets);
    }
  }

  @Override
  public boolean keepsWidgetOrder() {
    return keepsWidgetOrder;
  }

  @Override
  public int maxBatchSize() {
    return maxBatchSize;
  }

  @Override
  public String describe() {
    return "memory";
  }

  List<List<OutgoingRequest>> batches() {
    synchronized (batches) {
      return List.copyOf(batches);
    }
  }

  /** Everything stored, sorted by key: the order a bucket lists them in. */
  List<OutgoingRequest> byKey() {
    List<OutgoingRequest> all = new ArrayList<>();
    batches().forEach(all::addAll);
    all.sort(Comparator.comparing(OutgoingRequest::key));
    return all;
  }

  boolean sawOneWidgetInFlightTwice() {
    return overlap.get();
  }
}
