package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.failure.InfrastructureFailure;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one delivered request to its end: applies it to the store and removes it from the source,
 * or dead-letters it, or releases it to its source when a call fails. Never retries a call itself:
 * the SDK has retried it already, and the source's redelivery (later each time, bounded by its
 * redrive policy) is the next try (docs/design/consumer.md, "One retry owner per call"). Never
 * throws: every path ends in an {@link Outcome}.
 */
final class RequestProcessor {

  /** Hears of each infrastructure failure, for what concerns the whole engine. */
  interface FailureListener {
    FailureListener NONE = failure -> {};

    void failed(InfrastructureFailure failure);
  }

  private final RequestSource source;
  private final WidgetStore store;
  private final Clock clock;
  private final ConsumerEvents events;
  private final FailureListener listener;

  RequestProcessor(RequestSource source, WidgetStore store, Clock clock) {
    this(source, store, clock, ConsumerEvents.NONE, FailureListener.NONE);
  }

  RequestProcessor(
      RequestSource source,
      WidgetStore store,
      Clock clock,
      ConsumerEvents events,
      FailureListener listener) {
    this.source = source;
    this.store = store;
    this.clock = clock;
    this.events = events;
    this.listener = listener;
  }

  Outcome process(Delivery delivery, ParseResult parsed) {
    return switch (parsed) {
      case ParseResult.Invalid invalid -> reject(delivery, invalid.reason());
      case ParseResult.Valid valid -> apply(delivery, valid.request());
    };
  }

  Outcome reject(Delivery delivery, String reason) {
    try {
      source.deadLetter(delivery, reason);
      return new Outcome.Rejected(reason);
    } catch (RuntimeException failure) {
      return release(delivery, failure); // never dead-letter a failed dead-lettering: it would loop
    }
  }

  private Outcome apply(Delivery delivery, WidgetRequest request) {
    return applyAll(List.of(delivery), List.of(request)).getFirst();
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
  List<Outcome> applyAll(List<Delivery> deliveries, List<WidgetRequest> requests) {
    List<StoreOutcome> stored;
    try {
      stored = store(deliveries, requests);
    } catch (InfrastructureFailure.Refused refused) {
      if (deliveries.size() > 1) {
        List<Outcome> outcomes = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
          outcomes.add(apply(deliveries.get(i), requests.get(i)));
        }
        return outcomes;
      }
      listener.failed(refused);
      return List.of(reject(deliveries.getFirst(), "the store refused it: " + refused.describe()));
    } catch (RuntimeException failure) {
      return releaseAll(deliveries, failure);
    }
    List<Outcome> outcomes = new ArrayList<>(deliveries.size());
    for (int i = 0; i < deliveries.size(); i++) {
      outcomes.add(end(deliveries.get(i), stored.get(i)));
    }
    return outcomes;
  }

  /** Ends one delivery by what the store did with its request. */
  private Outcome end(Delivery delivery, StoreOutcome stored) {
    Outcome outcome = deadLetterIfLost(delivery, stored);
    if (outcome instanceof Outcome.Rejected
        || outcome instanceof Outcome.TooLate
        || outcome instanceof Outcome.Released) {
      return outcome; // dead-lettered, or given back when dead-lettering failed
    }
    try {
      source.acknowledge(delivery);
      return outcome;
    } catch (RuntimeException failure) {
      // Applied, but still in the source: its next delivery is a duplicate the store recognises.
      return release(delivery, failure);
    }
  }

  /** One call to the store for the lot; the provenance is the last delivery's. */
  private List<StoreOutcome> store(List<Delivery> deliveries, List<WidgetRequest> requests) {
    List<KeyedRequest> keyed = new ArrayList<>(deliveries.size());
    for (int i = 0; i < deliveries.size(); i++) {
      keyed.add(new KeyedRequest(deliveries.get(i).orderKey(), requests.get(i)));
    }
    Provenance provenance =
        new Provenance(
            requests.getLast().requestId(), clock.instant(), deliveries.getLast().position());
    return deliveries.size() == 1
        ? List.of(store.apply(keyed.getFirst(), provenance))
        : store.applyAll(keyed, provenance);
  }

  /** The outcome of a stored request; one too late or refused is dead-lettered here. */
  private Outcome deadLetterIfLost(Delivery delivery, StoreOutcome outcome) {
    return switch (outcome) {
      case StoreOutcome.Applied a -> new Outcome.Applied();
      case StoreOutcome.Warned w -> new Outcome.Warned(w.reason());
      case StoreOutcome.Duplicate d -> new Outcome.Duplicate(d.note());
      case StoreOutcome.TooLate t -> {
        Outcome deadLettered = reject(delivery, t.reason());
        yield deadLettered instanceof Outcome.Rejected
            ? new Outcome.TooLate(t.reason())
            : deadLettered;
      }
      case StoreOutcome.Refused r -> reject(delivery, r.reason());
    };
  }

  /**
   * Releases every delivery of a lot whose store call failed: the first as any failed request, the
   * later ones a little behind it, so the lane's order holds when they come back.
   */
  private List<Outcome> releaseAll(List<Delivery> deliveries, RuntimeException failure) {
    List<Outcome> outcomes = new ArrayList<>(deliveries.size());
    Delivery first = deliveries.getFirst();
    outcomes.add(release(first, failure));
    for (Delivery delivery : deliveries.subList(1, deliveries.size())) {
      events.retried(delivery, failure);
      String error = Failures.describe(failure);
      try {
        source.releaseBehind(delivery, first);
      } catch (RuntimeException releaseFailed) {
        error += "; release failed too: " + Failures.describe(releaseFailed);
      }
      outcomes.add(new Outcome.Released(error));
    }
    return outcomes;
  }

  /** Gives the delivery back to its source, to come back later; tells the listener why. */
  private Outcome release(Delivery delivery, RuntimeException failure) {
    if (failure instanceof InfrastructureFailure known) {
      listener.failed(known);
    }
    events.retried(delivery, failure);
    String error = Failures.describe(failure);
    try {
      source.release(delivery);
    } catch (RuntimeException releaseFailed) {
      // Still safe: the request stays in its source and comes back after its timeout.
      error += "; release failed too: " + Failures.describe(releaseFailed);
    }
    return new Outcome.Released(error);
  }
}
