package dev.widgetrequests.cli.demo;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.apply.RequestApplier;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.memory.InMemoryWidgetStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The widgets a stream of requests leaves when applied in order, worked out in memory. */
final class ExpectedState {
  private ExpectedState() {}

  static Map<String, Widget> of(List<WidgetRequest> requests) {
    InMemoryWidgetStore store = new InMemoryWidgetStore();
    for (WidgetRequest request : requests) {
      switch (RequestApplier.apply(request, store.find(request.widgetId(), request.owner()))) {
        case dev.widgetrequests.model.apply.Change.Put put ->
            store.put(put.widget(), new Provenance(request.requestId(), Instant.EPOCH, "memory"));
        case dev.widgetrequests.model.apply.Change.Remove remove -> store.delete(remove.widget());
        case dev.widgetrequests.model.apply.Change.Skip skip -> {}
      }
    }
    return store.snapshot();
  }
}
