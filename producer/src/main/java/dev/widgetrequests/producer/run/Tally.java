package dev.widgetrequests.producer.run;

import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests stored by the sink, by type; batches finish on several threads at once. */
final class Tally {
  private final LongAdder creates = new LongAdder();
  private final LongAdder updates = new LongAdder();
  private final LongAdder deletes = new LongAdder();

  void add(List<OutgoingRequest> sent) {
    for (OutgoingRequest request : sent) {
      LongAdder counter =
          switch (request.request()) {
            case CreateWidget c -> creates;
            case UpdateWidget u -> updates;
            case DeleteWidget d -> deletes;
          };
      counter.increment();
    }
  }

  long total() {
    return creates.sum() + updates.sum() + deletes.sum();
  }

  Counts counts() {
    return new Counts(creates.sum(), updates.sum(), deletes.sum());
  }
}
