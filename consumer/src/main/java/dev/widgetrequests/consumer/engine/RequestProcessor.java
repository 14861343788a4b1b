package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.StoreOutcome;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.time.Duration;

/**
 * Takes one delivered request to its end: applies it to the store and removes it from the source,
 * or dead-letters it, or leaves it in the source when the infrastructure keeps failing. Never
 * throws: every path ends in an {@link Outcome}.
 */
final class RequestProcessor {
  private static final int MAX_ATTEMPTS = 5;

  private final RequestSource source;
  private final WidgetStore store;
  private final Clock clock;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final ConsumerEvents events;

  RequestProcessor(
      RequestSource source, WidgetStore store, Clock clock, Backoff backoff, Sleeper sleeper) {
    this(source, store, clock, backoff, sleeper, ConsumerEvents.NONE);
  }

  RequestProcessor(
      RequestSource source,
      WidgetStore store,
      Clock clock,
      Backoff backoff,
      Sleeper sleeper,
      ConsumerEvents events) {
    this.events = events;
    this.source = source;
    this.store = store;
    this.clock = clock;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  Outcome process(Delivery delivery, ParseResult parsed) {
    return switch (parsed) {
      case ParseResult.Invalid invalid -> reject(delivery, invalid.reason());
      case ParseResult.Valid valid -> apply(delivery, valid.request());
    };
  }

  private Outcome reject(Delivery delivery, String reason) {
    return withRetries(
        delivery,
        false,
        () -> {
          source.deadLetter(delivery, reason);
          return new Outcome.Rejected(reason);
        });
  }

  private Outcome apply(Delivery delivery, WidgetRequest request) {
    return withRetries(
        delivery,
        true,
        () -> {
          Outcome outcome = applyToStore(delivery, request);
          if (!(outcome instanceof Outcome.Rejected || outcome instanceof Outcome.TooLate)) {
            source.acknowledge(delivery);
          }
          return outcome;
        });
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
        source.deadLetter(delivery, t.reason());
        yield new Outcome.TooLate(t.reason());
      }
      case StoreOutcome.Refused r -> {
        source.deadLetter(delivery, r.reason());
        yield new Outcome.Rejected(r.reason());
      }
    };
  }

  /**
   * Retries transient failures with backoff; dead-letters a request the store refuses (when {@code
   * rejectRefusals}: never while dead-lettering, which would loop); gives the delivery back to its
   * source when failures persist or are neither (the source's redrive policy takes it from there).
   */
  private Outcome withRetries(Delivery delivery, boolean rejectRefusals, Step step) {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.run();
      } catch (RuntimeException failure) {
        if (rejectRefusals && TransientFailures.isRefused(failure)) {
          return reject(delivery, "the store refused it: " + TransientFailures.describe(failure));
        }
        if (!TransientFailures.isTransient(failure) || attempt == MAX_ATTEMPTS) {
          return release(delivery, failure);
        }
        events.retried(delivery, failure);
        try {
          sleeper.sleep(backoff.delay(attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return release(delivery, failure);
        }
      }
    }
  }

  private Outcome release(Delivery delivery, RuntimeException failure) {
    String error = TransientFailures.describe(failure);
    try {
      source.release(delivery);
    } catch (RuntimeException releaseFailed) {
      // Still safe: the request stays in its source and comes back after its timeout.
      error += "; release failed too: " + TransientFailures.describe(releaseFailed);
    }
    return new Outcome.Released(error);
  }

  @FunctionalInterface
  private interface Step {
    Outcome run();
  }

  /** Waits between retries; tests pass one that does not sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }
}
