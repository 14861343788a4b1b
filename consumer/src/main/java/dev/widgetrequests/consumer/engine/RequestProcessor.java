package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.failure.InfrastructureFailure;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.StoreOutcome;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;

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
    Outcome outcome;
    try {
      outcome = applyToStore(delivery, request);
    } catch (InfrastructureFailure.Refused refused) {
      listener.failed(refused);
      return reject(delivery, "the store refused it: " + refused.describe());
    } catch (RuntimeException failure) {
      return release(delivery, failure);
    }
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

  /**
   * Folds the request into the store at its delivery's order key. A request the store can never
   * hold is dead-lettered here (the delivery is then done with); otherwise the caller acknowledges.
   */
  Outcome applyToStore(Delivery delivery, WidgetRequest request) {
    Provenance provenance =
        new Provenance(request.requestId(), clock.instant(), delivery.position());
    StoreOutcome outcome = store.apply(new KeyedRequest(delivery.orderKey(), request), provenance);
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
