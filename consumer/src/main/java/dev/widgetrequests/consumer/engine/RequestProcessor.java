package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.failure.InfrastructureFailure;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.StoreOutcome;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies delivered requests to the store and ends each delivery by what the store did, through its
 * {@link Settlement}. Never retries a call itself: the SDK has retried it already, and the source's
 * redelivery (later each time, bounded by its redrive policy) is the next try
 * (docs/design/consumer.md, "One retry owner per call"). Never throws: every path ends in an {@link
 * Outcome}.
 */
final class RequestProcessor {

  /** Hears of each infrastructure failure, for what concerns the whole engine. */
  interface FailureListener {
    FailureListener NONE = failure -> {};

    void failed(InfrastructureFailure failure);
  }

  private final WidgetStore store;
  private final Clock clock;
  private final FailureListener listener;

  RequestProcessor(WidgetStore store, Clock clock, FailureListener listener) {
    this.store = store;
    this.clock = clock;
    this.listener = listener;
  }

  /** Ends a delivery that is no widget's request: dead-lettered with the parser's reason. */
  Outcome process(Settlement settlement, ParseResult parsed) {
    return switch (parsed) {
      case ParseResult.Invalid invalid -> reject(settlement, invalid.reason());
      case ParseResult.Valid valid ->
          applyAll(List.of(settlement), List.of(valid.request())).getFirst();
    };
  }

  Outcome reject(Settlement settlement, String reason) {
    return settlement.deadLetter(new Outcome.Rejected(reason));
  }

  /**
   * Takes requests of one widget, in their lane's order, to their ends: folds them into the store
   * in one call (one write for the lot, docs/design/consumer.md, "Coalescing in the lane"), then
   * ends each delivery by its own outcome. When the call fails, every delivery is released, the
   * later ones behind the first; when the store refuses the lot, each is applied by itself, so only
   * the request it cannot hold is dead-lettered.
   *
   * @param requests the parsed request of each delivery, in the same order
   * @return the outcome of each delivery, in the same order
   */
  List<Outcome> applyAll(List<Settlement> lot, List<WidgetRequest> requests) {
    List<StoreOutcome> stored;
    try {
      stored = store(lot, requests);
    } catch (InfrastructureFailure.Refused refused) {
      if (lot.size() > 1) {
        List<Outcome> outcomes = new ArrayList<>(lot.size());
        for (int i = 0; i < lot.size(); i++) {
          outcomes.add(applyAll(List.of(lot.get(i)), List.of(requests.get(i))).getFirst());
        }
        return outcomes;
      }
      listener.failed(refused);
      return List.of(reject(lot.getFirst(), "the store refused it: " + refused.describe()));
    } catch (RuntimeException failure) {
      return releaseAll(lot, failure);
    }
    List<Outcome> outcomes = new ArrayList<>(lot.size());
    for (int i = 0; i < lot.size(); i++) {
      outcomes.add(end(lot.get(i), stored.get(i)));
    }
    return outcomes;
  }

  /** One call to the store for the lot; the provenance is the last delivery's. */
  private List<StoreOutcome> store(List<Settlement> lot, List<WidgetRequest> requests) {
    List<KeyedRequest> keyed = new ArrayList<>(lot.size());
    for (int i = 0; i < lot.size(); i++) {
      keyed.add(new KeyedRequest(lot.get(i).delivery().orderKey(), requests.get(i)));
    }
    Provenance provenance =
        new Provenance(
            requests.getLast().requestId(), clock.instant(), lot.getLast().delivery().position());
    return lot.size() == 1
        ? List.of(store.apply(keyed.getFirst(), provenance))
        : store.applyAll(keyed, provenance);
  }

  /** Ends one delivery by what the store did with its request. */
  private static Outcome end(Settlement settlement, StoreOutcome outcome) {
    return switch (outcome) {
      case StoreOutcome.Applied a -> settlement.acknowledge(new Outcome.Applied());
      case StoreOutcome.Warned w -> settlement.acknowledge(new Outcome.Warned(w.reason()));
      case StoreOutcome.Duplicate d -> settlement.acknowledge(new Outcome.Duplicate(d.note()));
      case StoreOutcome.TooLate t -> settlement.deadLetter(new Outcome.TooLate(t.reason()));
      case StoreOutcome.Refused r -> settlement.deadLetter(new Outcome.Rejected(r.reason()));
    };
  }

  /**
   * Releases every delivery of a lot whose store call failed: the first as any failed request, the
   * later ones a little behind it, so the lane's order holds when they come back.
   */
  private static List<Outcome> releaseAll(List<Settlement> lot, RuntimeException failure) {
    List<Outcome> outcomes = new ArrayList<>(lot.size());
    Settlement first = lot.getFirst();
    outcomes.add(first.release(failure));
    for (Settlement later : lot.subList(1, lot.size())) {
      outcomes.add(later.releaseBehind(first, Failures.describe(failure)));
    }
    return outcomes;
  }
}
